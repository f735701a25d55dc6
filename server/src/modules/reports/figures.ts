import type { ReportFigures } from "@duka/contracts";
import { type SQL, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";

export interface FigureQuery {
  /** First and last calendar day (YYYY-MM-DD, business time zone), both included. */
  from: string;
  to: string;
  locationId?: string | undefined;
  period: "day" | "month";
}

type Num = string | number;
interface Row {
  period: string | null;
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
}

const emptyFigures = (): ReportFigures => ({
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
  linesWithoutCost: 0,
  byPaymentMethod: [],
  byLocation: [],
  byStaff: [],
});

/**
 * A report's figures per period and for the whole range, in one set-based query: sales in the range
 * (by business_date, on its index), their refunds and line sums joined once, then GROUPING SETS for
 * the period rows, the breakdowns and the totals. Voided sales count only as voids. Refunds and cost
 * count against the day of the sale they belong to, so a day's sales and its refunds stay together.
 */
export async function reportFigures(tx: Tx, ctx: Ctx, q: FigureQuery) {
  const period: SQL = q.period === "day" ? sql`s.business_date::text` : sql`to_char(s.business_date, 'YYYY-MM')`;
  const rows = await queryRows<Row>(
    tx,
    sql`with s as (
          select s.id, s.business_date, s.location_id, s.user_id, s.payment_method, s.status = 'completed' as ok,
            s.subtotal, s.discount, s.total
          from sales s
          where s.business_id = ${ctx.businessId} and s.business_date between ${q.from}::date and ${q.to}::date
            ${q.locationId ? sql`and s.location_id = ${q.locationId}` : sql``}
        ), r as (
          select p.sale_id, sum(p.amount) as amount from payments p join s on s.id = p.sale_id
          where p.business_id = ${ctx.businessId} and p.kind = 'refund' group by p.sale_id
        ), l as (
          select sl.sale_id, sum(sl.discount) as line_discount, sum(sl.quantity - sl.refunded_quantity) as items,
            sum(round(sl.unit_cost * (sl.quantity - sl.refunded_quantity))) as cogs,
            count(*) filter (where sl.unit_cost is null) as no_cost
          from sale_lines sl join s on s.id = sl.sale_id where sl.business_id = ${ctx.businessId} group by sl.sale_id
        ), x as (
          select ${period} as period, s.payment_method, s.location_id, s.user_id, s.ok, s.subtotal, s.discount, s.total,
            coalesce(r.amount, 0) as refunds, coalesce(l.line_discount, 0) as line_discount,
            coalesce(l.items, 0) as items, coalesce(l.cogs, 0) as cogs, coalesce(l.no_cost, 0) as no_cost
          from s left join r on r.sale_id = s.id left join l on l.sale_id = s.id
        )
        select period, payment_method, location_id, user_id,
          grouping(payment_method) as g_method, grouping(location_id) as g_location, grouping(user_id) as g_user,
          count(*) filter (where ok)::int as sales_count,
          coalesce(sum(items) filter (where ok), 0)::text as items,
          coalesce(sum(subtotal + line_discount) filter (where ok), 0)::bigint as gross,
          coalesce(sum(discount + line_discount) filter (where ok), 0)::bigint as discounts,
          coalesce(sum(refunds) filter (where ok), 0)::bigint as refunds,
          coalesce(sum(total - refunds) filter (where ok), 0)::bigint as net,
          count(*) filter (where not ok)::int as voids,
          coalesce(sum(total) filter (where not ok), 0)::bigint as voided,
          coalesce(sum(cogs) filter (where ok), 0)::bigint as cogs,
          coalesce(sum(no_cost) filter (where ok), 0)::int as no_cost
        from x
        group by grouping sets ((period), (period, payment_method), (period, location_id), (period, user_id),
          (), (payment_method), (location_id), (user_id))`,
  );
  const names = await nameMaps(tx, ctx);
  const byPeriod = new Map<string, ReportFigures>();
  const totals = emptyFigures();
  const at = (p: string | null) => {
    if (p === null) return totals;
    const seen = byPeriod.get(p);
    if (seen) return seen;
    const made = emptyFigures();
    byPeriod.set(p, made);
    return made;
  };
  for (const r of rows) {
    const f = at(r.period);
    const part = { salesCount: r.sales_count, netSales: Number(r.net) };
    if (r.sales_count === 0) {
      if (r.g_method && r.g_location && r.g_user) Object.assign(f, figures(r));
      continue;
    }
    if (!r.g_method) f.byPaymentMethod.push({ method: r.payment_method ?? "", ...part });
    else if (!r.g_location) {
      const locationId = r.location_id ?? "";
      f.byLocation.push({ locationId, name: names.locations.get(locationId) ?? "", ...part });
    } else if (!r.g_user) {
      const userId = r.user_id ?? "";
      f.byStaff.push({ userId, name: names.users.get(userId) ?? "", ...part });
    } else Object.assign(f, figures(r));
  }
  for (const f of [totals, ...byPeriod.values()]) {
    for (const list of [f.byPaymentMethod, f.byLocation, f.byStaff]) list.sort((a, b) => b.netSales - a.netSales);
  }
  return { byPeriod, totals, empty: emptyFigures };
}

function figures(r: Row) {
  const net = Number(r.net);
  const cogs = Number(r.cogs);
  return {
    salesCount: r.sales_count,
    itemsSold: fromMilli(parseMilli(r.items)),
    grossSales: Number(r.gross),
    discounts: Number(r.discounts),
    refunds: Number(r.refunds),
    netSales: net,
    voidsCount: r.voids,
    voidedAmount: Number(r.voided),
    costOfGoods: cogs,
    grossMargin: net - cogs,
    linesWithoutCost: r.no_cost,
  };
}

async function nameMaps(tx: Tx, ctx: Ctx) {
  const locations = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from locations where business_id = ${ctx.businessId}`,
  );
  const users = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from users where business_id = ${ctx.businessId}`,
  );
  return {
    locations: new Map(locations.map((l) => [l.id, l.name])),
    users: new Map(users.map((u) => [u.id, u.name])),
  };
}
