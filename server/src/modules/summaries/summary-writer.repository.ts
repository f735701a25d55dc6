import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";

/**
 * The daily summaries (sales_daily, product_sales_daily) hold the sum of every sale's contribution,
 * as the sale stands now. A write that changes a sale takes its old contribution out (sign -1)
 * before the change and puts the new one in (sign +1) after, in the same transaction; recording a
 * sale only adds. The contribution is always computed here, from the rows, so taking out exactly
 * undoes putting in. Rows are locked in one order (the sale's day row, its month row, its products'
 * day rows, then their month rows, each in key order), the same order for every writer, so
 * concurrent sales cannot deadlock on them.
 */

/** A line's share of what its sale brought in: unrefunded part, after the sale-wide discount. Exact numeric. */
const LINE_REVENUE = sql`(l.line_total::numeric * (l.quantity - l.refunded_quantity) / l.quantity
  * coalesce(s.total::numeric / nullif(s.subtotal, 0), 0))`;

const KEPT = sql`(l.quantity - l.refunded_quantity)`;

/**
 * A refund receipt brought in from another system (kind `refund`, decision 021) is money back on
 * its own day: its total counts as refunds and off net sales, its goods and their cost come off
 * that day's items, cost of goods and products. It is not a sale, so not in the sales count, gross
 * or discounts.
 */
const DIR = sql`(case when s.kind = 'refund' then -1 else 1 end)`;

/**
 * Where a contribution is computed from: CTE names holding rows shaped as `sales` (`sales`), as
 * `sale_lines` (`lines`) and as refund `payments` (`refunds`). A recorded sale passes the RETURNING
 * of its own inserts, a rebuild the tables themselves: the same SQL either way, so a sale adds
 * exactly what a rebuild would count for it.
 */
export interface SummarySource {
  sales: string;
  lines: string;
  refunds: string;
}

/** The figures sales_daily and sales_monthly keep, summed the same way in both. */
const FIGURE_COLUMNS = [
  "sales_count",
  "items_sold",
  "gross",
  "discounts",
  "refunds",
  "net",
  "voids_count",
  "voided_amount",
  "cost_of_goods",
  "lines_without_cost",
  "covered_revenue",
  "covered_cost",
];
const FIGURES = sql.raw(FIGURE_COLUMNS.join(", "));
const SUMMED = sql.raw(FIGURE_COLUMNS.map((c) => `sum(${c})`).join(", "));
const KEY_REST = sql.raw("location_id, user_id, payment_method");

/** Adds a contribution to the row already there for the same key (`period`: its day or month column). */
const upsert = (period: "business_date" | "month") =>
  sql.raw(`on conflict (business_id, ${period}, location_id, user_id, payment_method) do update set
        ${FIGURE_COLUMNS.map((c) => `${c} = d.${c} + excluded.${c}`).join(", ")}`);

/**
 * The summary upserts as CTEs (`summary_daily`, `summary_monthly`, `summary_products`,
 * `summary_product_months`) to put in the
 * writer's WITH, so a sale, a void or a rebuild touches every summary in the statement that changes
 * the sale. The month's row is the sum of the same per-day rows, so it always equals its days.
 */
export function summaryCtes(src: SummarySource, sign: 1 | -1, opts: { fresh?: boolean } = {}): SQL {
  // A rebuild writes into emptied tables, one row per key: no conflict to look for per row.
  const onDaily = opts.fresh ? sql`` : upsert("business_date");
  const onMonthly = opts.fresh ? sql`` : upsert("month");
  const onProducts = opts.fresh
    ? sql``
    : sql`on conflict (business_id, business_date, location_id, user_id, product_id) do update set
        quantity = d.quantity + excluded.quantity, revenue = d.revenue + excluded.revenue`;
  const onProductMonths = opts.fresh
    ? sql``
    : sql`on conflict (business_id, month, product_id) do update set
        quantity = d.quantity + excluded.quantity, revenue = d.revenue + excluded.revenue`;
  const s = sql.raw(src.sales);
  const l = sql.raw(src.lines);
  const r = sql.raw(src.refunds);
  // Lines and refunds are summed per sale first and joined once: one sale reads its few rows, a
  // rebuild hashes them all.
  return sql`summary_lines as (
      select l.sale_id, sum(l.discount) as line_discount, sum(${KEPT}) as items,
        sum(round(l.unit_cost * ${KEPT})) as cogs, count(*) filter (where l.unit_cost is null) as no_cost,
        sum(${LINE_REVENUE}) filter (where l.unit_cost is not null) as covered_revenue,
        sum(l.unit_cost * ${KEPT}) as covered_cost
      from ${s} s join ${l} l on l.business_id = s.business_id and l.sale_id = s.id
      group by l.sale_id
    ), summary_refunds as (
      select p.sale_id, sum(p.amount) as refunds from ${r} p group by p.sale_id
    ), summary_days as (
      select business_id, business_date, location_id, user_id, payment_method,
        ${sign} * count(*) filter (where ok and not back) as sales_count,
        ${sign} * coalesce(sum(dir * items) filter (where ok), 0) as items_sold,
        ${sign} * coalesce(sum(subtotal + line_discount) filter (where ok and not back), 0) as gross,
        ${sign} * coalesce(sum(discount + line_discount) filter (where ok and not back), 0) as discounts,
        ${sign} * coalesce(sum(case when back then total else refunds end) filter (where ok), 0) as refunds,
        ${sign} * coalesce(sum(case when back then -total else total - refunds end) filter (where ok), 0) as net,
        ${sign} * count(*) filter (where not ok) as voids_count,
        ${sign} * coalesce(sum(total) filter (where not ok), 0) as voided_amount,
        ${sign} * coalesce(sum(dir * cogs) filter (where ok), 0) as cost_of_goods,
        ${sign} * coalesce(sum(no_cost) filter (where ok), 0) as lines_without_cost,
        ${sign} * coalesce(sum(dir * covered_revenue) filter (where ok), 0) as covered_revenue,
        ${sign} * coalesce(sum(dir * covered_cost) filter (where ok), 0) as covered_cost
      from (
        select s.business_id, s.business_date, s.location_id, s.user_id, s.payment_method,
          s.status = 'completed' as ok, s.kind = 'refund' as back, case when s.kind = 'refund' then -1 else 1 end as dir,
          s.subtotal, s.discount, s.total,
          coalesce(l.line_discount, 0) as line_discount, coalesce(l.items, 0) as items, coalesce(l.cogs, 0) as cogs,
          coalesce(l.no_cost, 0) as no_cost, coalesce(l.covered_revenue, 0) as covered_revenue,
          coalesce(l.covered_cost, 0) as covered_cost, coalesce(r.refunds, 0) as refunds
        from ${s} s left join summary_lines l on l.sale_id = s.id left join summary_refunds r on r.sale_id = s.id
      ) x
      group by 1, 2, 3, 4, 5
    ), summary_daily as (
      insert into sales_daily as d (business_id, business_date, ${KEY_REST}, ${FIGURES})
      select business_id, business_date, ${KEY_REST}, ${FIGURES} from summary_days
      order by 1, 2, 3, 4, 5
      ${onDaily}
      returning 1
    ), summary_monthly as (
      insert into sales_monthly as d (business_id, month, ${KEY_REST}, ${FIGURES})
      select business_id, date_trunc('month', business_date)::date, ${KEY_REST}, ${SUMMED}
      from summary_days
      group by 1, 2, 3, 4, 5
      order by 1, 2, 3, 4, 5
      ${onMonthly}
      returning 1
    ), summary_product_days as (
      select s.business_id, s.business_date, s.location_id, s.user_id, l.product_id,
        ${sign} * sum(${DIR} * ${KEPT}) as quantity, ${sign} * sum(${DIR} * ${LINE_REVENUE}) as revenue
      from ${s} s join ${l} l on l.business_id = s.business_id and l.sale_id = s.id
      where s.status = 'completed'
      group by 1, 2, 3, 4, 5
    ), summary_products as (
      insert into product_sales_daily as d (business_id, business_date, location_id, user_id, product_id,
        quantity, revenue)
      select * from summary_product_days
      order by 1, 2, 3, 4, 5
      ${onProducts}
      returning 1
    ), summary_product_months as (
      insert into product_sales_monthly as d (business_id, month, product_id, quantity, revenue)
      select business_id, date_trunc('month', business_date)::date, product_id, sum(quantity), sum(revenue)
      from summary_product_days
      group by 1, 2, 3
      order by 1, 2, 3
      ${onProductMonths}
      returning 1
    )`;
}

/**
 * The stored sales chosen by `which` (on alias s), as a summary source; with no `which`, all of the
 * business's sales, read straight from the tables (a rebuild scans each table once, where a join back
 * to the chosen sales would read `sales` twice more).
 */
function storedSales(businessId: string, which: SQL | null): SQL {
  if (!which) {
    return sql`with picked as not materialized (
        select s.* from sales s where s.business_id = ${businessId}::uuid
      ), picked_lines as not materialized (
        select l.* from sale_lines l where l.business_id = ${businessId}::uuid
      ), picked_refunds as not materialized (
        select p.* from payments p
        where p.business_id = ${businessId}::uuid and p.kind = 'refund' and p.sale_id is not null
      )`;
  }
  return sql`with picked as not materialized (
      select s.* from sales s where s.business_id = ${businessId}::uuid and ${which}
    ), picked_lines as not materialized (
      select l.* from picked s join sale_lines l on l.business_id = s.business_id and l.sale_id = s.id
    ), picked_refunds as not materialized (
      select p.* from picked s
      join payments p on p.business_id = s.business_id and p.sale_id = s.id and p.kind = 'refund'
    )`;
}

const STORED: SummarySource = { sales: "picked", lines: "picked_lines", refunds: "picked_refunds" };

function addStored(run: Run, businessId: string, which: SQL | null, sign: 1 | -1, opts: { fresh?: boolean } = {}) {
  return run(sql`${storedSales(businessId, which)}, ${summaryCtes(STORED, sign, opts)}
    select (select count(*) from summary_daily) + (select count(*) from summary_monthly)
      + (select count(*) from summary_products) + (select count(*) from summary_product_months) as rows`);
}

/** Runs one statement: a Drizzle database or transaction, or a raw session (restore). */
export type Run = (statement: SQL) => Promise<unknown>;
const on =
  (db: Queryable): Run =>
  (statement) =>
    db.execute(statement);

/** Adds (+1) or takes out (-1) one sale's contribution to the daily summaries. */
export async function countSale(db: Queryable, businessId: string, saleId: string, sign: 1 | -1) {
  await addStored(on(db), businessId, sql`s.id = ${saleId}::uuid`, sign);
}

/** Adds or takes out the contribution of many sales at once: a batch of imported past sales. */
export async function countSales(db: Queryable, businessId: string, saleIds: string[], sign: 1 | -1) {
  if (!saleIds.length) return;
  await addStored(
    on(db),
    businessId,
    sql`s.id in (select jsonb_array_elements_text(${JSON.stringify(saleIds)}::jsonb)::uuid)`,
    sign,
  );
}

/** Recomputes a business's summaries from its sales: after a bulk load, or to check them. */
export async function rebuildSalesSummary(db: Queryable | Run, businessId: string) {
  const run = typeof db === "function" ? db : on(db);
  await run(sql`delete from sales_daily where business_id = ${businessId}::uuid`);
  await run(sql`delete from sales_monthly where business_id = ${businessId}::uuid`);
  await run(sql`delete from product_sales_daily where business_id = ${businessId}::uuid`);
  await run(sql`delete from product_sales_monthly where business_id = ${businessId}::uuid`);
  await addStored(run, businessId, null, 1, { fresh: true });
}
