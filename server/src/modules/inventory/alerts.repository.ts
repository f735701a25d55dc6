import { type SQL, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";

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
function pairs(businessId: string, locationIds: string[], where: SQL) {
  return sql`select ${PAIR_COLUMNS}
    from stock_levels s
    join products p on p.business_id = s.business_id and p.id = s.product_id
    join locations l on l.business_id = s.business_id and l.id = s.location_id
    where s.business_id = ${businessId} and not p.archived and s.location_id in (${locationList(locationIds)})
      and ${where}`;
}

/** Carried, counted, and at or below the threshold in force (out at or below zero). */
const LOW = sql`s.carried and s.counted_at is not null
  and s.quantity <= greatest(coalesce(s.low_stock_threshold, p.low_stock_threshold), 0)`;

const pairOf = (r: LowRow) => ({
  productId: r.product_id,
  name: r.name,
  sku: r.sku,
  unit: r.unit,
  locationId: r.location_id,
  locationName: r.location_name,
  quantity: fromMilli(parseMilli(r.quantity)),
});

/** The low and out pairs at these locations, out first, with the threshold in force. */
export async function lowPairs(tx: Tx, businessId: string, ids: string[], limit: number) {
  const rows = await queryRows<LowRow>(
    tx,
    sql`select product_id, name, sku, unit, location_id, location_name, quantity::text as quantity,
          threshold::text as threshold
        from (${pairs(businessId, ids, LOW)}) x
        order by (quantity <= 0) desc, lower(name), product_id, location_name limit ${limit}`,
  );
  return rows.map((r) => ({ ...pairOf(r), threshold: fromMilli(parseMilli(r.threshold)) }));
}

/** How many pairs at these locations are low but above zero, and how many are out. */
export async function lowPairCounts(tx: Tx, businessId: string, ids: string[]) {
  const [row] = await queryRows<{ low: number; out: number }>(
    tx,
    sql`select count(*) filter (where quantity > 0)::int as low, count(*) filter (where quantity <= 0)::int as out
        from (${pairs(businessId, ids, LOW)}) x`,
  );
  return { low: row?.low ?? 0, out: row?.out ?? 0 };
}

/** Pairs carried but never counted, or below zero, by name. */
export async function attentionPairs(
  tx: Tx,
  businessId: string,
  ids: string[],
  which: "notCounted" | "belowZero",
  limit: number,
) {
  const where = which === "notCounted" ? sql`s.carried and s.counted_at is null` : sql`s.quantity < 0`;
  const rows = await queryRows<LowRow>(
    tx,
    sql`select product_id, name, sku, unit, location_id, location_name, quantity::text as quantity
        from (${pairs(businessId, ids, where)}) x order by lower(name), product_id, location_name limit ${limit}`,
  );
  return rows.map(pairOf);
}
