import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";

/**
 * The daily summaries (sales_daily, product_sales_daily) hold the sum of every sale's contribution,
 * as the sale stands now. A write that changes a sale takes its old contribution out (sign -1)
 * before the change and puts the new one in (sign +1) after, in the same transaction; recording a
 * sale only adds. The contribution is always computed here, from the rows, so taking out exactly
 * undoes putting in. Rows are locked in one order (the sale's day row, then its products in id
 * order), the same order for every writer, so concurrent sales cannot deadlock on them.
 */

/** A line's share of what its sale brought in: unrefunded part, after the sale-wide discount. Exact numeric. */
export const LINE_REVENUE = sql`(l.line_total::numeric * (l.quantity - l.refunded_quantity) / l.quantity
  * coalesce(s.total::numeric / nullif(s.subtotal, 0), 0))`;

const KEPT = sql`(l.quantity - l.refunded_quantity)`;

function addDaily(db: Queryable, businessId: string, which: SQL, sign: 1 | -1) {
  return db.execute(sql`
    insert into sales_daily as d (business_id, business_date, location_id, user_id, payment_method,
      sales_count, items_sold, gross, discounts, refunds, net, voids_count, voided_amount,
      cost_of_goods, lines_without_cost, covered_revenue, covered_cost)
    select s.business_id, s.business_date, s.location_id, s.user_id, s.payment_method,
      ${sign} * count(*) filter (where s.status = 'completed'),
      ${sign} * coalesce(sum(l.items) filter (where s.status = 'completed'), 0),
      ${sign} * coalesce(sum(s.subtotal + l.line_discount) filter (where s.status = 'completed'), 0),
      ${sign} * coalesce(sum(s.discount + l.line_discount) filter (where s.status = 'completed'), 0),
      ${sign} * coalesce(sum(r.refunds) filter (where s.status = 'completed'), 0),
      ${sign} * coalesce(sum(s.total - r.refunds) filter (where s.status = 'completed'), 0),
      ${sign} * count(*) filter (where s.status = 'voided'),
      ${sign} * coalesce(sum(s.total) filter (where s.status = 'voided'), 0),
      ${sign} * coalesce(sum(l.cogs) filter (where s.status = 'completed'), 0),
      ${sign} * coalesce(sum(l.no_cost) filter (where s.status = 'completed'), 0),
      ${sign} * coalesce(sum(l.covered_revenue) filter (where s.status = 'completed'), 0),
      ${sign} * coalesce(sum(l.covered_cost) filter (where s.status = 'completed'), 0)
    from sales s
    cross join lateral (
      select coalesce(sum(l.discount), 0) as line_discount, coalesce(sum(${KEPT}), 0) as items,
        coalesce(sum(round(l.unit_cost * ${KEPT})), 0) as cogs,
        count(*) filter (where l.unit_cost is null) as no_cost,
        coalesce(sum(${LINE_REVENUE}) filter (where l.unit_cost is not null), 0) as covered_revenue,
        coalesce(sum(l.unit_cost * ${KEPT}), 0) as covered_cost
      from sale_lines l where l.business_id = s.business_id and l.sale_id = s.id) l
    cross join lateral (
      select coalesce(sum(p.amount), 0) as refunds from payments p
      where p.business_id = s.business_id and p.sale_id = s.id and p.kind = 'refund') r
    where s.business_id = ${businessId}::uuid and ${which}
    group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5
    on conflict (business_id, business_date, location_id, user_id, payment_method) do update set
      sales_count = d.sales_count + excluded.sales_count, items_sold = d.items_sold + excluded.items_sold,
      gross = d.gross + excluded.gross, discounts = d.discounts + excluded.discounts,
      refunds = d.refunds + excluded.refunds, net = d.net + excluded.net,
      voids_count = d.voids_count + excluded.voids_count, voided_amount = d.voided_amount + excluded.voided_amount,
      cost_of_goods = d.cost_of_goods + excluded.cost_of_goods,
      lines_without_cost = d.lines_without_cost + excluded.lines_without_cost,
      covered_revenue = d.covered_revenue + excluded.covered_revenue,
      covered_cost = d.covered_cost + excluded.covered_cost`);
}

function addProducts(db: Queryable, businessId: string, which: SQL, sign: 1 | -1) {
  return db.execute(sql`
    insert into product_sales_daily as d (business_id, business_date, location_id, user_id, product_id,
      quantity, revenue)
    select s.business_id, s.business_date, s.location_id, s.user_id, l.product_id,
      ${sign} * sum(${KEPT}), ${sign} * sum(${LINE_REVENUE})
    from sales s join sale_lines l on l.business_id = s.business_id and l.sale_id = s.id
    where s.business_id = ${businessId}::uuid and s.status = 'completed' and ${which}
    group by 1, 2, 3, 4, 5
    order by 1, 2, 3, 4, 5
    on conflict (business_id, business_date, location_id, user_id, product_id) do update set
      quantity = d.quantity + excluded.quantity, revenue = d.revenue + excluded.revenue`);
}

/** Adds (+1) or takes out (-1) one sale's contribution to the daily summaries. */
export async function countSale(db: Queryable, businessId: string, saleId: string, sign: 1 | -1) {
  const which = sql`s.id = ${saleId}::uuid`;
  await addDaily(db, businessId, which, sign);
  await addProducts(db, businessId, which, sign);
}

/** Recomputes a business's summaries from its sales: after a bulk load, or to check them. */
export async function rebuildSalesSummary(db: Queryable, businessId: string) {
  await db.execute(sql`delete from sales_daily where business_id = ${businessId}::uuid`);
  await db.execute(sql`delete from product_sales_daily where business_id = ${businessId}::uuid`);
  await addDaily(db, businessId, sql`true`, 1);
  await addProducts(db, businessId, sql`true`, 1);
}
