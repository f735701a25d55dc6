import { randomBytes } from "node:crypto";
import type { Page } from "playwright-core";
import { expect } from "vitest";

export const SHOTS = process.env.E2E_SCREENSHOTS ?? "/tmp";
export const PASSWORD = "tall-mango-river-42";

export async function heading(page: Page, name: string | RegExp) {
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/**
 * Signs a new Kenyan shop up through the API with the page's own cookies, so the page is the
 * owner; phone numbers typed the local way (0712…) read as +254.
 */
export async function signUpOwner(page: Page, businessName = "Duka la Amina") {
  const res = await page.request.post("/api/v1/auth/signup", {
    data: {
      businessName,
      currency: "KES",
      timeZone: "Africa/Nairobi",
      country: "KE",
      locationName: "Main street",
      ownerName: "Amina Wanjiru",
      login: `owner-${randomBytes(4).toString("hex")}`,
      password: PASSWORD,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
}

/** Adds a product through the API with `quantity` in stock at the first location (none: not counted). */
export async function createProduct(page: Page, data: Record<string, unknown>, quantity?: number): Promise<string> {
  const locations = (await (await page.request.get("/api/v1/locations")).json()) as { items: { id: string }[] };
  const locationId = locations.items[0]?.id ?? "";
  const initialStock = quantity === undefined ? undefined : [{ locationId, quantity }];
  const res = await page.request.post("/api/v1/products", { data: { ...data, initialStock } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
