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

/**
 * The completed sales of some days, each with the money refunded on it. Voided sales are left out;
 * refunds are subtracted from the sale they belong to (so a day's figure is what that day's sales
 * finally brought in). Days are business_date, the sale's calendar day in the business's time zone,
 * so the range is a plain index range on (business_id, business_date).
 */
function salesIn(scope: SalesScope, ranges: Range[], extra: SQL = sql``): SQL {
  const days = sql.join(
    ranges.map((r) => sql`(s.business_date between ${r.from}::date and ${r.to}::date)`),
    sql` or `,
  );
  const locations = scope.locationIds
    ? sql`and s.location_id in (${sql.join(
        scope.locationIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const own = scope.userId ? sql`and s.user_id = ${scope.userId}::uuid` : sql``;
  return sql`select s.id, s.location_id, s.user_id, s.payment_method, s.business_date, s.occurred_at,
      s.subtotal, s.total, ${extra}
      coalesce((select sum(p.amount) from payments p
        where p.business_id = s.business_id and p.sale_id = s.id and p.kind = 'refund'), 0) as refunded
    from sales s
    where s.business_id = ${scope.businessId}::uuid and s.status = 'completed' and (${days}) ${locations} ${own}`;
}

/** A line's share of what its sale brought in: unrefunded part, after the sale-wide discount. */
const LINE_REVENUE = sql`(l.line_total::numeric * (l.quantity - l.refunded_quantity) / l.quantity
  * coalesce(s.total::numeric / nullif(s.subtotal, 0), 0))`;

export interface Totals {
  salesCount: number;
  netSales: number;
  itemsSold: number;
  grossMargin: number;
  coveredRevenue: number;
}

const EMPTY: Totals = { salesCount: 0, netSales: 0, itemsSold: 0, grossMargin: 0, coveredRevenue: 0 };

/** The headline figures for the period and the previous one, in two queries over both ranges. */
export async function totals(tx: Tx, scope: SalesScope, current: Range, previous: Range) {
  const s = salesIn(scope, [current, previous], sql`s.business_date >= ${current.from}::date as cur,`);
  const money = await queryRows<{ cur: boolean; sales_count: number; net: string | number }>(
    tx,
    sql`with s as (${s})
        select cur, count(*)::int as sales_count, coalesce(sum(total - refunded), 0)::bigint as net
        from s group by cur`,
  );
  const lines = await queryRows<{ cur: boolean; items: string; revenue: string | number; margin: string | number }>(
    tx,
    sql`with s as (${s})
        select s.cur, coalesce(sum(l.quantity - l.refunded_quantity), 0)::numeric(14,3)::text as items,
          coalesce(round(sum(${LINE_REVENUE}) filter (where l.unit_cost is not null)), 0)::bigint as revenue,
          coalesce(round(sum(${LINE_REVENUE} - l.unit_cost * (l.quantity - l.refunded_quantity))
            filter (where l.unit_cost is not null)), 0)::bigint as margin
        from s join sale_lines l on l.business_id = ${scope.businessId}::uuid and l.sale_id = s.id
        group by s.cur`,
  );
  const pick = (cur: boolean): Totals => {
    const m = money.find((r) => r.cur === cur);
    const l = lines.find((r) => r.cur === cur);
    return {
      ...EMPTY,
      ...(m ? { salesCount: m.sales_count, netSales: Number(m.net) } : {}),
      ...(l
        ? {
            itemsSold: fromMilli(parseMilli(l.items)),
            grossMargin: Number(l.margin),
            coveredRevenue: Number(l.revenue),
          }
        : {}),
    };
  };
  return { current: pick(true), previous: pick(false) };
}

/** Net sales per hour of the day (local clock) for one day, or per calendar day for longer periods. */
export async function overTime(tx: Tx, scope: SalesScope, range: Range, unit: "hour" | "day", timeZone: string) {
  const bucket =
    unit === "hour"
      ? sql`lpad(extract(hour from occurred_at at time zone ${timeZone})::int::text, 2, '0')`
      : sql`to_char(business_date, 'YYYY-MM-DD')`;
  return queryRows<{ bucket: string; sales_count: number; net: string | number }>(
    tx,
    sql`with s as (${salesIn(scope, [range])})
        select ${bucket} as bucket, count(*)::int as sales_count, coalesce(sum(total - refunded), 0)::bigint as net
        from s group by 1`,
  );
}

export interface Seller {
  productId: string;
  name: string;
  quantity: number;
  revenue: number;
}

/** The top products by quantity and by revenue (net of refunds), in one pass over the period's lines. */
export async function bestSellers(tx: Tx, scope: SalesScope, range: Range, limit = 10) {
  const rows = await queryRows<{ list: "q" | "r"; product_id: string; name: string; qty: string; revenue: string }>(
    tx,
    sql`with s as (${salesIn(scope, [range])}),
        agg as (
          select l.product_id, sum(l.quantity - l.refunded_quantity) as qty, round(sum(${LINE_REVENUE})) as revenue
          from s join sale_lines l on l.business_id = ${scope.businessId}::uuid and l.sale_id = s.id
          group by l.product_id),
        named as (
          select a.*, p.name from agg a join products p on p.business_id = ${scope.businessId}::uuid and p.id = a.product_id)
        (select 'q' as list, product_id, name, qty::numeric(14,3)::text as qty, revenue::bigint::text as revenue
          from named where qty > 0 order by qty desc, revenue desc, name limit ${limit})
        union all
        (select 'r', product_id, name, qty::numeric(14,3)::text, revenue::bigint::text
          from named where revenue > 0 order by revenue desc, qty desc, name limit ${limit})`,
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
    sql`with s as (${salesIn(scope, [range])})
        select grouping(location_id, user_id, payment_method)::int as g, location_id, user_id, payment_method,
          count(*)::int as sales_count, coalesce(sum(total - refunded), 0)::bigint as net
        from s group by grouping sets ((location_id), (user_id), (payment_method))`,
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
