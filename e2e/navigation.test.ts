import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { createProduct, heading, signUpOwner } from "./helpers.js";

describeBrowser("the owner's navigation and reports", () => {
  const e2e = useE2E();

  it("reaches Reports and the sales list in one tap, and switches daily and monthly without a crash", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await signUpOwner(page);
    const tea = await createProduct(page, { name: "Tea leaves", price: 12000 }, 10);
    const sold = await page.request.post("/api/v1/sales", {
      data: { id: randomUUID(), lines: [{ productId: tea, quantity: 2 }], payment: { method: "cash" } },
    });
    expect(sold.status(), await sold.text()).toBe(201);

    await page.goto("/");
    await heading(page, /Hello/);
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Sales" }).click();
    await heading(page, "Sales");
    await page.getByRole("link", { name: /Sale #1/ }).waitFor();
    await nav.getByRole("link", { name: "Reports" }).click();
    await heading(page, "Reports");
    await page.getByRole("table", { name: "By day" }).waitFor();

    // Monthly used to throw "Invalid time value" while the daily rows were still on screen.
    await page.getByRole("button", { name: "Monthly" }).click();
    const byMonth = page.getByRole("table", { name: "By month" });
    await byMonth.waitFor();
    const month = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "Africa/Nairobi" });
    await byMonth.getByRole("rowheader", { name: month.format(new Date()) }).waitFor();
    await checkA11y(page);
    await page.getByRole("button", { name: "Daily" }).click();
    await page.getByRole("table", { name: "By day" }).waitFor();
    await page.getByRole("button", { name: "Monthly" }).click();
    await byMonth.getByRole("rowheader", { name: month.format(new Date()) }).waitFor();
    expect(await page.getByRole("table", { name: "By day" }).count()).toBe(0);

    await page.getByRole("banner").getByRole("link", { name: "More" }).click();
    await heading(page, "More");
  });
});
