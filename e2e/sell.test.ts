import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { heading, SHOTS, signUpOwner } from "./helpers.js";

async function createProduct(page: Page, data: Record<string, unknown>, quantity: number): Promise<string> {
  const locations = (await (await page.request.get("/api/v1/locations")).json()) as { items: { id: string }[] };
  const locationId = locations.items[0]?.id ?? "";
  const res = await page.request.post("/api/v1/products", {
    data: { ...data, initialStock: [{ locationId, quantity }] },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function stockOf(page: Page, id: string): Promise<number> {
  return ((await (await page.request.get(`/api/v1/products/${id}`)).json()) as { stock: number }).stock;
}

describeBrowser("selling", () => {
  const e2e = useE2E();

  it("sells in a few taps, keeps the cart across a reload and a dropped network, then voids and reports", async () => {
    const page = await e2e.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto("/");
    await signUpOwner(page);
    const sugar = await createProduct(page, { name: "Sugar 1 kg", price: 15000, sku: "SUG1", barcode: "6001" }, 20);
    await createProduct(page, { name: "Rice", price: 20000, unit: "kg" }, 50);

    await page.goto("/sell");
    await heading(page, "New sale");
    await expect
      .poll(() => page.getByRole("navigation", { name: "Main" }).getByRole("link").first().textContent())
      .toBe("Sell");
    await checkA11y(page);

    // Search by name, tap the row: added. One more with +.
    await page.getByLabel("Find a product").fill("sug");
    await page.getByRole("button", { name: /Sugar 1 kg/ }).click();
    await page.getByRole("button", { name: "One more Sugar 1 kg" }).click();
    await expect.poll(() => page.getByLabel(/Quantity of Sugar 1 kg/).inputValue()).toBe("2");
    // A name, SKU or barcode typed (or sent by a hand scanner) and Enter adds a single match.
    await page.getByLabel("Find a product").fill("Rice");
    await page.getByLabel("Find a product").press("Enter");
    await page.getByLabel("Quantity of Rice (kg)").fill("1.5");
    await page.getByLabel("Quantity of Rice (kg)").blur();

    // A reload mid-sale keeps the cart.
    await page.reload();
    await heading(page, "New sale");
    await expect.poll(() => page.getByLabel(/Quantity of Sugar 1 kg/).inputValue()).toBe("2");
    await expect.poll(() => page.getByLabel("Quantity of Rice (kg)").inputValue()).toBe("1.5");
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-sell-cart.png` });

    await page.getByRole("button", { name: "Charge" }).click();
    await heading(page, "Payment");
    await page.getByLabel("Cash received").fill("700");
    await page.getByText(/Change: \D*100\.00/).waitFor();
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-sell-payment.png`, fullPage: true });

    // The network drops on the first confirm: the cart and its id stay, and Try again records it once.
    await page.route("**/api/v1/sales", (route) => route.abort("internetdisconnected"), { times: 1 });
    await page.getByRole("button", { name: /^Confirm/ }).click();
    await page
      .getByRole("alert")
      .getByText(/trying again will not record it twice/)
      .waitFor();
    await page.getByRole("button", { name: "Try again" }).click();

    await heading(page, "Sale #1 recorded");
    await page
      .getByText(/\D600\.00/)
      .first()
      .waitFor();
    await page
      .getByText(/\D100\.00/)
      .first()
      .waitFor();
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-sell-done.png`, fullPage: true });
    expect(await stockOf(page, sugar)).toBe(18);

    await page.getByRole("link", { name: "Receipt" }).click();
    await heading(page, "Receipt for sale #1");
    const receipt = page.getByRole("article", { name: "Receipt for sale #1" });
    await receipt.getByText("Duka la Amina").waitFor();
    await receipt.getByText("Sugar 1 kg").waitFor();
    await receipt.getByText(/^2 × \D*150\.00$/).waitFor();
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-receipt.png`, fullPage: true });

    // New sale starts empty.
    await page.goto("/sell");
    await page.getByText("No items yet.", { exact: false }).waitFor();

    await page.goto("/sales");
    await heading(page, "Sales");
    await checkA11y(page);
    await page.getByRole("link", { name: /Sale #1/ }).click();
    await heading(page, "Sale #1");
    await page.getByText("Void this sale").first().click();
    await page.getByLabel("Reason", { exact: true }).fill("Entered twice");
    await page.getByRole("button", { name: "Void this sale" }).click();
    await page.getByRole("button", { name: "Yes, void sale #1" }).click();
    await page.getByText("Sale #1 is voided; its stock is back.").waitFor();
    await checkA11y(page);
    expect(await stockOf(page, sugar)).toBe(20);

    await page.getByRole("link", { name: "All sales" }).click();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
    await heading(page, "Reports");
    await page.getByRole("table", { name: "By day" }).waitFor();
    const cards = page.locator(".report-cards");
    await expect.poll(() => cards.locator("div", { hasText: "Voids" }).locator("dd").textContent()).toBe("1");
    await expect
      .poll(() => cards.locator("div", { hasText: "Net sales" }).locator("dd").textContent())
      .toMatch(/0\.00/);
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-reports.png`, fullPage: true });
  }, 180_000);
});
