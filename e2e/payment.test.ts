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

  it("takes a mobile-money code, shows it on the sale and receipt, finds the sale by it and sends the receipt to the customer", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await signUpOwner(page);
    await createProduct(page, { name: "Bread", price: 6000 }, 10);
    const customer = await page.request.post("/api/v1/customers", {
      data: { name: "Bi Mwanaisha", phone: "0722 111 222" },
    });
    expect(customer.status(), await customer.text()).toBe(201);
    await page.goto("/sell");
    await heading(page, "New sale");
    await page.getByLabel("Find a product").fill("Bread");
    await page.getByRole("button", { name: /Bread/ }).click();
    await page.getByRole("button", { name: "Charge" }).click();
    await heading(page, "Payment");
    // Only mobile money asks for the code.
    expect(await page.getByLabel("Transaction code (optional)").count()).toBe(0);
    await page.getByLabel("Mobile money").check();
    const code = page.getByLabel("Transaction code (optional)");
    await code.fill("QGH!");
    await page.getByRole("button", { name: /^Confirm/ }).click();
    await page.getByText("Type only the code's letters and digits, 4 to 30 of them.").waitFor();
    await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.id")).toBe("pay-reference");
    await code.fill("qgh7 1abc2d");
    await page.getByLabel("Customer (optional)").fill("Mwanaisha");
    await page.getByRole("button", { name: /Bi Mwanaisha/ }).click();
    await checkA11y(page);
    await page.getByRole("button", { name: /^Confirm/ }).click();
    await heading(page, "Sale #1 recorded");

    await page.getByRole("link", { name: "Receipt" }).click();
    await page.getByText("QGH71ABC2D").waitFor();
    const whatsapp = page.getByRole("link", { name: "Send to Bi Mwanaisha by WhatsApp" });
    // The receipt's text arrives after the screen: wait for the link to carry it.
    await expect
      .poll(() => whatsapp.getAttribute("href"), { timeout: 10_000 })
      .toMatch(/^https:\/\/wa\.me\/254722111222\?text=.*QGH71ABC2D/);
    await page.getByRole("link", { name: "Sale details" }).click();
    await page.getByText("QGH71ABC2D").waitFor();
    await checkA11y(page);

    await page.goto("/sales");
    await heading(page, "Sales");
    await page.getByLabel("Find a sale").fill("qgh71");
    await page.getByRole("button", { name: "Find", exact: true }).click();
    await page.getByRole("link", { name: /Sale #1/ }).waitFor();
    await page.getByLabel("Find a sale").fill("NOSUCH");
    await page.getByRole("button", { name: "Find", exact: true }).click();
    await expect.poll(() => page.getByRole("link", { name: /Sale #1/ }).count()).toBe(0);
  });
});
