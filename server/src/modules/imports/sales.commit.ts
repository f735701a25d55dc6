import { createHash, randomUUID } from "node:crypto";
import type { Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { normalisePhone } from "../customers/phone.js";
import { countSales } from "../summaries/summary-writer.repository.js";
import { createLocations, firstLocationName, locationsByName } from "./imports.repository.js";
import type { Issues } from "./issues.js";
import type { Action } from "./products.commit.js";
import {
  customersForSales,
  hashJoinsOnly,
  type ImportedLineRow,
  type ImportedSaleRow,
  insertArchivedProducts,
  insertImportedSales,
  productsForLines,
  replaceLines,
  salesByRef,
  takeNumbers,
  updateImportedSales,
} from "./sales.repository.js";
import type { SaleLineRecord, SaleRecord } from "./sales.validate.js";

export interface PlannedSale {
  record: SaleRecord;
  action: Action;
  id: string;
  hash: string;
}

export interface SalePlan {
  items: PlannedSale[];
  newLocations: string[];
  /** Items the file sold that the shop has no product for: added archived on commit. */
  newProducts: { key: string; name: string; sku: string | null; price: number }[];
}

/** What a receipt says, keys sorted: the same after the payload's jsonb round trip (which reorders keys). */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    const entries = Object.entries(v).filter(([k, x]) => k !== "row" && x !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`)
      .join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

const hashOf = (r: SaleRecord) => `import:${createHash("sha256").update(canonical(r)).digest("base64url")}`;

/** A line's product: its SKU when the file has one, else its exact name. */
const productKey = (l: { sku?: string | undefined | null; name: string }) =>
  l.sku ? `sku:${l.sku}` : `name:${l.name.toLowerCase()}`;

/** The products a past line can be matched to, by SKU then exact name; archived ones too. */
async function productBook(tx: Tx, businessId: string) {
  const ids = new Map<string, string>();
  for (const p of await productsForLines(tx, businessId)) {
    const name = `name:${p.name.toLowerCase()}`;
    if (!ids.has(name)) ids.set(name, p.id);
    if (p.sku && !ids.has(`sku:${p.sku}`)) ids.set(`sku:${p.sku}`, p.id);
  }
  const byName = (l: { name: string }) => `name:${l.name.toLowerCase()}`;
  return {
    idOf: (l: SaleLineRecord) => (ids.get(productKey(l)) ?? ids.get(byName(l))) as string,
    /** Items these receipts sell that the shop has no product for, each once; `seen` hears of each. */
    missing(records: SaleRecord[], seen?: (l: SaleLineRecord) => void): SalePlan["newProducts"] {
      const out = new Map<string, SalePlan["newProducts"][number]>();
      for (const r of records) {
        for (const l of r.lines ?? []) {
          const key = productKey(l);
          if (ids.has(key) || ids.has(byName(l)) || out.has(key)) continue;
          out.set(key, { key, name: l.name, sku: l.sku ?? null, price: l.unitPrice });
          seen?.(l);
        }
      }
      return [...out.values()];
    },
    add: (key: string, id: string) => ids.set(key, id),
  };
}

/** Stores these receipts name that the shop does not have, each once. */
function missingStores(records: SaleRecord[], locations: Map<string, string>, first: string) {
  const out = new Map<string, string>();
  for (const r of records) {
    const store = (r.store ?? first).trim();
    if (store && !locations.has(store.toLowerCase())) out.set(store.toLowerCase(), store);
  }
  return [...out.values()];
}

/** Each receipt matched to the sale brought in before under its number: new, unchanged or to update. */
async function matchStored(tx: Tx, businessId: string, records: SaleRecord[]): Promise<PlannedSale[]> {
  const stored = await salesByRef(
    tx,
    businessId,
    records.map((r) => r.ref),
  );
  return records.map((record) => {
    const before = stored.get(record.ref);
    const hash = hashOf(record);
    const action: Action = !before ? "new" : before.request_hash === hash ? "unchanged" : "update";
    return { record, action, id: before?.id ?? randomUUID(), hash };
  });
}

/** Matches receipts to the sales brought in before (by receipt number) and names what is missing. */
export async function planSales(tx: Tx, ctx: Ctx, records: SaleRecord[], issues: Issues): Promise<SalePlan> {
  const b = ctx.businessId;
  const items = await matchStored(tx, b, records);
  const newLocations = missingStores(records, await locationsByName(tx, b), await firstLocationName(tx, b));
  const products = await productBook(tx, b);
  const newProducts = products.missing(records, (l) =>
    issues.warn(
      l.row,
      "Item",
      "product_added",
      `"${l.name}" is not among your products: it is added as an archived product, so its past sales keep it.`,
      { name: l.name },
    ),
  );
  return { items, newLocations, newProducts };
}

/** Finds a receipt's customer by phone, then email, then exact name; none: the sale has no customer. */
async function customerFinder(tx: Tx, ctx: Ctx) {
  const rows = await customersForSales(tx, ctx.businessId);
  const by = new Map<string, string>();
  for (const c of rows) {
    if (c.phone) by.set(`phone:${c.phone}`, c.id);
    if (c.email) by.set(`email:${c.email.toLowerCase()}`, c.id);
    if (!by.has(`name:${c.name.toLowerCase()}`)) by.set(`name:${c.name.toLowerCase()}`, c.id);
  }
  return (customer: SaleRecord["customer"]) => {
    if (!customer) return null;
    const contact = customer.contact?.trim() ?? "";
    let phone: string | null = null;
    try {
      phone = /\d{6}/.test(contact.replace(/\D/g, "")) ? normalisePhone(contact, ctx.business.country) : null;
    } catch {
      phone = null;
    }
    return (
      (phone ? by.get(`phone:${phone}`) : undefined) ??
      (contact.includes("@") ? by.get(`email:${contact.toLowerCase()}`) : undefined) ??
      (customer.name ? by.get(`name:${customer.name.toLowerCase()}`) : undefined) ??
      null
    );
  };
}

interface Lookups {
  locations: Map<string, string>;
  first: string;
  products: Awaited<ReturnType<typeof productBook>>;
  customerOf: Awaited<ReturnType<typeof customerFinder>>;
}

/**
 * Brings in a kept preview's receipts, given a batch at a time in date order (so new sales take
 * receipt numbers in date order), all in the caller's transaction: the stores and archived products
 * each batch needs, then its sales and lines. Each batch is matched against what is stored when it
 * comes, so the whole file is never held. No stock moves: these goods left long ago.
 */
export async function commitSales(tx: Tx, ctx: Ctx, batches: AsyncIterable<SaleRecord[]>, reason: string, now: Date) {
  const b = ctx.businessId;
  const at = now.toISOString();
  const locations = await locationsByName(tx, b);
  const look: Lookups = {
    locations,
    first: await firstLocationName(tx, b),
    products: await productBook(tx, b),
    customerOf: await customerFinder(tx, ctx),
  };
  const counts = { new: 0, update: 0, unchanged: 0 };
  await hashJoinsOnly(tx, true);
  for await (const records of batches) {
    const stores = missingStores(records, locations, look.first);
    if (stores.length) {
      await createLocations(tx, b, stores, locations);
      look.first ||= await firstLocationName(tx, b);
    }
    const added = look.products.missing(records).map((p) => ({ ...p, id: randomUUID() }));
    await insertArchivedProducts(tx, b, added, at);
    for (const p of added) look.products.add(p.key, p.id);
    const items = await matchStored(tx, b, records);
    for (const i of items) counts[i.action]++;
    await writeBatch(tx, ctx, items, look, reason, at);
  }
  await hashJoinsOnly(tx, false);
  return counts;
}

/**
 * One batch of matched receipts written. An updated sale's old share of the summaries is taken out
 * first and every written sale's share put in after, by the summary writer itself.
 */
async function writeBatch(tx: Tx, ctx: Ctx, items: PlannedSale[], look: Lookups, reason: string, at: string) {
  const b = ctx.businessId;
  const written = items.filter((i) => i.action !== "unchanged");
  const fresh = written.filter((i) => i.action === "new");
  const updated = written.filter((i) => i.action === "update");
  let number = fresh.length ? await takeNumbers(tx, b, fresh.length) : 0;
  const numbers = new Map(fresh.map((i) => [i.id, number++]));
  const toRow = (i: PlannedSale): ImportedSaleRow => {
    const r = i.record;
    const locationId = look.locations.get((r.store ?? look.first).trim().toLowerCase());
    if (!locationId) throw new Error(`location ${r.store ?? look.first} was not created`);
    return {
      id: i.id,
      number: numbers.get(i.id) ?? null,
      location_id: locationId,
      customer_id: look.customerOf(r.customer),
      occurred_at: r.occurredAt,
      business_date: r.businessDate,
      subtotal: r.subtotal,
      discount: r.discount,
      total: r.total,
      payment_method: r.paymentMethod,
      voided: r.voided,
      hash: i.hash,
      kind: r.kind,
      ref: r.ref,
      register: r.register,
      cashier: r.cashierName,
      has_lines: r.lines !== null,
    };
  };
  await countSales(
    tx,
    b,
    updated.map((i) => i.id),
    -1,
  );
  await insertImportedSales(tx, b, ctx.userId, fresh.map(toRow), reason, at);
  await updateImportedSales(tx, b, ctx.userId, updated.map(toRow), reason);
  const lineRows = (i: PlannedSale): ImportedLineRow[] =>
    (i.record.lines ?? []).map((l, n) => ({
      sale_id: i.id,
      line_no: n + 1,
      product_id: look.products.idOf(l),
      name: l.name,
      quantityMilli: l.quantityMilli,
      unit_price: l.unitPrice,
      discount: l.discount,
      line_total: l.lineTotal,
      unit_cost: l.unitCost,
    }));
  const withLines = written.filter((i) => i.record.lines !== null);
  await replaceLines(
    tx,
    b,
    withLines.map((i) => i.id),
    withLines.flatMap(lineRows),
  );
  await countSales(
    tx,
    b,
    written.map((i) => i.id),
    1,
  );
}

/** A receipt as the preview shows it. */
export function salePreview(item: PlannedSale) {
  const r = item.record;
  return {
    row: r.row,
    action: item.action,
    values: {
      receipt: r.ref,
      register: r.register,
      date: r.occurredAt,
      kind: r.kind,
      voided: r.voided,
      total: r.total,
      paymentMethod: r.paymentMethod,
      cashier: r.cashierName,
      customer: r.customer?.name ?? r.customer?.contact ?? null,
      lines: r.lines?.length ?? null,
      store: r.store,
    },
  };
}
