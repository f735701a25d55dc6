import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { createProduct, heading, PASSWORD, signUpOwner } from "./helpers.js";

/** Adds a staff member through the API with the owner's cookies; answers their login. */
async function addStaff(page: Page): Promise<string> {
  const login = `juma-${Date.now().toString(36)}`;
  const res = await page.request.post("/api/v1/users", {
    data: { name: "Juma Otieno", login, password: PASSWORD, role: "staff" },
  });
  expect(res.status(), await res.text()).toBe(201);
  return login;
}

describeBrowser("a shop's first day", () => {
  const e2e = useE2E();

  it("gives a new owner a checklist ticked from real data, gone once all is done", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await signUpOwner(page);
    await page.goto("/");
    const steps = page.getByRole("region", { name: "Get your shop ready" });
    await steps.waitFor();
    await steps.getByText("3 steps left").waitFor();
    expect(await steps.getByRole("link", { name: "Add your products" }).getAttribute("href")).toBe("/stock/new");
    expect(await steps.getByRole("link", { name: "or bring them in from a file" }).getAttribute("href")).toBe(
      "/more/import",
    );
    expect(await steps.getByRole("link", { name: "Add the people who sell for you" }).getAttribute("href")).toBe(
      "/more/staff/new",
    );
    await checkA11y(page);

    // The empty till says how to fill it, and its link opens the product form.
    await page.goto("/sell");
    await page.getByRole("heading", { name: "No products to sell yet" }).waitFor();
    await checkA11y(page);
    await page.getByRole("link", { name: "Add a product" }).click();
    await heading(page, "Add product");

    // The first day: no sales history, so the till shows the shop's products to tap.
    await createProduct(page, { name: "Bread", price: 6000 }, 10);
    await createProduct(page, { name: "Milk 500ml", price: 5500 }, 10);
    await page.goto("/");
    await steps.getByText("2 steps left").waitFor();
    expect(await steps.getByRole("link", { name: "Add your products" }).count()).toBe(0);
    await addStaff(page);
    await page.reload();
    await steps.getByText("1 step left").waitFor();

    await steps.getByRole("link", { name: "Record your first sale" }).click();
    await heading(page, "New sale");
    const shelf = page.getByRole("region", { name: "Your products" });
    await shelf.getByRole("button", { name: /Milk 500ml/ }).click();
    // Still there with a line in the cart: a first-day cashier taps the next product too.
    await shelf.getByRole("button", { name: /Bread/ }).click();
    await page.getByRole("heading", { name: "In this sale: 2" }).waitFor();
    await checkA11y(page);
    await page.getByRole("button", { name: "Charge" }).click();
    await heading(page, "Payment");
    await page.getByRole("button", { name: /^Confirm/ }).click();
    await heading(page, /Sale #1 recorded/);

    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: /Hello/ }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await steps.count()).toBe(0);
  });

  it("lets an owner hide the checklist, and tells staff of an empty shop to ask the owner", async () => {
    const owner = await e2e.newPage();
    await owner.goto("/");
    await signUpOwner(owner, "Duka la Baraka");
    const login = await addStaff(owner);
    await owner.goto("/");
    const steps = owner.getByRole("region", { name: "Get your shop ready" });
    await steps.getByRole("button", { name: "Hide this list" }).click();
    await owner.reload();
    await owner.getByRole("heading", { level: 1, name: /Hello/ }).waitFor();
    await owner.waitForLoadState("networkidle");
    expect(await steps.count()).toBe(0);

    const staff = await e2e.newPage();
    await staff.goto("/");
    await staff.getByLabel("Email, phone or username").fill(login);
    await staff.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await staff.getByRole("button", { name: "Sign in" }).click();
    await heading(staff, "New sale");
    await staff.getByText("There are no products to sell yet. Ask the owner to add them.").waitFor();
    expect(await staff.getByRole("link", { name: "Add a product" }).count()).toBe(0);
    await checkA11y(staff);
  });
});
