import { randomBytes } from "node:crypto";
import type { APIRequestContext, Page } from "playwright-core";
import { expect } from "vitest";
import { heading, signUpOwner } from "./helpers.js";

// The shop and the steps the offline till's browser tests share.

export const STAFF_PASSWORD = "blue-kettle-sunrise-7";

export interface Shop {
  owner: APIRequestContext;
  staffLogin: string;
  maize: string;
  sugar: string;
  wanjiku: string;
  baraka: string;
  main: string;
}

/**
 * A shop with two locations, two products (one sold by weight; the maize stocked at both), two
 * customers (Wanjiku with a credit limit of 500.00) and a staff member who works at both locations.
 */
export async function shop(page: Page): Promise<Shop> {
  await page.goto("/");
  await signUpOwner(page, "Duka la Neema");
  const owner = page.request;
  const [main] = ((await (await owner.get("/api/v1/locations")).json()) as { items: { id: string }[] }).items;
  const branch = await owner.post("/api/v1/locations", { data: { name: "Market branch" } });
  expect(branch.status(), await branch.text()).toBe(201);
  const branchId = ((await branch.json()) as { id: string }).id;
  const product = async (data: Record<string, unknown>, quantity: number, atBranch = 0) => {
    const initialStock = [{ locationId: main?.id ?? "", quantity }];
    if (atBranch > 0) initialStock.push({ locationId: branchId, quantity: atBranch });
    const res = await owner.post("/api/v1/products", { data: { ...data, initialStock } });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const maize = await product({ name: "Maize flour 2 kg", price: 300_00 }, 10, 50);
  const sugar = await product({ name: "Sugar", price: 150_00, unit: "kg" }, 20);
  const customer = async (data: Record<string, unknown>) => {
    const res = await owner.post("/api/v1/customers", { data });
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const wanjiku = await customer({ name: "Wanjiku Kamau", phone: "0722000111", creditLimit: 500_00 });
  const baraka = await customer({ name: "Baraka Mwangi", phone: "0722000333" });
  const staffLogin = `staff-${randomBytes(4).toString("hex")}`;
  const staff = await owner.post("/api/v1/users", {
    data: { name: "Juma", login: staffLogin, password: STAFF_PASSWORD, role: "staff" },
  });
  expect(staff.status(), await staff.text()).toBe(201);
  return { owner, staffLogin, maize, sugar, wanjiku, baraka, main: main?.id ?? "" };
}

/** Whether the service worker keeps the code of the screen whose file starts with `name`. */
export const cachedScreen = (page: Page, name: string) =>
  page.evaluate<boolean>(
    `caches.open('duka-shell-v1').then((c) => c.keys()).then((ks) => ks.some((k) => k.url.includes('/assets/${name}-')))`,
  );

/** How many writes wait in this phone's outbox (queued or needing attention). */
export const outboxCount = (page: Page) =>
  page.evaluate<number>(`new Promise((resolve) => {
    const open = indexedDB.open("duka");
    open.onsuccess = () => {
      const req = open.result.transaction("outbox").objectStore("outbox").count();
      req.onsuccess = () => resolve(req.result);
    };
  })`);

/** Signs staff in and waits until the phone holds what it needs offline: the app and the catalogue. */
export async function signInReady(page: Page, login: string) {
  await page.goto("/");
  await page.getByLabel("Email, phone or username").fill(login);
  await page.getByLabel("Password", { exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await heading(page, "New sale");
  // The service worker keeps every screen's code when it installs, not only the screens visited.
  await page.evaluate("navigator.serviceWorker.ready");
  expect(await cachedScreen(page, "More")).toBe(true);
  await expect
    .poll(() =>
      page.evaluate<boolean>(`new Promise((resolve) => {
        const open = indexedDB.open("duka");
        open.onsuccess = () => {
          const keys = open.result.transaction("cache").objectStore("cache").getAllKeys();
          keys.onsuccess = () => resolve(keys.result.some((k) => String(k).endsWith("|catalogue")));
        };
      })`),
    )
    .toBe(true);
}

export async function add(page: Page, search: string, name: RegExp) {
  await page.getByLabel("Find a product").fill(search);
  await page.getByRole("button", { name }).click();
}

export async function confirm(page: Page) {
  await page.getByRole("button", { name: /^Confirm/ }).click();
  await heading(page, /^Sale [A-Z0-9]+-\d+ kept on this phone$/);
  await page.getByRole("button", { name: "New sale" }).click();
  await heading(page, "New sale");
}
