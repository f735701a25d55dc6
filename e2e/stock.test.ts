import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";

const SHOTS = process.env.E2E_SCREENSHOTS ?? "/tmp";

async function heading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

async function signUp(page: Page) {
  await page.goto("/signup");
  await heading(page, "Create your business");
  await page.getByLabel("Business name").fill("Baraka Stores");
  await page.getByLabel("Shop or branch name").fill("Main street");
  await page.getByLabel("Your name").fill("Baraka Otieno");
  await page.getByLabel("Email, phone or username").fill(`baraka-${randomBytes(4).toString("hex")}`);
  await page.getByLabel("Password", { exact: true }).fill("green-kettle-harbour-7");
  await page.getByRole("button", { name: "Create business" }).click();
  await page.getByRole("button", { name: "I have written it down" }).click();
  await heading(page, "Hello, Baraka Otieno");
}

describeBrowser("the stock screens", () => {
  const e2e = useE2E();

  it("adds a product with stock, receives, adjusts, and shows the ledger, the list and the low-stock list", async () => {
    const page = await e2e.newPage();
    await signUp(page);
    const nav = page.getByRole("navigation", { name: "Main" });

    await nav.getByRole("link", { name: "Stock" }).click();
    await heading(page, "Stock");
    await page.getByText("No products yet.").waitFor();
    await checkA11y(page);

    await page.getByRole("link", { name: "Add product" }).click();
    await heading(page, "Add product");
    await page.getByLabel("Product name").fill("Sugar 1 kg");
    await page.getByLabel("Selling price (KES)").fill("150");
    await page.getByLabel("Cost price (KES)").fill("12x");
    await page.getByLabel("Stock you have now").fill("10");
    await page.getByLabel("Low-stock level").fill("5");
    await page.getByLabel("SKU (your own code)").fill("SUG-1");
    await page.getByRole("button", { name: "Save product" }).click();
    await page.getByText("Cost price (KES) must be an amount such as 1,250.5.").waitFor();
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-stock-form.png`, fullPage: true });
    await page.getByLabel("Cost price (KES)").fill("120.50");
    await page.getByRole("button", { name: "Save product" }).click();

    await heading(page, "Sugar 1 kg");
    await page.getByText("10 pcs").first().waitFor();
    await page.getByText("Received").waitFor();
    await checkA11y(page);

    await page.getByRole("link", { name: "Receive" }).click();
    await heading(page, "Receive stock");
    await page.getByLabel("Quantity (pcs)").fill("5");
    await page.getByRole("button", { name: "Receive stock" }).click();
    await page.getByText("Saved. Main street now has 15 pcs.").waitFor();
    await checkA11y(page);

    await page.getByRole("link", { name: "Back to the product" }).click();
    await heading(page, "Sugar 1 kg");
    await page.getByRole("link", { name: "Adjust" }).click();
    await heading(page, "Adjust stock");
    await page.getByLabel("Quantity (pcs)").fill("10");
    await page.getByRole("button", { name: "Save adjustment" }).click();
    await page.getByText("Reason is required.").waitFor();
    await page.getByLabel("Reason").selectOption("damaged");
    await page.getByLabel("Note").fill("Bags torn in the rain");
    await checkA11y(page);
    await page.getByRole("button", { name: "Save adjustment" }).click();
    await page.getByText("Saved. Main street now has 5 pcs.").waitFor();
    await page.getByText("Main street is now low on this product.").waitFor();
    await nav.getByRole("link", { name: "Stock 1 low or out of stock" }).waitFor();

    await page.getByRole("link", { name: "Back to the product" }).click();
    await heading(page, "Sugar 1 kg");
    const ledger = page.getByRole("region", { name: "Stock history" });
    await ledger.getByText("Adjusted · Damaged").waitFor();
    await ledger.getByText("−10 pcs").waitFor();
    await ledger.getByText("Level after: 5").first().waitFor();
    await ledger.getByText("Bags torn in the rain").waitFor();
    expect(await ledger.getByRole("listitem").count()).toBe(3);
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-stock-detail.png`, fullPage: true });

    await page.getByRole("link", { name: "Back" }).first().click();
    await heading(page, "Stock");
    const row = page.getByRole("link", { name: /Sugar 1 kg/ });
    await row.getByText("5 pcs").waitFor();
    await row.getByText("Low").waitFor();
    await page.getByLabel("Search products").fill("SUG-1");
    await page.getByText("1 shown").waitFor();
    await page.getByRole("radio", { name: "Out" }).check();
    await page.getByText("No products match.", { exact: false }).waitFor();
    await page.getByRole("radio", { name: "Low" }).check();
    await page.getByRole("link", { name: /Sugar 1 kg/ }).waitFor();
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-stock-list.png`, fullPage: true });

    await page.getByRole("link", { name: "Low stock" }).click();
    await heading(page, "Low stock");
    await page.getByText("5 pcs left · low at 5").waitFor();
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-stock-low.png`, fullPage: true });
  });

  it("shows a duplicate SKU next to the field, then counts the product and applies the count", async () => {
    const page = await e2e.newPage();
    await signUp(page);
    for (const attempt of [1, 2]) {
      await page.goto("/stock/new");
      await heading(page, "Add product");
      await page.getByLabel("Product name").fill(`Rice ${attempt}`);
      await page.getByLabel("Selling price (KES)").fill("90");
      await page.getByLabel("SKU (your own code)").fill("RICE");
      await page.getByRole("button", { name: "Save product" }).click();
      if (attempt === 1) await heading(page, "Rice 1");
    }
    await page.getByText("SKU (your own code) is already used by another product.").waitFor();
    await expect.poll(() => page.getByLabel("SKU (your own code)").getAttribute("aria-invalid")).toBe("true");
    await checkA11y(page);

    await page.goto("/stock/counts");
    await heading(page, "Stock count");
    await page.getByText("No count in progress.").waitFor();
    await checkA11y(page);
    await page.getByRole("button", { name: "Start a count" }).click();
    await heading(page, "Count at Main street");
    await page.getByLabel("Add a product").fill("Rice");
    await page.getByRole("button", { name: "+ Rice 1" }).click();
    for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "One more: Rice 1" }).click();
    expect(await page.getByRole("textbox", { name: /Rice 1/ }).inputValue()).toBe("3");
    await checkA11y(page);
    await page.screenshot({ path: `${SHOTS}/duka-stock-count.png`, fullPage: true });
    await page.getByRole("button", { name: "Save counts" }).click();
    await page.getByText("Counts saved.").waitFor();
    await page.getByRole("heading", { name: "Check and apply" }).waitFor();
    await page.getByRole("button", { name: "Apply count" }).click();
    await page.getByText("Products counted: 1. Their stock will be set to what was counted. Apply now?").waitFor();
    await page.getByRole("button", { name: "Yes, apply" }).click();
    await page.getByText("Count applied. Stock now matches what was counted.").waitFor();
    await checkA11y(page);
  });
});
