import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { heading, signUpOwner } from "./helpers.js";

describeBrowser("stock not counted yet", () => {
  const e2e = useE2E();

  it("adds a product without stock, sells it, and shows it to count and below zero, not as out", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await signUpOwner(page);
    await page.goto("/stock/new");
    await heading(page, "Add product");
    await page.getByLabel("Product name").fill("Mandazi");
    await page.getByLabel("Selling price (KES)").fill("20");
    await page.getByRole("button", { name: "Save product" }).click();
    await heading(page, "Mandazi");
    await page.getByText("Not counted").first().waitFor();

    await page.goto("/sell");
    await heading(page, "New sale");
    await page.getByLabel("Find a product").fill("Manda");
    await page.getByRole("button", { name: /Mandazi/ }).click();
    await page.getByRole("button", { name: "One more Mandazi" }).click();
    await page.getByRole("button", { name: "Charge" }).click();
    await heading(page, "Payment");
    await page.getByRole("button", { name: /^Confirm/ }).click();
    await heading(page, "Sale #1 recorded");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stock" }).click();
    await heading(page, "Stock");
    const attention = page.getByRole("region", { name: "Needs your attention" });
    await attention.getByRole("list", { name: "Count me: not counted yet (1)" }).getByText("Mandazi").waitFor();
    await attention.getByRole("list", { name: "Below zero (1)" }).getByText("-2 pcs at Main street").waitFor();
    await checkA11y(page);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" }).click();
    await page.getByText("0 in stock, 0 low, 0 out, 1 not counted").waitFor();

    // Received: counted, off both lists; the attention box goes away.
    const product = (await (await page.request.get("/api/v1/products?q=Mandazi")).json()).items[0];
    const locations = (await (await page.request.get("/api/v1/locations")).json()).items;
    const res = await page.request.post("/api/v1/stock-movements", {
      data: { productId: product.id, locationId: locations[0].id, kind: "receive", quantity: 10 },
    });
    expect(res.status()).toBe(201);
    await page.goto("/stock");
    await page.getByRole("link", { name: /Mandazi/ }).waitFor();
    expect(await attention.count()).toBe(0);
  });
});
