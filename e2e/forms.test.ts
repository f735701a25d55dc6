import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { checkA11y, describeBrowser, useE2E } from "./harness.js";
import { createProduct, heading, signUpOwner } from "./helpers.js";

/** The focused element's id and classes, and whether it is on screen. */
const focused = (page: Page) =>
  page.evaluate(`(() => {
    const el = document.activeElement;
    const box = el && el.getBoundingClientRect();
    return {
      id: (el && el.id) || "",
      className: (el && el.className) || "",
      text: (el && el.textContent) || "",
      onScreen: !!box && box.top >= 0 && box.bottom <= window.innerHeight,
    };
  })()`) as Promise<{ id: string; className: string; text: string; onScreen: boolean }>;

describeBrowser("forms", () => {
  const e2e = useE2E();

  it("says a negative price or stock is negative, and takes the person to the field or message in error", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await signUpOwner(page);
    await createProduct(page, { name: "Sugar", price: 15000, sku: "SUG-1" });
    await page.goto("/stock/new");
    await heading(page, "Add product");
    await page.getByLabel("Product name").fill("Rice");
    await page.getByLabel(/^Selling price/).fill("-1250");
    await page.getByLabel("Low-stock level").fill("-2");
    await page.getByRole("button", { name: "Save product" }).click();
    await page.getByText("Selling price (KES) cannot be negative.").waitFor();
    await page.getByText("Low-stock level cannot be negative.").waitFor();
    expect(await page.getByText(/such as 1,250/).count()).toBe(0);
    expect(await page.getByText(/decimals/).count()).toBe(0);
    expect((await focused(page)).id).toBe("f-price");

    // The server refuses a taken SKU and names the field: the person is taken to it, on screen.
    await page.getByLabel(/^Selling price/).fill("1250");
    await page.getByLabel("Low-stock level").fill("2");
    await page.getByLabel("SKU (your own code)").fill("SUG-1");
    await page.getByRole("button", { name: "Save product" }).click();
    await page.getByText("Another product already has this SKU. Use a different one.").waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe("f-sku");
    expect((await focused(page)).onScreen).toBe(true);
    await checkA11y(page);
  });

  it("takes a refused sign-in to its message, from the form the three signed-out screens share", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await page.getByLabel("Email, phone or username").fill("nobody-here");
    await page.getByLabel("Password", { exact: true }).fill("not-the-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText(/Wrong login or password/).waitFor();
    await expect.poll(async () => (await focused(page)).text).toMatch(/Wrong login or password/);
    await checkA11y(page);

    // The forgot-password form: the server names the recovery code as wrong, and focus lands there.
    await page.getByRole("link", { name: /Forgot/ }).click();
    await page.getByLabel("Email, phone or username").fill("nobody-here");
    await page.getByLabel(/recovery code/i).fill("x");
    await page.getByLabel(/new password/i).fill("a-long-new-password-9");
    await page.getByRole("button", { name: "Set the new password" }).click();
    await page.locator(".notice-error").first().waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe("f-recoveryCode");
  });
});
