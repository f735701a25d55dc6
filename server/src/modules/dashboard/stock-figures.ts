import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";

/**
 * Products in stock, low and out over the chosen locations (a product's total against its own
 * threshold, as the product list judges it), and what the stock on hand is worth at cost and at price.
 * Negative levels count as nothing on hand; products without a known cost add nothing at cost.
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
    at_cost: string | number;
    at_price: string | number;
  }>(
    tx,
    // Only products with level rows can have stock; every other active product is out (counted, not listed).
    sql`with lv as (
          select s.product_id, sum(s.quantity) as qty from stock_levels s
          where s.business_id = ${businessId}::uuid ${at} group by s.product_id
        ), j as (
          select p.price, p.cost, p.low_stock_threshold as threshold, lv.qty
          from lv join products p on p.business_id = ${businessId}::uuid and p.id = lv.product_id
          where not p.archived)
        select count(*) filter (where qty > threshold and qty > 0)::int as in_stock,
          count(*) filter (where qty > 0 and qty <= threshold)::int as low,
          ((select count(*) from products where business_id = ${businessId}::uuid and not archived)
            - count(*) filter (where qty > 0))::int as out,
          coalesce(round(sum(greatest(qty, 0) * cost)), 0)::bigint as at_cost,
          coalesce(round(sum(greatest(qty, 0) * price)), 0)::bigint as at_price
        from j`,
  );
  return {
    inStock: row?.in_stock ?? 0,
    low: row?.low ?? 0,
    out: row?.out ?? 0,
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
