import { randomUUID } from "node:crypto";
import type { Locator, Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { createProduct, heading, SHOTS, signUpOwner } from "./helpers.js";

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`not on screen: ${locator}`);
  return { ...b, right: b.x + b.width, bottom: b.y + b.height };
}

/** Sells through the till, so this browser remembers the product as a quick pick. */
async function sellOnce(page: Page, name: string) {
  await page.getByLabel("Find a product").fill(name);
  await page
    .getByRole("button", { name: new RegExp(name) })
    .first()
    .click();
  await page.getByRole("button", { name: "Charge" }).click();
  await page.getByRole("button", { name: /^Confirm/ }).click();
  await heading(page, /^Sale #\d+ recorded$/);
  await page.getByRole("button", { name: "New sale" }).click();
  await heading(page, "New sale");
}

describeBrowser("desktop: wide screens use the width", () => {
  const e2e = useE2E();

  it("puts the till's products beside the cart, lists stock in columns and shows reports as a full table", async () => {
    const page = await e2e.newPage();
    page.setDefaultTimeout(20_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    await signUpOwner(page);
    const names = ["Chai", "Chapati", "Maziwa Brookside 500ml", "Mandazi", "Sukari 1kg", "Unga Exe 2kg"];
    for (const [i, name] of names.entries()) await createProduct(page, { name, price: 5_000 + i * 2_550 }, 50);
    for (let i = 0; i < 12; i++) await createProduct(page, { name: `Soda ${i + 1} litre`, price: 12_000 }, 20);
    const chai = await page.request
      .get("/api/v1/products?q=Chai")
      .then((r) => r.json() as Promise<{ items: { id: string }[] }>);
    const sold = await page.request.post("/api/v1/sales", {
      data: { id: randomUUID(), lines: [{ productId: chai.items[0]?.id, quantity: 3 }], payment: { method: "cash" } },
    });
    expect(sold.status(), await sold.text()).toBe(201);

    await page.goto("/sell");
    await heading(page, "New sale");
    for (const name of ["Chapati", "Mandazi", "Sukari 1kg"]) await sellOnce(page, name);
    await page.getByRole("button", { name: /^Chapati/ }).click();
    await page.getByRole("button", { name: /^Mandazi/ }).click();

    // The product grid and the cart side by side, the total and Charge together under the cart.
    const picks = await box(page.getByRole("region", { name: "Quick picks" }));
    const cart = await box(page.getByRole("region", { name: /In this sale/ }));
    const total = await box(page.locator(".sell-bar-total"));
    const charge = await box(page.getByRole("button", { name: "Charge" }));
    expect(picks.right).toBeLessThanOrEqual(cart.x);
    expect(picks.y).toBeLessThan(cart.bottom);
    expect(cart.y).toBeLessThan(picks.bottom);
    expect(total.x).toBeGreaterThanOrEqual(cart.x - 1);
    expect(charge.right).toBeLessThanOrEqual(cart.right + 1);
    expect(charge.x - total.right).toBeLessThan(cart.width);
    expect(charge.bottom).toBeLessThanOrEqual(800);
    expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(1280);
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-desktop-till.png` });

    // Stock: products in columns, several rows of them above the fold.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stock" }).click();
    await heading(page, "Stock");
    const rows = page.locator(".product-rows > li");
    await rows.nth(17).waitFor();
    const first = await box(rows.nth(0));
    const second = await box(rows.nth(1));
    expect(second.x).toBeGreaterThan(first.right - 1);
    expect(Math.abs(second.width - first.width)).toBeLessThan(1);
    const visible = await rows.evaluateAll(
      (els) => els.filter((el) => el.getBoundingClientRect().bottom <= 800 - 64).length,
    );
    expect(visible).toBeGreaterThanOrEqual(6);
    await page.screenshot({ path: `${SHOTS}/duka-desktop-stock.png` });

    // Reports: the whole table with its column heads, wider than a phone column.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
    await heading(page, "Reports");
    const table = page.getByRole("table", { name: "By day" });
    await table.getByRole("columnheader", { name: "Net sales" }).waitFor();
    expect((await box(table)).width).toBeGreaterThan(900);
    // Column heads shown as heads, not hidden as on a phone where each row is a card.
    expect((await box(table.getByRole("columnheader", { name: "Net sales" }))).height).toBeGreaterThan(10);
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-desktop-reports.png`, fullPage: true });

    // A form stays a readable column.
    await page.goto("/stock/new");
    await heading(page, "Add product");
    expect((await box(page.locator("main"))).width).toBeLessThan(760);
  }, 180_000);
});
