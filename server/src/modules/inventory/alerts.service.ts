import { sql } from "drizzle-orm";
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
 * Every active product at every location the user sees, with no level row counting as 0: a product
 * never received at a location is out of stock there. Low means at or below the threshold in force
 * (the location's override, else the product's); out means at or below zero.
 *
 * A shop with a big catalogue has many products never stocked at a branch, so the pairs are not
 * enumerated to be counted or listed: pairs with a level row are few and read directly; pairs
 * without one are all out, counted by arithmetic and listed in name order from the products' name
 * index, stopping at the limit.
 */

const locationList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

const PAIR_COLUMNS = sql`p.id as product_id, p.name, p.sku, p.unit, l.id as location_id, l.name as location_name`;

/** Pairs at or below zero, stocked or never stocked, in name order. */
function outPairs(ctx: Ctx, locationIds: string[], limit: number) {
  return sql`select ${PAIR_COLUMNS}, coalesce(s.quantity, 0) as quantity,
      coalesce(s.low_stock_threshold, p.low_stock_threshold) as threshold
    from products p
    cross join locations l
    left join stock_levels s on s.business_id = p.business_id and s.product_id = p.id and s.location_id = l.id
    where p.business_id = ${ctx.businessId} and not p.archived
      and l.business_id = ${ctx.businessId} and l.id in (${locationList(locationIds)})
      and coalesce(s.quantity, 0) <= 0
    order by lower(p.name), p.id, l.name
    limit ${limit}`;
}

/** Pairs above zero and at or below their threshold: only stocked pairs can be. */
function lowPairs(ctx: Ctx, locationIds: string[]) {
  return sql`select ${PAIR_COLUMNS}, s.quantity, coalesce(s.low_stock_threshold, p.low_stock_threshold) as threshold
    from stock_levels s
    join products p on p.business_id = s.business_id and p.id = s.product_id
    join locations l on l.business_id = s.business_id and l.id = s.location_id
    where s.business_id = ${ctx.businessId} and not p.archived and s.location_id in (${locationList(locationIds)})
      and s.quantity > 0 and s.quantity <= coalesce(s.low_stock_threshold, p.low_stock_threshold)`;
}

/** The low and out product-location pairs, out first; `limit` keeps a summary (the dashboard's five) cheap. */
export async function lowStock(db: Db, ctx: Ctx, locationId?: string, limit = 1000) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const locations = await visibleLocations(tx, ctx, locationId);
    if (locations.length === 0) return { items: [] };
    const ids = locations.map((l) => l.id);
    const rows = await queryRows<LowRow>(
      tx,
      sql`with pairs as ((${outPairs(ctx, ids, limit)}) union all (${lowPairs(ctx, ids)}))
          select product_id, name, sku, unit, location_id, location_name, quantity::text as quantity,
            threshold::text as threshold
          from pairs order by (quantity <= 0) desc, lower(name), product_id, location_name limit ${limit}`,
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
    // Out: every pair, less those with something on hand (pairs without a level row have nothing).
    const [row] = await queryRows<{ low: number; out: number }>(
      tx,
      sql`select (select count(*) from (${lowPairs(ctx, ids)}) low)::int as low,
            ((select count(*) from products p where p.business_id = ${ctx.businessId} and not p.archived) * ${ids.length}
              - (select count(*) from stock_levels s
                 join products p on p.business_id = s.business_id and p.id = s.product_id
                 where s.business_id = ${ctx.businessId} and not p.archived
                   and s.location_id in (${locationList(ids)}) and s.quantity > 0))::int as out`,
    );
    const low = row?.low ?? 0;
    const out = row?.out ?? 0;
    return { low, out, total: low + out };
  });
}
