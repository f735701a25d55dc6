import { randomUUID } from "node:crypto";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { createProduct, heading, signUpOwner } from "./helpers.js";

async function sale(page: Page, data: Record<string, unknown>) {
  const res = await page.request.post("/api/v1/sales", { data: { id: randomUUID(), ...data } });
  expect(res.status(), await res.text()).toBe(201);
}

describeBrowser("the small things a new shop notices", () => {
  const e2e = useE2E();

  it("opens the lists behind the dashboard's tiles, who owes and low stock", async () => {
    const page = await e2e.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto("/");
    await signUpOwner(page);
    const tea = await createProduct(page, { name: "Tea leaves", price: 12_000, lowStockThreshold: 5 }, 6);
    const customer = await page.request.post("/api/v1/customers", { data: { name: "Mama Njeri" } });
    const customerId = ((await customer.json()) as { id: string }).id;
    await sale(page, { lines: [{ productId: tea, quantity: 2 }], payment: { method: "credit" }, customerId });
    await page.goto("/");

    const home = async () => {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
      await heading(page, /Hello/);
    };
    await home();
    await page.getByRole("link", { name: /Net sales/ }).click();
    await heading(page, "Sales");
    await page.getByRole("link", { name: /Sale #1/ }).waitFor();

    await home();
    await page
      .getByRole("region", { name: "Who owes" })
      .getByRole("link", { name: /Mama Njeri/ })
      .click();
    await heading(page, "Customers");
    await page.getByRole("button", { name: "Who owes", pressed: true }).waitFor();
    await page.getByRole("link", { name: /Mama Njeri/ }).waitFor();

    await home();
    await page
      .getByRole("region", { name: "Low stock" })
      .getByRole("link", { name: /Tea leaves/ })
      .click();
    await heading(page, "Low stock");
    await page.getByRole("link", { name: "Tea leaves", exact: true }).waitFor();
    await checkA11y(page);
  }, 120_000);

  it("says when the first backup runs, words a transfer once, and caps a slipped finger's quantity", async () => {
    const page = await e2e.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto("/");
    await signUpOwner(page);

    // The server backed up at start, before this shop existed: that backup holds none of its data.
    await page.goto("/more/backups");
    await heading(page, "Backups and your data");
    await page.getByText(/^No backup of your data has been made yet\. The first one runs on .+\.$/).waitFor();
    expect(await page.getByText("Your data is backed up.").count()).toBe(0);

    const stall = await page.request.post("/api/v1/locations", { data: { name: "Market stall" } });
    expect(stall.status(), await stall.text()).toBe(201);
    const soap = await createProduct(page, { name: "Soap", price: 5_000 }, 10);
    await page.goto(`/stock/${soap}/transfer`);
    await heading(page, "Transfer stock");
    const main = page.getByRole("main");
    await main.getByText("Optional, such as who took it or why.").waitFor();
    expect(await main.textContent()).not.toMatch(/supplier|invoice/i);
    await page.getByLabel("To", { exact: true }).selectOption({ label: "Market stall" });
    await page.getByLabel(/^Quantity/).fill("3");
    await page.getByRole("button", { name: "Transfer stock" }).click();
    const done = page.getByRole("status").filter({ hasText: "Market stall now has 3 pcs." });
    await done.waitFor();
    expect((await done.textContent())?.match(/Saved\./g)).toHaveLength(1);
    await checkA11y(page);

    // 99,999,999 typed into the till: refused in words, and Charge stays on a 320 px screen.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto("/sell");
    await heading(page, "New sale");
    await page.getByLabel("Find a product").fill("Soap");
    await page.getByRole("button", { name: /Soap/ }).first().click();
    const quantity = page.getByLabel(/^Quantity of Soap/);
    await quantity.fill("99999999");
    await quantity.blur();
    await page.getByText("At most 100,000 on one line. Check the quantity.").waitFor();
    await expect.poll(() => quantity.getAttribute("aria-invalid")).toBe("true");
    const charge = await page.getByRole("button", { name: "Charge" }).boundingBox();
    expect(charge && charge.x + charge.width).toBeLessThanOrEqual(320);
    await quantity.fill("100000");
    await quantity.blur();
    const box = await page.getByRole("button", { name: "Charge" }).boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(320);
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
    await checkA11y(page);
  }, 120_000);
});
