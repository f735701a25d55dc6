import { createHash, randomUUID } from "node:crypto";
import type { Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { normalisePhone } from "../customers/phone.js";
import { countSales } from "../summaries/summary-writer.repository.js";
import { chunks, createLocations, firstLocationName, locationsByName } from "./imports.repository.js";
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
import type { SaleRecord } from "./sales.validate.js";

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

/** Matches receipts to the sales brought in before (by receipt number) and names what is missing. */
export async function planSales(tx: Tx, ctx: Ctx, records: SaleRecord[], issues: Issues): Promise<SalePlan> {
  const b = ctx.businessId;
  const stored = await salesByRef(
    tx,
    b,
    records.map((r) => r.ref),
  );
  const locations = await locationsByName(tx, b);
  const first = await firstLocationName(tx, b);
  const newLocations = new Map<string, string>();
  for (const r of records) {
    const store = (r.store ?? first).trim();
    if (store && !locations.has(store.toLowerCase())) newLocations.set(store.toLowerCase(), store);
  }
  const known = new Set<string>();
  for (const p of await productsForLines(tx, b)) {
    known.add(`name:${p.name.toLowerCase()}`);
    if (p.sku) known.add(`sku:${p.sku}`);
  }
  const newProducts = new Map<string, SalePlan["newProducts"][number]>();
  for (const r of records) {
    for (const l of r.lines ?? []) {
      const key = productKey(l);
      if (known.has(key) || known.has(`name:${l.name.toLowerCase()}`) || newProducts.has(key)) continue;
      newProducts.set(key, { key, name: l.name, sku: l.sku ?? null, price: l.unitPrice });
      issues.warn(
        l.row,
        "Item",
        "product_added",
        `"${l.name}" is not among your products: it is added as an archived product, so its past sales keep it.`,
        { name: l.name },
      );
    }
  }
  const items = records.map((record) => {
    const before = stored.get(record.ref);
    const hash = hashOf(record);
    const action: Action = !before ? "new" : before.request_hash === hash ? "unchanged" : "update";
    return { record, action, id: before?.id ?? randomUUID(), hash };
  });
  return { items, newLocations: [...newLocations.values()], newProducts: [...newProducts.values()] };
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

/**
 * Writes the plan in one transaction: the stores and archived products it needs, then the sales in
 * batches. An updated sale's old share of the summaries is taken out first and every written sale's
 * share put in after, by the summary writer itself. No stock moves: these goods left long ago.
 */
export async function applySales(tx: Tx, ctx: Ctx, plan: SalePlan, reason: string, now: Date) {
  const b = ctx.businessId;
  const at = now.toISOString();
  const locations = await locationsByName(tx, b);
  await createLocations(tx, b, plan.newLocations, locations);
  const first = await firstLocationName(tx, b);
  const products = new Map<string, string>();
  for (const p of await productsForLines(tx, b)) {
    products.set(`name:${p.name.toLowerCase()}`, products.get(`name:${p.name.toLowerCase()}`) ?? p.id);
    if (p.sku && !products.has(`sku:${p.sku}`)) products.set(`sku:${p.sku}`, p.id);
  }
  const added = plan.newProducts.map((p) => ({
    id: randomUUID(),
    name: p.name,
    sku: p.sku,
    price: p.price,
    key: p.key,
  }));
  await insertArchivedProducts(tx, b, added, at);
  for (const p of added) products.set(p.key, p.id);
  const customerOf = await customerFinder(tx, ctx);

  const written = plan.items.filter((i) => i.action !== "unchanged");
  const fresh = written
    .filter((i) => i.action === "new")
    .sort((x, y) => (x.record.occurredAt < y.record.occurredAt ? -1 : 1));
  let number = fresh.length ? await takeNumbers(tx, b, fresh.length) : 0;
  const numbers = new Map(fresh.map((i) => [i.id, number++]));
  const toRow = (i: PlannedSale): ImportedSaleRow => {
    const r = i.record;
    const locationId = locations.get((r.store ?? first).trim().toLowerCase());
    if (!locationId) throw new Error(`location ${r.store ?? first} was not created`);
    return {
      id: i.id,
      number: numbers.get(i.id) ?? null,
      location_id: locationId,
      customer_id: customerOf(r.customer),
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
  const updated = written.filter((i) => i.action === "update");
  await hashJoinsOnly(tx, true);
  await countSales(
    tx,
    b,
    updated.map((i) => i.id),
    -1,
  );
  // Rows for the database are made a batch at a time: a year of receipts is not held twice more.
  for (const part of chunks(fresh)) await insertImportedSales(tx, b, ctx.userId, part.map(toRow), reason, at);
  for (const part of chunks(updated)) await updateImportedSales(tx, b, ctx.userId, part.map(toRow), reason);
  const lineRows = (i: PlannedSale): ImportedLineRow[] =>
    (i.record.lines ?? []).map((l, n) => ({
      sale_id: i.id,
      line_no: n + 1,
      product_id: products.get(productKey(l)) ?? (products.get(`name:${l.name.toLowerCase()}`) as string),
      name: l.name,
      quantityMilli: l.quantityMilli,
      unit_price: l.unitPrice,
      discount: l.discount,
      line_total: l.lineTotal,
      unit_cost: l.unitCost,
    }));
  for (const part of chunks(written.filter((i) => i.record.lines !== null))) {
    await replaceLines(
      tx,
      b,
      part.map((i) => i.id),
      part.flatMap(lineRows),
    );
  }
  await countSales(
    tx,
    b,
    written.map((i) => i.id),
    1,
  );
  await hashJoinsOnly(tx, false);
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
