import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";

/**
 * In stock, low, out and not counted over the chosen locations, one per product a location carries
 * (so the figures and the low-stock list count the same things), and what the stock on hand is
 * worth at cost and at price. Negative levels count as nothing on hand; products without a known
 * cost add nothing at cost.
 */
export async function stockSummary(tx: Tx, businessId: string, locationIds: string[] | null) {
  const at = locationIds
    ? sql`and s.location_id in (${sql.join(
        locationIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const [row] = await queryRows<{
    in_stock: number;
    low: number;
    out: number;
    not_counted: number;
    at_cost: string | number;
    at_price: string | number;
  }>(
    tx,
    sql`with j as (
          select s.quantity as qty, s.carried, s.counted_at is not null as counted, p.price, p.cost,
            coalesce(s.low_stock_threshold, p.low_stock_threshold) as threshold
          from stock_levels s join products p on p.business_id = s.business_id and p.id = s.product_id
          where s.business_id = ${businessId}::uuid and not p.archived ${at})
        select count(*) filter (where carried and counted and qty > threshold and qty > 0)::int as in_stock,
          count(*) filter (where carried and counted and qty > 0 and qty <= threshold)::int as low,
          count(*) filter (where carried and counted and qty <= 0)::int as out,
          count(*) filter (where carried and not counted)::int as not_counted,
          coalesce(round(sum(greatest(qty, 0) * cost)), 0)::bigint as at_cost,
          coalesce(round(sum(greatest(qty, 0) * price)), 0)::bigint as at_price
        from j`,
  );
  return {
    inStock: row?.in_stock ?? 0,
    low: row?.low ?? 0,
    out: row?.out ?? 0,
    notCounted: row?.not_counted ?? 0,
    valueAtCost: Number(row?.at_cost ?? 0),
    valueAtPrice: Number(row?.at_price ?? 0),
  };
}

/** What customers owe on the credit book: the total of positive balances, how many, and the largest few. */
export async function owed(tx: Tx, businessId: string, top = 5) {
  const rows = await queryRows<{ id: string; name: string; balance: string | number; n: number; total: string }>(
    tx,
    sql`with b as (
          select customer_id, sum(amount) as balance from customer_ledger
          where business_id = ${businessId}::uuid group by customer_id having sum(amount) > 0)
        select c.id, c.name, b.balance::bigint as balance, (count(*) over ())::int as n,
          (sum(b.balance) over ())::bigint::text as total
        from b join customers c on c.business_id = ${businessId}::uuid and c.id = b.customer_id
        order by b.balance desc, lower(c.name), c.id limit ${top}`,
  );
  return {
    totalOwed: Number(rows[0]?.total ?? 0),
    customers: rows[0]?.n ?? 0,
    top: rows.map((r) => ({ id: r.id, name: r.name, balance: Number(r.balance) })),
  };
}
