import type { CustomerListResponse, LocationItem, ProductPage } from "@duka/contracts";
import { ApiError } from "../api/client";
import { createStore } from "../lib/store";
import { db } from "./db";
import { get } from "./endpoints";

/** A product as saved on the phone: `stock` summed over the user's locations, `stockAt` at each. */
type Product = ProductPage["items"][number] & { stockAt?: Record<string, number> };
type Customer = CustomerListResponse["items"][number];

/**
 * The whole catalogue, customer list (with balances and credit limits) and the user's locations
 * as saved on the phone, and when they were fetched.
 */
export interface Catalogue {
  products: Product[];
  customers: Customer[];
  locations?: LocationItem[];
  at: number;
}

/**
 * Where the till sells from: the location this owner chose last, else the user's first open one
 * (the one the server picks when a sale names none).
 */
export function tillLocation(locations: LocationItem[] | undefined, chosen: string): string | undefined {
  const open = (locations ?? []).filter((l) => l.active);
  return (open.find((l) => l.id === chosen) ?? open[0])?.id;
}

/** Adds each product's stock at each open location: one list per location when there are several. */
async function withStockAt(products: Product[], locations: LocationItem[]): Promise<Product[]> {
  const open = locations.filter((l) => l.active);
  if (open.length === 1 && locations.length === 1) {
    const only = open[0]?.id ?? "";
    return products.map((p) => ({ ...p, stockAt: { [only]: p.stock } }));
  }
  const byId = new Map(products.map((p) => [p.id, { ...p, stockAt: {} as Record<string, number> }]));
  for (const l of open) {
    const here = await all((cursor) => get("/products", { query: { limit: 200, cursor, locationId: l.id } }));
    for (const p of here) {
      const saved = byId.get(p.id);
      if (saved) saved.stockAt[l.id] = p.stock;
    }
  }
  return [...byId.values()];
}

export const CATALOGUE_KEY = "catalogue";

/** Every page of a list, for the phone's copy (a shop has hundreds to a few thousand products). */
async function all<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>) {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

let scope: string | undefined;
/** Called when a session starts: the catalogue saved belongs to it alone. */
export const setCatalogueScope = (next: string | undefined) => {
  scope = next;
};

/** Fetches the products and customers the till needs offline and saves them; quiet when offline. */
export async function refreshCatalogue(): Promise<void> {
  const owner = scope;
  if (!owner) return;
  try {
    const [summed, customers, { items: locations }] = await Promise.all([
      all((cursor) => get("/products", { query: { limit: 200, cursor } })),
      all((cursor) => get("/customers", { query: { limit: 100, cursor } })),
      get("/locations"),
    ]);
    const products = await withStockAt(summed, locations);
    if (owner !== scope) return;
    const value: Catalogue = { products, customers, locations, at: Date.now() };
    await (await db())?.put("cache", { key: `${owner}|${CATALOGUE_KEY}`, scope: owner, value, at: value.at });
  } catch (err) {
    if (!(err instanceof ApiError && (err.status === 0 || err.status >= 500))) throw err;
  }
}

export async function savedCatalogue(): Promise<Catalogue | undefined> {
  if (!scope) return undefined;
  return (await (await db())?.get("cache", `${scope}|${CATALOGUE_KEY}`))?.value as Catalogue | undefined;
}
export const catalogueKey = () => (scope ? `${scope}|${CATALOGUE_KEY}` : undefined);

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * Products by name, SKU or barcode from the phone's copy, as the server would find them, with the
 * stock at the given location (summed over the user's locations without one).
 */
export async function searchSaved(q: string, limit: number, locationId?: string): Promise<ProductPage | undefined> {
  const saved = await savedCatalogue();
  if (!saved) return undefined;
  const words = fold(q).split(/\s+/).filter(Boolean);
  const items = saved.products
    .filter((p) => {
      if (p.archived) return false;
      if (p.barcode === q.trim() || p.sku === q.trim()) return true;
      const text = fold(`${p.name} ${p.sku ?? ""} ${p.barcode ?? ""} ${p.category ?? ""}`);
      return words.every((w) => text.includes(w));
    })
    .slice(0, limit)
    .map(({ stockAt, ...p }) => ({ ...p, stock: (locationId ? stockAt?.[locationId] : undefined) ?? p.stock }));
  return { items, nextCursor: null };
}

/** Customers by name or phone digits from the phone's copy. */
export async function customersSaved(q: string, limit: number): Promise<CustomerListResponse | undefined> {
  const saved = await savedCatalogue();
  if (!saved) return undefined;
  const text = fold(q.trim());
  const digits = q.replace(/\D/g, "");
  const items = saved.customers
    .filter((c) => fold(c.name).includes(text) || (digits.length >= 3 && (c.phone ?? "").includes(digits.slice(-9))))
    .slice(0, limit);
  return { items, nextCursor: null };
}

/** When the screens were last answered from the phone's copy: its age, for "prices as of 09:12". */
export const offlineSince = createStore<number | null>(null);

/** A network failure answered from the phone's copy, when there is one. */
export async function orSaved<T>(online: Promise<T>, saved: () => Promise<T | undefined>): Promise<T> {
  try {
    const answer = await online;
    offlineSince.set(null);
    return answer;
  } catch (err) {
    if (!(err instanceof ApiError && err.status === 0)) throw err;
    const local = await saved();
    if (local === undefined) throw err;
    offlineSince.set((await savedCatalogue())?.at ?? null);
    return local;
  }
}
