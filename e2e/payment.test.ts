import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { createProduct, heading, signUpOwner } from "./helpers.js";

describeBrowser("the payment sheet", () => {
  const e2e = useE2E();

  it("puts Confirm under the thumb on a 360×640 phone without scrolling, without jargon", async () => {
    const page = await e2e.newPage();
    await page.setViewportSize({ width: 360, height: 640 });
    await page.goto("/");
    await signUpOwner(page);
    await createProduct(page, { name: "Bread", price: 6000 }, 10);
    await page.goto("/sell");
    await heading(page, "New sale");
    await page.getByLabel("Find a product").fill("Bread");
    await page.getByRole("button", { name: /Bread/ }).click();
    await page.getByRole("button", { name: "Charge" }).click();
    await heading(page, "Payment");

    const confirm = page.getByRole("button", { name: /^Confirm/ });
    const box = await confirm.boundingBox();
    const nav = await page.getByRole("navigation", { name: "Main" }).boundingBox();
    expect(await page.evaluate("window.scrollY")).toBe(0);
    expect(box && nav).toBeTruthy();
    if (!box || !nav) return;
    // Fully on screen, above the bottom bar, in the lower part where the thumb rests.
    expect(box.y).toBeGreaterThan(640 / 2);
    expect(box.y + box.height).toBeLessThanOrEqual(nav.y + 1);
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(await page.getByText(/server checks/i).count()).toBe(0);
    await checkA11y(page);

    await confirm.click();
    await heading(page, "Sale #1 recorded");
  });
});
