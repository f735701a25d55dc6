import fs from "node:fs";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, PHONE, useE2E } from "./harness.js";
import { heading, SHOTS, signUpOwner } from "./helpers.js";

/** A Loyverse item export with one item whose price is typed at each sale (5 in stock). */
const LOYVERSE =
  "Handle,SKU,Name,Category,Sold by weight,Option 1 name,Option 1 value,Default price,Cost,Barcode,Track stock," +
  "Available for sale [Main street],Price [Main street],In stock [Main street],Low stock [Main street]\n" +
  "phone-repair,R-1,Phone repair,Services,N,,,,,,Y,Y,,5,\n";

/** Invented Loyverse receipts by item: two days, a refund receipt on the second, a cancelled one on the first. */
const RECEIPT_ITEMS = fs.readFileSync(
  new URL("../server/src/modules/imports/fixtures/loyverse-receipt-items.csv", import.meta.url),
);

/** Nothing sticks out sideways on a 360 px phone. */
async function fitsThePhone(page: Page) {
  const width = (await page.evaluate("document.documentElement.scrollWidth")) as number;
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describeBrowser("bring in your data", () => {
  const e2e = useE2E();

  it("takes a spreadsheet through upload, mapping, errors, commit and the result on a phone", async () => {
    const page = await e2e.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto("/");
    await signUpOwner(page);
    await page.goto("/more");
    await page.getByRole("link", { name: /Bring in your data/ }).click();
    await heading(page, "Bring in your data");
    await expect.poll(() => page.getByRole("link", { name: "Download the Excel template" }).count()).toBe(1);
    await checkA11y(page);
    await fitsThePhone(page);

    const csv = "Product,Selling,Qty\nBread,60,20\nBuns,sixty,5\nMilk 500 ml,KSh 55,12\n";
    await page.getByLabel("File (CSV or Excel)").setInputFiles({
      name: "my-list.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("heading", { name: "my-list.csv" }).waitFor();
    await page.getByText("Recognised as: Your own columns").waitFor();
    // Duka found the name and the stock, not the price: the owner says which column it is.
    await page.getByText("Choose the column that holds the price.").waitFor();
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Product");
    await page.getByLabel("Price", { exact: true }).selectOption("Selling");
    await page.getByRole("button", { name: "Read the file again with these columns" }).click();
    await page.getByText("2 new, 0 to update, 0 unchanged, 1 with errors").waitFor();
    const errors = page.getByRole("region", { name: "Rows with errors" });
    await errors.getByText("Row 3").waitFor();
    expect(await errors.textContent()).toContain("“sixty”");
    await checkA11y(page);
    await fitsThePhone(page);
    await page.screenshot({ path: `${SHOTS}/imports-preview.png`, fullPage: true });

    const save = page.getByRole("button", { name: "Save 2 rows" });
    expect(await save.isDisabled()).toBe(true);
    await page.getByLabel("Bring in the other rows, leave out the rows with errors").check();
    await save.click();
    await page.getByText("Done: 2 added, 0 updated, 0 unchanged.").waitFor();
    await page.getByText("my-list.csv ·", { exact: false }).waitFor();
    await checkA11y(page);
    await page.getByRole("link", { name: "See the products" }).click();
    await page.getByText("Milk 500 ml").waitFor();
    await page.getByText("Bread").waitFor();
  });

  it("asks at the till for the price of an imported variable-price item", async () => {
    const page = await e2e.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto("/");
    await signUpOwner(page);
    const upload = await page.request.post("/api/v1/imports", {
      multipart: {
        kind: "products",
        file: { name: "loyverse.csv", mimeType: "text/csv", buffer: Buffer.from(LOYVERSE) },
      },
    });
    expect(upload.status(), await upload.text()).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    expect((await page.request.post(`/api/v1/imports/${id}/commit`, { data: {} })).status()).toBe(200);

    await page.goto("/sell");
    await heading(page, "New sale");
    await page.getByLabel("Find a product").fill("Phone repair");
    await page.getByLabel("Find a product").press("Enter");
    await page.getByLabel("Price of Phone repair per pc").fill("450");
    await checkA11y(page);
    await fitsThePhone(page);
    await page.getByRole("button", { name: "Charge" }).click();
    await heading(page, "Payment");
    await page.getByRole("button", { name: /^Confirm/ }).click();
    await heading(page, "Sale #1 recorded");
    await page
      .getByText(/\D450\.00/)
      .first()
      .waitFor();
  });

  it("brings in past sales from a receipts export on a phone, and says what was added", async () => {
    const page = await e2e.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto("/");
    await signUpOwner(page);
    await page.goto("/more");
    await page.getByRole("link", { name: /Bring in your data/ }).click();
    await heading(page, "Bring in your data");
    await page.getByLabel("Past sales (receipts)").check();
    await page.getByText("Export your receipts from Loyverse", { exact: false }).waitFor();
    expect(await page.getByRole("link", { name: "Download the Excel template" }).count()).toBe(0);
    await page.getByLabel("File (CSV or Excel)").setInputFiles({
      name: "receipts-by-item.csv",
      mimeType: "text/csv",
      buffer: RECEIPT_ITEMS,
    });
    await page.getByRole("button", { name: "Check the file" }).click();
    await page.getByRole("heading", { name: "receipts-by-item.csv" }).waitFor();
    await page.getByText("Recognised as: Loyverse receipts by item").waitFor();
    await page.getByText("5 new, 0 to update, 0 unchanged, 0 with errors").waitFor();
    const rows = page.getByRole("region", { name: "The first rows as they will be saved" });
    await rows.getByText("1-1003 · POS 1").waitFor();
    expect(await rows.textContent()).toContain("refund");
    expect(await rows.textContent()).toContain("cancelled");
    await checkA11y(page);
    await fitsThePhone(page);
    await page.screenshot({ path: `${SHOTS}/imports-sales-preview.png`, fullPage: true });

    await page.getByRole("button", { name: "Save 5 rows" }).click();
    await page.getByText("Done: 5 added, 0 updated, 0 unchanged.").waitFor();
    await page.getByText("receipts-by-item.csv ·", { exact: false }).waitFor();
    await checkA11y(page);
    await fitsThePhone(page);
    const report = await page.request.get("/api/v1/reports/daily?from=2025-03-15&to=2025-03-15&format=json");
    expect((await report.json()).totals).toMatchObject({ netSales: 9000, refunds: 15000 });
    await page.getByRole("link", { name: "See the reports" }).click();
    await page.waitForURL(/\/reports/);
  });
});
