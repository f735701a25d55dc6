import { type SQL, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";
import { visibleLocations } from "./locations.js";

interface LowRow {
  product_id: string;
  name: string;
  sku: string | null;
  unit: string;
  location_id: string;
  location_name: string;
  quantity: string;
  threshold: string;
}

/**
 * Stock status is judged per product and location, over the pairs the location carries (a level
 * row with `carried`): a branch added today carries nothing until the owner says so, and stock
 * nobody has counted there yet is "not counted", never "out". Low means at or below the threshold
 * in force (the location's override, else the product's); out means counted and at or below zero.
 * Only level rows are read, so a big catalogue with many branches costs what it stocks.
 */

const locationList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

const PAIR_COLUMNS = sql`p.id as product_id, p.name, p.sku, p.unit, l.id as location_id, l.name as location_name,
  s.quantity, coalesce(s.low_stock_threshold, p.low_stock_threshold) as threshold`;

/** Level rows of active products at these locations, joined to their product and location. */
function pairs(ctx: Ctx, locationIds: string[], where: SQL) {
  return sql`select ${PAIR_COLUMNS}
    from stock_levels s
    join products p on p.business_id = s.business_id and p.id = s.product_id
    join locations l on l.business_id = s.business_id and l.id = s.location_id
    where s.business_id = ${ctx.businessId} and not p.archived and s.location_id in (${locationList(locationIds)})
      and ${where}`;
}

/** Carried, counted, and at or below the threshold in force (out at or below zero). */
const LOW = sql`s.carried and s.counted_at is not null
  and s.quantity <= greatest(coalesce(s.low_stock_threshold, p.low_stock_threshold), 0)`;

/** The low and out product-location pairs, out first; `limit` keeps a summary (the dashboard's five) cheap. */
export async function lowStock(db: Db, ctx: Ctx, locationId?: string, limit = 1000) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const locations = await visibleLocations(tx, ctx, locationId);
    if (locations.length === 0) return { items: [] };
    const ids = locations.map((l) => l.id);
    const rows = await queryRows<LowRow>(
      tx,
      sql`select product_id, name, sku, unit, location_id, location_name, quantity::text as quantity,
            threshold::text as threshold
          from (${pairs(ctx, ids, LOW)}) x
          order by (quantity <= 0) desc, lower(name), product_id, location_name limit ${limit}`,
    );
    return {
      items: rows.map((r) => {
        const quantity = parseMilli(r.quantity);
        return {
          productId: r.product_id,
          name: r.name,
          sku: r.sku,
          unit: r.unit,
          locationId: r.location_id,
          locationName: r.location_name,
          quantity: fromMilli(quantity),
          threshold: fromMilli(parseMilli(r.threshold)),
          stockState: quantity <= 0 ? ("out" as const) : ("low" as const),
        };
      }),
    };
  });
}

/** For the navigation badge: how many product-location pairs are low, and how many of those are out. */
export async function lowStockCount(db: Db, ctx: Ctx, locationId?: string) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const locations = await visibleLocations(tx, ctx, locationId);
    if (locations.length === 0) return { low: 0, out: 0, total: 0 };
    const ids = locations.map((l) => l.id);
    const [row] = await queryRows<{ low: number; out: number }>(
      tx,
      sql`select count(*) filter (where quantity > 0)::int as low, count(*) filter (where quantity <= 0)::int as out
          from (${pairs(ctx, ids, LOW)}) x`,
    );
    const low = row?.low ?? 0;
    const out = row?.out ?? 0;
    return { low, out, total: low + out };
  });
}

/** What the owner should look at: stock not counted yet (the "count me" list) and stock below zero. */
export async function stockAttention(db: Db, ctx: Ctx, locationId?: string, limit = 500) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const locations = await visibleLocations(tx, ctx, locationId);
    if (locations.length === 0) return { notCounted: [], belowZero: [] };
    const ids = locations.map((l) => l.id);
    const list = async (where: SQL) =>
      (
        await queryRows<LowRow>(
          tx,
          sql`select product_id, name, sku, unit, location_id, location_name, quantity::text as quantity
              from (${pairs(ctx, ids, where)}) x order by lower(name), product_id, location_name limit ${limit}`,
        )
      ).map((r) => ({
        productId: r.product_id,
        name: r.name,
        sku: r.sku,
        unit: r.unit,
        locationId: r.location_id,
        locationName: r.location_name,
        quantity: fromMilli(parseMilli(r.quantity)),
      }));
    return {
      notCounted: await list(sql`s.carried and s.counted_at is null`),
      belowZero: await list(sql`s.quantity < 0`),
    };
  });
}
