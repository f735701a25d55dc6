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
 * Every active product at every location the user sees, with no level row counting as 0: a product
 * never received at a location is out of stock there. Low means at or below the threshold in force
 * (the location's override, else the product's); out means at or below zero.
 */
function lowStockSql(ctx: Ctx, locationIds: string[], select: SQL, tail: SQL) {
  const locs = sql.join(
    locationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`with levels as (
      select p.id as product_id, p.name, p.sku, p.unit, l.id as location_id, l.name as location_name,
        coalesce(s.quantity, 0) as quantity, coalesce(s.low_stock_threshold, p.low_stock_threshold) as threshold
      from products p
      cross join locations l
      left join stock_levels s on s.business_id = p.business_id and s.product_id = p.id and s.location_id = l.id
      where p.business_id = ${ctx.businessId} and not p.archived
        and l.business_id = ${ctx.businessId} and l.id in (${locs})
    )
    select ${select} from levels where quantity <= threshold or quantity <= 0 ${tail}`;
}

/** The low and out product-location pairs, out first; `limit` keeps a summary (the dashboard's five) cheap. */
export async function lowStock(db: Db, ctx: Ctx, locationId?: string, limit = 1000) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const locations = await visibleLocations(tx, ctx, locationId);
    if (locations.length === 0) return { items: [] };
    const rows = await queryRows<LowRow>(
      tx,
      lowStockSql(
        ctx,
        locations.map((l) => l.id),
        sql`product_id, name, sku, unit, location_id, location_name, quantity::text as quantity, threshold::text as threshold`,
        sql`order by (quantity <= 0) desc, lower(name), product_id, location_name limit ${limit}`,
      ),
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
    const [row] = await queryRows<{ low: number; out: number }>(
      tx,
      lowStockSql(
        ctx,
        locations.map((l) => l.id),
        sql`count(*) filter (where quantity > 0)::int as low, count(*) filter (where quantity <= 0)::int as out`,
        sql``,
      ),
    );
    const low = row?.low ?? 0;
    const out = row?.out ?? 0;
    return { low, out, total: low + out };
  });
}
