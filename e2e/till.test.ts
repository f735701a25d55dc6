import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { heading, SHOTS, signUpOwner } from "./helpers.js";

async function createProduct(page: Page, data: Record<string, unknown>, quantity: number): Promise<string> {
  const locations = (await (await page.request.get("/api/v1/locations")).json()) as { items: { id: string }[] };
  const res = await page.request.post("/api/v1/products", {
    data: { ...data, initialStock: [{ locationId: locations.items[0]?.id ?? "", quantity }] },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Finds a product by name on the till and adds it: the fast path. */
async function addToSale(page: Page, search: string, name: RegExp) {
  await page.getByLabel("Find a product").fill(search);
  await page.getByRole("button", { name }).click();
}

const saleIdOf = async (page: Page) =>
  ((await page.getByRole("link", { name: "Receipt" }).getAttribute("href")) ?? "").split("/")[2] ?? "";

describeBrowser("the till's credit, discounts and earlier dates", () => {
  const e2e = useE2E();

  it("sells on credit to a customer added at the till, then records their repayment on their page", async () => {
    const page = await e2e.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto("/");
    await signUpOwner(page, "Duka la Baraka");
    await createProduct(page, { name: "Maize flour 2 kg", price: 300_00 }, 10);

    await page.goto("/sell");
    await heading(page, "New sale");
    await addToSale(page, "maize", /Maize flour 2 kg/);
    await page.getByRole("button", { name: "Charge" }).click();
    await heading(page, "Payment");
    await page.getByRole("radio", { name: "On credit" }).check();

    // Nobody by that name yet: added in place, name and phone, without leaving the sale.
    await page.getByLabel("Customer (needed for credit)").fill("Wanjiku");
    await page.getByText("No customer matches “Wanjiku”.").waitFor();
    await page.getByRole("button", { name: "Add new customer" }).click();
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Wanjiku");
    await page.getByLabel("Name", { exact: true }).fill("Wanjiku Kamau");
    await page.getByLabel("Phone number").fill("0722 000 111");
    await checkA11y(page);
    await page.getByRole("button", { name: "Add and choose" }).click();
    await page.getByText("Wanjiku Kamau").waitFor();
    await checkA11y(page);
    await page.getByRole("button", { name: /^Confirm/ }).click();

    await heading(page, "Sale #1 recorded");
    await page.getByRole("definition").getByText("KSh 300.00").waitFor();
    await page.getByRole("definition").getByText("On credit").waitFor();
    await checkA11y(page);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
    await heading(page, "Customers");
    await page.getByLabel("Find a customer").fill("wanjiku");
    await page.getByRole("link", { name: /Wanjiku Kamau/ }).click();
    await heading(page, "Wanjiku Kamau");
    // The balance card says what is owed now: the sale's total, then what is left after the repayment.
    const balance = page.getByRole("region", { name: "Balance" }).locator("strong");
    await expect.poll(() => balance.textContent()).toMatch(/^Owes KSh\s300\.00$/i);
    await checkA11y(page);

    await page.getByLabel("Amount paid in KES").fill("120");
    await page.getByRole("button", { name: "Record repayment" }).click();
    await page.getByText("KSh 120.00 recorded. Owes KSh 180.00.").waitFor();
    await expect.poll(() => balance.textContent()).toMatch(/^Owes KSh\s180\.00$/i);
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-till-repaid.png`, fullPage: true });
  }, 120_000);

  it("lets the owner discount, change a price, back-date a paper sale and sell past a credit limit", async () => {
    const page = await e2e.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto("/");
    await signUpOwner(page, "Duka la Neema");
    const oil = await createProduct(page, { name: "Cooking oil 1 L", price: 250_00, unit: "bottle" }, 10);
    const customer = await page.request.post("/api/v1/customers", {
      data: { name: "Otieno Ouma", creditLimit: 100_00 },
    });
    expect(customer.status(), await customer.text()).toBe(201);

    await page.goto("/sell");
    await heading(page, "New sale");
    await addToSale(page, "oil", /Cooking oil 1 L/);

    // Tucked away: the plain sale shows no discount fields until asked.
    expect(await page.getByLabel(/^Discount on/).count()).toBe(0);
    await page.getByRole("button", { name: "Discount / price" }).click();
    await page.getByLabel("Price of Cooking oil 1 L per bottle").fill("240");
    await page.getByLabel("Discount on Cooking oil 1 L").fill("15");
    await page.getByLabel("Discount on the whole sale").fill("5");
    const bar = page.locator(".sell-bar-total");
    await expect.poll(() => bar.locator("strong").textContent()).toMatch(/^KSh\s220\.00$/i);
    await bar.getByText("after KSh 20.00 off").waitFor();
    await page.getByText("KSh 240.00 per bottle · listed at KSh 250.00 · discount KSh 15.00").waitFor();
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-till-discount.png`, fullPage: true });
    await page.getByRole("button", { name: "Done" }).click();

    await page.getByRole("button", { name: "Charge" }).click();
    await heading(page, "Payment");
    await page.getByText("KSh 240.00 less KSh 20.00 discount").waitFor();
    await page.getByRole("radio", { name: "On credit" }).check();
    await page.getByLabel("Customer (needed for credit)").fill("otieno");
    await page.getByRole("button", { name: /Otieno Ouma/ }).click();
    await page.getByRole("button", { name: "Earlier date" }).click();
    await page.getByLabel("Date and time of the sale (optional)").fill("2024-03-05T10:30");
    await checkA11y(page);
    await page.getByRole("button", { name: "Confirm KSh 220.00" }).click();

    // Over the limit: the owner is told by how much and may go ahead; the same sale is sent again.
    const refusal = page.getByRole("alert").filter({ hasText: "over the limit" });
    await refusal.getByText("Otieno Ouma can owe at most KSh 100.00 and already owes KSh 0.00").waitFor();
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-till-over-limit.png`, fullPage: true });
    await page.getByRole("button", { name: "Sell anyway" }).click();

    await heading(page, "Sale #1 recorded");
    const figures = page.locator(".done-figures");
    await figures.locator("div", { hasText: "Subtotal" }).getByText("KSh 240.00").waitFor();
    await figures.locator("div", { hasText: "Discount" }).getByText("KSh 20.00").waitFor();
    await figures.locator("div", { hasText: "Total" }).getByText("KSh 220.00").waitFor();
    await page.getByText(/5 Mar 2024.*10:30/).waitFor();
    await checkA11y(page);

    const sale = (await (await page.request.get(`/api/v1/sales/${await saleIdOf(page)}`)).json()) as {
      total: number;
      discount: number;
      backdated: boolean;
      occurredAt: string;
      lines: { productId: string; unitPrice: number; discount: number }[];
    };
    expect(sale).toMatchObject({
      total: 220_00,
      discount: 5_00,
      backdated: true,
      occurredAt: "2024-03-05T07:30:00.000Z",
      lines: [{ productId: oil, unitPrice: 240_00, discount: 15_00 }],
    });
    const owed = await page.request.get(`/api/v1/customers/${((await customer.json()) as { id: string }).id}`);
    expect(((await owed.json()) as { balance: number }).balance).toBe(220_00);
  }, 120_000);
});
