import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { createProduct, heading, signUpOwner } from "./helpers.js";

describeBrowser("carried at this location", () => {
  const e2e = useE2E();

  it("keeps the low-stock badge when a branch opens, and lets the owner choose where a product is sold", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await signUpOwner(page);
    await createProduct(page, { name: "Soap", price: 5000, lowStockThreshold: 2 }, 0);
    await createProduct(page, { name: "Salt", price: 3000, lowStockThreshold: 2 }, 30);
    await page.goto("/stock");
    const stockLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Stock/ });
    await expect.poll(() => stockLink.textContent()).toContain("1 low or out of stock");

    const branch = await page.request.post("/api/v1/locations", { data: { name: "Market stall" } });
    expect(branch.status()).toBe(201);
    await page.reload();
    await heading(page, "Stock");
    await expect.poll(() => stockLink.textContent()).toContain("1 low or out of stock");

    await page.getByRole("link", { name: /Soap/ }).click();
    await heading(page, "Soap");
    await page.getByText("Not sold here").waitFor();
    await page.getByRole("link", { name: "Edit product" }).click();
    await page.getByRole("group", { name: "Sold at" }).getByLabel("Market stall").check();
    await checkA11y(page);
    await page.getByRole("button", { name: "Save product" }).click();
    await page.getByText("Changes saved.").waitFor();
    await page.getByRole("link", { name: "Back", exact: true }).click();
    await heading(page, "Soap");
    await page.getByText("Not counted").waitFor();
    expect(await page.getByText("Not sold here").count()).toBe(0);
  });
});
