import type { ReportFigures } from "@duka/contracts";
import { type SQL, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";

/**
 * What the dashboard and the reports read from the daily summaries that summary-writer.repository.ts
 * keeps: one grouping of sales_daily for both (figures per bucket of days and for the whole scope,
 * each with its breakdowns), the best sellers from product_sales_daily, and the one reading that
 * needs the sales themselves (a day's net sales per hour of the local clock).
 */

/** First and last calendar day (YYYY-MM-DD, business time zone), both included. */
export interface Range {
  from: string;
  to: string;
}

/** Whose sales count: the business, optionally some locations, optionally one person's own. */
export interface SalesScope {
  businessId: string;
  locationIds: string[] | null;
  userId: string | null;
}

/** A report's figures, and what the lines with a known cost brought in (the dashboard's margin base). */
export type SummaryFigures = ReportFigures & { coveredRevenue: number };

/** How days are grouped: per day, per month, or into the days from `from` on ("cur") and before ("prev"). */
export type Bucket = { by: "day" } | { by: "month" } | { by: "since"; from: string };

const inRanges = (alias: string, ranges: Range[], day: string) =>
  sql.join(
    ranges.map((r) => sql`(${sql.raw(`${alias}.${day}`)} between ${r.from}::date and ${r.to}::date)`),
    sql` or `,
  );

/**
 * The scope as a filter on any table with business_id, location_id and user_id under `alias`; `day`
 * names its date column (a month's first day in sales_monthly).
 */
function inScope(alias: string, scope: SalesScope, ranges: Range[], day = "business_date"): SQL {
  const a = sql.raw(alias);
  const locations = scope.locationIds
    ? sql`and ${a}.location_id in (${sql.join(
        scope.locationIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const own = scope.userId ? sql`and ${a}.user_id = ${scope.userId}::uuid` : sql``;
  return sql`${a}.business_id = ${scope.businessId}::uuid and (${inRanges(alias, ranges, day)}) ${locations} ${own}`;
}

const bucketOf = (b: Bucket, day: SQL): SQL =>
  b.by === "day"
    ? sql`${day}::text`
    : b.by === "month"
      ? sql`to_char(${day}, 'YYYY-MM')`
      : sql`case when ${day} >= ${b.from}::date then 'cur' else 'prev' end`;

const DAY_MS = 86_400_000;
const isMonthEnd = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).getUTCDate() === 1;

/** Ranges of whole calendar months are read from sales_monthly: a year is a few hundred rows. */
const wholeMonths = (ranges: Range[]) => ranges.every((r) => r.from.endsWith("-01") && isMonthEnd(r.to));

type Num = string | number;
interface Row {
  bucket: string | null;
  payment_method: string | null;
  location_id: string | null;
  user_id: string | null;
  g_method: number;
  g_location: number;
  g_user: number;
  sales_count: number;
  items: string;
  gross: Num;
  discounts: Num;
  refunds: Num;
  net: Num;
  voids: number;
  voided: Num;
  cogs: Num;
  no_cost: number;
  revenue: Num;
  /** Over the lines whose cost is known: what they brought in, less what they cost. */
  margin: Num;
}

export const emptyFigures = (): SummaryFigures => ({
  salesCount: 0,
  itemsSold: 0,
  grossSales: 0,
  discounts: 0,
  refunds: 0,
  netSales: 0,
  voidsCount: 0,
  voidedAmount: 0,
  costOfGoods: 0,
  grossMargin: 0,
  coveredRevenue: 0,
  linesWithoutCost: 0,
  byPaymentMethod: [],
  byLocation: [],
  byStaff: [],
});

/**
 * The figures per bucket and for the whole scope, in one query over the daily summary (a few rows
 * per day, whatever the number of sales), with GROUPING SETS for the bucket rows, the breakdowns by
 * payment method, location and staff member, and the totals. Voided sales count only as voids.
 * Refunds and cost count against the day of the sale they belong to, so a day's sales and its
 * refunds stay together. Breakdowns list only what sold; each is sorted by net sales.
 */
export async function summaryFigures(tx: Tx, scope: SalesScope, ranges: Range[], bucket: Bucket) {
  const monthly = bucket.by === "month" && wholeMonths(ranges);
  const [table, day] = monthly ? ["sales_monthly", "month"] : ["sales_daily", "business_date"];
  // Summed per bucket and key first, so the grouping sets sort a few hundred rows, not every day's.
  const rows = await queryRows<Row>(
    tx,
    sql`with x as (
          select ${bucketOf(bucket, sql.raw(`d.${day}`))} as bucket, d.payment_method, d.location_id, d.user_id,
            sum(d.sales_count) as sales_count, sum(d.items_sold) as items_sold, sum(d.gross) as gross,
            sum(d.discounts) as discounts, sum(d.refunds) as refunds, sum(d.net) as net,
            sum(d.voids_count) as voids_count, sum(d.voided_amount) as voided_amount,
            sum(d.cost_of_goods) as cost_of_goods, sum(d.lines_without_cost) as lines_without_cost,
            sum(d.covered_revenue) as covered_revenue, sum(d.covered_cost) as covered_cost
          from ${sql.raw(table)} d where ${inScope("d", scope, ranges, day)}
          group by 1, 2, 3, 4)
        select bucket, payment_method, location_id, user_id,
          grouping(payment_method) as g_method, grouping(location_id) as g_location, grouping(user_id) as g_user,
          coalesce(sum(sales_count), 0)::int as sales_count, coalesce(sum(items_sold), 0)::numeric(20,3)::text as items,
          coalesce(sum(gross), 0)::bigint as gross, coalesce(sum(discounts), 0)::bigint as discounts,
          coalesce(sum(refunds), 0)::bigint as refunds, coalesce(sum(net), 0)::bigint as net,
          coalesce(sum(voids_count), 0)::int as voids, coalesce(sum(voided_amount), 0)::bigint as voided,
          coalesce(sum(cost_of_goods), 0)::bigint as cogs, coalesce(sum(lines_without_cost), 0)::int as no_cost,
          coalesce(round(sum(covered_revenue)), 0)::bigint as revenue,
          coalesce(round(sum(covered_revenue - covered_cost)), 0)::bigint as margin
        from x
        group by grouping sets ((bucket), (bucket, payment_method), (bucket, location_id), (bucket, user_id),
          (), (payment_method), (location_id), (user_id))`,
  );
  const names = await nameMaps(tx, scope.businessId);
  const byBucket = new Map<string, SummaryFigures>();
  const totals = emptyFigures();
  const at = (b: string | null) => {
    if (b === null) return totals;
    const seen = byBucket.get(b);
    if (seen) return seen;
    const made = emptyFigures();
    byBucket.set(b, made);
    return made;
  };
  for (const r of rows) {
    const f = at(r.bucket);
    const part = { salesCount: r.sales_count, netSales: Number(r.net) };
    if (r.g_method && r.g_location && r.g_user) Object.assign(f, figures(r));
    else if (r.sales_count === 0) continue;
    else if (!r.g_method) f.byPaymentMethod.push({ method: r.payment_method ?? "", ...part });
    else if (!r.g_location) {
      const locationId = r.location_id ?? "";
      f.byLocation.push({ locationId, name: names.get(`l:${locationId}`) ?? "", ...part });
    } else {
      const userId = r.user_id ?? "";
      f.byStaff.push({ userId, name: names.get(`u:${userId}`) ?? "", ...part });
    }
  }
  for (const f of [totals, ...byBucket.values()]) {
    for (const list of [f.byPaymentMethod, f.byLocation, f.byStaff]) list.sort((a, b) => b.netSales - a.netSales);
  }
  return { byBucket, totals };
}

function figures(r: Row) {
  return {
    salesCount: r.sales_count,
    itemsSold: fromMilli(parseMilli(r.items)),
    grossSales: Number(r.gross),
    discounts: Number(r.discounts),
    refunds: Number(r.refunds),
    netSales: Number(r.net),
    voidsCount: r.voids,
    voidedAmount: Number(r.voided),
    costOfGoods: Number(r.cogs),
    grossMargin: Number(r.margin),
    coveredRevenue: Number(r.revenue),
    linesWithoutCost: r.no_cost,
  };
}

/** The business's location and staff names, keyed `l:<id>` and `u:<id>`. */
async function nameMaps(tx: Tx, businessId: string) {
  const names = await queryRows<{ kind: "l" | "u"; id: string; name: string }>(
    tx,
    sql`select 'l' as kind, id, name from locations where business_id = ${businessId}::uuid
        union all select 'u', id, name from users where business_id = ${businessId}::uuid`,
  );
  return new Map(names.map((n) => [`${n.kind}:${n.id}`, n.name]));
}

/** Net sales and count per hour of the local clock ("00"–"23") for one day, from that day's sales. */
export async function salesByHour(tx: Tx, scope: SalesScope, day: Range, timeZone: string) {
  const rows = await queryRows<{ bucket: string; sales_count: number; net: Num }>(
    tx,
    sql`select lpad(extract(hour from s.occurred_at at time zone ${timeZone})::int::text, 2, '0') as bucket,
          count(*)::int as sales_count,
          coalesce(sum(s.total - (select coalesce(sum(p.amount), 0) from payments p
            where p.business_id = s.business_id and p.sale_id = s.id and p.kind = 'refund')), 0)::bigint as net
        from sales s where ${inScope("s", scope, [day])} and s.status = 'completed' group by 1`,
  );
  return rows.map((r) => ({ bucket: r.bucket, salesCount: r.sales_count, netSales: Number(r.net) }));
}

const addDay = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const monthEnd = (first: string) => addDay(`${addDay(first, 31).slice(0, 7)}-01`, -1);
const daysIn = (r: Range) => (Date.parse(r.to) - Date.parse(r.from)) / DAY_MS + 1;

/**
 * The product rows whose sum is the range's quantity and revenue per product. The whole business's
 * months come from product_sales_monthly: a month the range covers for more than half is its month
 * row less its days outside the range (none, for this month so far: no sale is dated ahead), a
 * month it covers less is its days. A narrower scope (some locations, one person) reads its days.
 */
function productRows(scope: SalesScope, range: Range): SQL {
  const daily = (ranges: Range[], sign: 1 | -1) =>
    sql`select d.product_id, ${sign} * d.quantity as quantity, ${sign} * d.revenue as revenue
      from product_sales_daily d where ${inScope("d", scope, ranges)}`;
  if (scope.locationIds || scope.userId) return daily([range], 1);
  const months: string[] = [];
  const inside: Range[] = [];
  const outside: Range[] = [];
  for (let first = `${range.from.slice(0, 7)}-01`; first <= range.to; first = addDay(monthEnd(first), 1)) {
    const month = { from: first, to: monthEnd(first) };
    const part = {
      from: range.from > month.from ? range.from : month.from,
      to: range.to < month.to ? range.to : month.to,
    };
    if (daysIn(part) * 2 <= daysIn(month)) {
      inside.push(part);
      continue;
    }
    months.push(first);
    if (part.from > month.from) outside.push({ from: month.from, to: addDay(part.from, -1) });
    if (part.to < month.to) outside.push({ from: addDay(part.to, 1), to: month.to });
  }
  const parts: SQL[] = [];
  if (months.length) {
    parts.push(sql`select m.product_id, m.quantity, m.revenue from product_sales_monthly m
      where m.business_id = ${scope.businessId}::uuid
        and m.month in (${sql.join(
          months.map((m) => sql`${m}::date`),
          sql`, `,
        )})`);
  }
  if (outside.length) parts.push(daily(outside, -1));
  if (inside.length) parts.push(daily(inside, 1));
  return sql.join(parts, sql` union all `);
}

export interface Seller {
  productId: string;
  name: string;
  quantity: number;
  revenue: number;
}

/**
 * The top products by quantity and by revenue (net of refunds), from the daily product summary.
 * The ordering names the table's numeric columns (`n.qty`): a bare `qty` would be the text output
 * column, which sorts "9" above "10".
 */
export async function bestSellers(tx: Tx, scope: SalesScope, range: Range, limit = 10) {
  const rows = await queryRows<{ list: "q" | "r"; product_id: string; name: string; qty: string; revenue: string }>(
    tx,
    sql`with agg as (
          select d.product_id, sum(d.quantity) as qty, round(sum(d.revenue)) as revenue
          from (${productRows(scope, range)}) d
          group by d.product_id),
        -- The first by the numbers, ties included, before the names: a month's thousands of products
        -- are ranked without reading their names, and the name only breaks ties among the few.
        top as (
          (select a.*, 'q' as list from agg a where a.qty > 0
            order by a.qty desc, a.revenue desc fetch first ${limit} rows with ties)
          union all
          (select a.*, 'r' from agg a where a.revenue > 0
            order by a.revenue desc, a.qty desc fetch first ${limit} rows with ties)),
        named as (
          select t.*, p.name from top t join products p on p.business_id = ${scope.businessId}::uuid and p.id = t.product_id)
        (select 'q' as list, n.product_id, n.name, n.qty::numeric(14,3)::text as qty, n.revenue::bigint::text as revenue
          from named n where n.list = 'q' order by n.qty desc, n.revenue desc, n.name limit ${limit})
        union all
        (select 'r', n.product_id, n.name, n.qty::numeric(14,3)::text, n.revenue::bigint::text
          from named n where n.list = 'r' order by n.revenue desc, n.qty desc, n.name limit ${limit})`,
  );
  const seller = (r: (typeof rows)[number]): Seller => ({
    productId: r.product_id,
    name: r.name,
    quantity: fromMilli(parseMilli(r.qty)),
    revenue: Number(r.revenue),
  });
  return {
    byQuantity: rows.filter((r) => r.list === "q").map(seller),
    byRevenue: rows.filter((r) => r.list === "r").map(seller),
  };
}
