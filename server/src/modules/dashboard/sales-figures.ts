import { type SQL, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";
import type { Range } from "./period.js";

/** Whose sales count: the business, optionally some locations, optionally one person's own. */
export interface SalesScope {
  businessId: string;
  locationIds: string[] | null;
  userId: string | null;
}

const inRanges = (alias: string, ranges: Range[]) =>
  sql.join(
    ranges.map((r) => sql`(${sql.raw(alias)}.business_date between ${r.from}::date and ${r.to}::date)`),
    sql` or `,
  );

/** The scope as a filter on any table with business_id, location_id and user_id under `alias`. */
function inScope(alias: string, scope: SalesScope, ranges: Range[]): SQL {
  const a = sql.raw(alias);
  const locations = scope.locationIds
    ? sql`and ${a}.location_id in (${sql.join(
        scope.locationIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const own = scope.userId ? sql`and ${a}.user_id = ${scope.userId}::uuid` : sql``;
  return sql`${a}.business_id = ${scope.businessId}::uuid and (${inRanges(alias, ranges)}) ${locations} ${own}`;
}

export interface Totals {
  salesCount: number;
  netSales: number;
  itemsSold: number;
  grossMargin: number;
  coveredRevenue: number;
}

const EMPTY: Totals = { salesCount: 0, netSales: 0, itemsSold: 0, grossMargin: 0, coveredRevenue: 0 };

/** The headline figures for the period and the previous one, in one pass over the daily summary. */
export async function totals(tx: Tx, scope: SalesScope, current: Range, previous: Range) {
  const rows = await queryRows<{
    cur: boolean;
    sales_count: number;
    net: string | number;
    items: string;
    revenue: string | number;
    margin: string | number;
  }>(
    tx,
    sql`select d.business_date >= ${current.from}::date as cur, sum(d.sales_count)::int as sales_count,
          sum(d.net)::bigint as net, sum(d.items_sold)::numeric(20,3)::text as items,
          round(sum(d.covered_revenue))::bigint as revenue,
          round(sum(d.covered_revenue - d.covered_cost))::bigint as margin
        from sales_daily d where ${inScope("d", scope, [current, previous])}
        group by 1`,
  );
  const pick = (cur: boolean): Totals => {
    const r = rows.find((row) => row.cur === cur);
    if (!r) return EMPTY;
    return {
      salesCount: r.sales_count,
      netSales: Number(r.net),
      itemsSold: fromMilli(parseMilli(r.items)),
      grossMargin: Number(r.margin),
      coveredRevenue: Number(r.revenue),
    };
  };
  return { current: pick(true), previous: pick(false) };
}

/**
 * Net sales per hour of the day (local clock) for one day, from that day's sales (an index range on
 * business_date), or per calendar day for longer periods, from the daily summary.
 */
export async function overTime(tx: Tx, scope: SalesScope, range: Range, unit: "hour" | "day", timeZone: string) {
  type Point = { bucket: string; sales_count: number; net: string | number };
  if (unit === "day") {
    return queryRows<Point>(
      tx,
      sql`select to_char(d.business_date, 'YYYY-MM-DD') as bucket, sum(d.sales_count)::int as sales_count,
            sum(d.net)::bigint as net
          from sales_daily d where ${inScope("d", scope, [range])} group by 1`,
    );
  }
  return queryRows<Point>(
    tx,
    sql`select lpad(extract(hour from s.occurred_at at time zone ${timeZone})::int::text, 2, '0') as bucket,
          count(*)::int as sales_count,
          coalesce(sum(s.total - (select coalesce(sum(p.amount), 0) from payments p
            where p.business_id = s.business_id and p.sale_id = s.id and p.kind = 'refund')), 0)::bigint as net
        from sales s where ${inScope("s", scope, [range])} and s.status = 'completed' group by 1`,
  );
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
          from product_sales_daily d where ${inScope("d", scope, [range])}
          group by d.product_id),
        named as (
          select a.*, p.name from agg a join products p on p.business_id = ${scope.businessId}::uuid and p.id = a.product_id)
        (select 'q' as list, n.product_id, n.name, n.qty::numeric(14,3)::text as qty, n.revenue::bigint::text as revenue
          from named n where n.qty > 0 order by n.qty desc, n.revenue desc, n.name limit ${limit})
        union all
        (select 'r', n.product_id, n.name, n.qty::numeric(14,3)::text, n.revenue::bigint::text
          from named n where n.revenue > 0 order by n.revenue desc, n.qty desc, n.name limit ${limit})`,
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

/** Count and net sales by location, by staff member and by payment method, in one grouping-sets pass. */
export async function breakdowns(tx: Tx, scope: SalesScope, range: Range) {
  const rows = await queryRows<{
    g: number;
    location_id: string | null;
    user_id: string | null;
    payment_method: string | null;
    sales_count: number;
    net: string | number;
  }>(
    tx,
    sql`select grouping(location_id, user_id, payment_method)::int as g, location_id, user_id, payment_method,
          sum(sales_count)::int as sales_count, sum(net)::bigint as net
        from sales_daily d where ${inScope("d", scope, [range])}
        group by grouping sets ((location_id), (user_id), (payment_method))
        having sum(sales_count) > 0`,
  );
  const names = await queryRows<{ kind: "l" | "u"; id: string; name: string }>(
    tx,
    sql`select 'l' as kind, id, name from locations where business_id = ${scope.businessId}::uuid
        union all select 'u', id, name from users where business_id = ${scope.businessId}::uuid`,
  );
  const nameOf = new Map(names.map((n) => [`${n.kind}:${n.id}`, n.name]));
  const byNet = <T extends { netSales: number }>(a: T, b: T) => b.netSales - a.netSales;
  const group = (g: number, kind: "l" | "u", key: "location_id" | "user_id") =>
    rows
      .filter((r) => r.g === g)
      .map((r) => {
        const id = r[key] ?? "";
        return { id, name: nameOf.get(`${kind}:${id}`) ?? "", salesCount: r.sales_count, netSales: Number(r.net) };
      })
      .sort(byNet);
  return {
    // grouping() sets a bit for each column a row is NOT grouped by: (location) → 011, (user) → 101, (method) → 110.
    byLocation: group(3, "l", "location_id"),
    byStaff: group(5, "u", "user_id"),
    byPaymentMethod: rows
      .filter((r) => r.g === 6)
      .map((r) => ({ method: r.payment_method ?? "", salesCount: r.sales_count, netSales: Number(r.net) }))
      .sort(byNet),
  };
}
