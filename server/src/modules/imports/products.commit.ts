import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { fromMilli, milliToNumeric, parseMilli } from "../../lib/quantity.js";
import { createLocations, forBatches } from "./imports.repository.js";
import type { Issues } from "./issues.js";
import type { ProductRecord } from "./products.validate.js";

interface Existing {
  id: string;
  name: string;
  sku: string | null;
  barcode: string | null;
  category: string | null;
  unit: string;
  price: number;
  price_at_sale: boolean;
  cost: number | null;
  low: string;
}
interface Level {
  product_id: string;
  location_id: string;
  quantity: string;
  low: string | null;
}

export type Action = "new" | "update" | "unchanged";
export interface PlannedProduct {
  record: ProductRecord;
  action: Action;
  id: string;
}

export interface ProductPlan {
  items: PlannedProduct[];
  /** Location names in the file the business lacks, as first written. */
  newLocations: string[];
  locations: Map<string, string>;
  levels: Map<string, { quantity: number; low: number | null }>;
}

const levelKey = (productId: string, locationId: string) => `${productId}:${locationId}`;

/** Matches each row to a product (SKU, then barcode, then exact name) and says what saving it would change. */
export async function planProducts(
  tx: Tx,
  ctx: Ctx,
  records: ProductRecord[],
  issues: Issues,
  opts: { lock?: boolean } = {},
): Promise<ProductPlan> {
  const b = ctx.businessId;
  const locs = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from locations where business_id = ${b} order by created_at`,
  );
  const locations = new Map(locs.map((l) => [l.name.trim().toLowerCase(), l.id]));
  const existing = await queryRows<Existing>(
    tx,
    sql`select id, name, sku, barcode, category, unit, price::float8 as price, price_at_sale, cost::float8 as cost,
          low_stock_threshold::text as low from products where business_id = ${b}`,
  );
  const levelRows = await queryRows<Level>(
    tx,
    opts.lock
      ? sql`select product_id, location_id, quantity::text as quantity, low_stock_threshold::text as low
              from stock_levels where business_id = ${b} for update`
      : sql`select product_id, location_id, quantity::text as quantity, low_stock_threshold::text as low
              from stock_levels where business_id = ${b}`,
  );
  const levels = new Map(
    levelRows.map((l) => [
      levelKey(l.product_id, l.location_id),
      { quantity: parseMilli(l.quantity), low: l.low === null ? null : parseMilli(l.low) },
    ]),
  );
  const bySku = new Map(existing.flatMap((p) => (p.sku ? [[p.sku, p] as const] : [])));
  const byBarcode = new Map(existing.flatMap((p) => (p.barcode ? [[p.barcode, p] as const] : [])));
  const byName = new Map(existing.map((p) => [p.name, p]));
  const claimed = new Map<string, number>();
  const newLocations = new Map<string, string>();
  const items: PlannedProduct[] = [];
  for (const record of records) {
    const match =
      (record.sku && bySku.get(record.sku)) ||
      (record.barcode && byBarcode.get(record.barcode)) ||
      byName.get(record.name) ||
      undefined;
    const other = (code: "sku" | "barcode", owner: Existing | undefined) => {
      if (!owner || owner.id === match?.id) return false;
      issues.error(
        record.row,
        code === "sku" ? "SKU" : "barcode",
        code === "sku" ? "sku_taken" : "barcode_taken",
        `The ${code === "sku" ? "SKU" : "barcode"} "${record[code]}" already belongs to "${owner.name}". Change it in the file.`,
        { value: String(record[code]), name: owner.name },
      );
      return true;
    };
    if (other("sku", record.sku ? bySku.get(record.sku) : undefined)) continue;
    if (other("barcode", record.barcode ? byBarcode.get(record.barcode) : undefined)) continue;
    if (match) {
      const first = claimed.get(match.id);
      if (first !== undefined) {
        issues.error(
          record.row,
          null,
          "same_as_row",
          `This row and row ${first} are both "${match.name}". Keep one of them.`,
          {
            row: first,
            name: match.name,
          },
        );
        continue;
      }
      claimed.set(match.id, record.row);
    }
    for (const s of record.stock) {
      const key = s.location.trim().toLowerCase();
      if (!locations.has(key) && !newLocations.has(key)) newLocations.set(key, s.location.trim());
    }
    const id = match?.id ?? randomUUID();
    const action: Action = !match ? "new" : changed(record, match, levels, locations) ? "update" : "unchanged";
    items.push({ record, action, id });
  }
  return { items, newLocations: [...newLocations.values()], locations, levels };
}

function changed(
  r: ProductRecord,
  p: Existing,
  levels: ProductPlan["levels"],
  locations: Map<string, string>,
): boolean {
  const differs =
    (r.sku !== undefined && r.sku !== p.sku) ||
    (r.barcode !== undefined && r.barcode !== p.barcode) ||
    (r.category !== undefined && r.category !== p.category) ||
    (r.unit !== undefined && r.unit !== p.unit) ||
    (r.price !== undefined && r.price !== p.price) ||
    (r.priceAtSale !== undefined && r.priceAtSale !== p.price_at_sale) ||
    (r.cost !== undefined && r.cost !== p.cost) ||
    (r.lowStockMilli !== undefined && r.lowStockMilli !== parseMilli(p.low)) ||
    r.name !== p.name;
  if (differs) return true;
  return r.stock.some((s) => {
    const locationId = locations.get(s.location.trim().toLowerCase());
    if (!locationId) return true;
    const level = levels.get(levelKey(p.id, locationId));
    if (s.quantityMilli !== undefined && s.quantityMilli !== (level?.quantity ?? 0)) return true;
    return s.lowStockMilli !== undefined && s.lowStockMilli !== (level?.low ?? null);
  });
}

/** Writes the plan: products in batches, then the stock each row names as `import` movements. */
export async function applyProducts(tx: Tx, ctx: Ctx, plan: ProductPlan, reason: string, now: Date) {
  const b = ctx.businessId;
  const at = now.toISOString();
  await createLocations(tx, b, plan.newLocations, plan.locations);
  const toRow = ({ record: r, id }: PlannedProduct) => ({
    id,
    name: r.name,
    sku: r.sku ?? null,
    barcode: r.barcode ?? null,
    category: r.category ?? null,
    unit: r.unit ?? null,
    price: r.price ?? null,
    price_at_sale: r.priceAtSale ?? null,
    cost: r.cost ?? null,
    low: r.lowStockMilli === undefined ? null : milliToNumeric(r.lowStockMilli),
  });
  const columns = sql`(id uuid, name text, sku text, barcode text, category text, unit text, price bigint,
    price_at_sale boolean, cost bigint, low numeric)`;
  await forBatches(
    tx,
    plan.items.filter((i) => i.action === "new").map(toRow),
    (batch) => sql`
      insert into products (id, business_id, name, sku, barcode, category, unit, price, price_at_sale, cost,
        low_stock_threshold, created_at, updated_at)
      select v.id, ${b}, v.name, v.sku, v.barcode, v.category, coalesce(v.unit, 'piece'), coalesce(v.price, 0),
        coalesce(v.price_at_sale, false), v.cost, coalesce(v.low, 0), ${at}, ${at}
      from jsonb_to_recordset(${batch}) as v${columns}`,
  );
  // A column the file does not have (null here) keeps the product's value.
  await forBatches(
    tx,
    plan.items.filter((i) => i.action === "update").map(toRow),
    (batch) => sql`
      update products p set name = v.name, sku = coalesce(v.sku, p.sku), barcode = coalesce(v.barcode, p.barcode),
        category = coalesce(v.category, p.category), unit = coalesce(v.unit, p.unit),
        price = coalesce(v.price, p.price), price_at_sale = coalesce(v.price_at_sale, p.price_at_sale),
        cost = coalesce(v.cost, p.cost), low_stock_threshold = coalesce(v.low, p.low_stock_threshold),
        updated_at = ${at}
      from jsonb_to_recordset(${batch}) as v${columns}
      where p.business_id = ${b} and p.id = v.id`,
  );
  await applyStock(tx, ctx, plan, reason, now);
}

async function applyStock(tx: Tx, ctx: Ctx, plan: ProductPlan, reason: string, now: Date) {
  const at = now.toISOString();
  const levels: { product_id: string; location_id: string; quantity: string | null; low: string | null }[] = [];
  const moves: { product_id: string; location_id: string; quantity: string; level_after: string }[] = [];
  for (const item of plan.items) {
    if (item.action === "unchanged") continue;
    for (const s of item.record.stock) {
      const locationId = plan.locations.get(s.location.trim().toLowerCase());
      if (!locationId) throw new Error(`location ${s.location} was not created`);
      const before = plan.levels.get(levelKey(item.id, locationId))?.quantity ?? 0;
      const target = s.quantityMilli;
      levels.push({
        product_id: item.id,
        location_id: locationId,
        quantity: target === undefined ? null : milliToNumeric(target),
        low: s.lowStockMilli === undefined ? null : milliToNumeric(s.lowStockMilli),
      });
      if (target !== undefined && target !== before) {
        moves.push({
          product_id: item.id,
          location_id: locationId,
          quantity: milliToNumeric(target - before),
          level_after: milliToNumeric(target),
        });
      }
    }
  }
  const b = ctx.businessId;
  await forBatches(
    tx,
    levels,
    (batch) => sql`
      insert into stock_levels (business_id, product_id, location_id, quantity, low_stock_threshold, counted_at,
        updated_at)
      select ${b}, v.product_id, v.location_id, coalesce(v.quantity, 0), v.low,
        case when v.quantity is not null then ${at}::timestamptz end, ${at}
      from jsonb_to_recordset(${batch})
        as v(product_id uuid, location_id uuid, quantity numeric, low numeric)
      on conflict (product_id, location_id) do update set
        quantity = coalesce(excluded.quantity, stock_levels.quantity),
        low_stock_threshold = coalesce(excluded.low_stock_threshold, stock_levels.low_stock_threshold),
        -- An opening stock from the file is a count: the level is known from here on.
        counted_at = coalesce(stock_levels.counted_at, excluded.counted_at),
        updated_at = ${at}`,
  );
  await forBatches(
    tx,
    moves,
    (batch) => sql`
      insert into stock_movements (business_id, product_id, location_id, kind, quantity, level_after, reason,
        user_id, created_at)
      select ${b}, v.product_id, v.location_id, 'import', v.quantity, v.level_after, ${reason}, ${ctx.userId}, ${at}
      from jsonb_to_recordset(${batch})
        as v(product_id uuid, location_id uuid, quantity numeric, level_after numeric)`,
  );
}

/** A row as the preview shows it: what will be saved. */
export function productPreview(item: PlannedProduct) {
  const r = item.record;
  return {
    row: r.row,
    action: item.action,
    values: {
      name: r.name,
      sku: r.sku ?? null,
      barcode: r.barcode ?? null,
      category: r.category ?? null,
      price: r.price ?? null,
      priceAtSale: r.priceAtSale ?? false,
      cost: r.cost ?? null,
      unit: r.unit ?? null,
      lowStockThreshold: r.lowStockMilli === undefined ? null : fromMilli(r.lowStockMilli),
      stock:
        r.stock
          .filter((s) => s.quantityMilli !== undefined)
          .map((s) => `${s.location}: ${fromMilli(s.quantityMilli ?? 0)}`)
          .join("; ") || null,
    },
  };
}
