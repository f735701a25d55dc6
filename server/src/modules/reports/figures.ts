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
  /** Over the lines whose cost is known: what they brought in, less what they cost. */
  margin: Num;
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
 * A report's figures per period and for the whole range, in one query over the daily summary (a few
 * rows per day, whatever the number of sales), with GROUPING SETS for the period rows, the breakdowns
 * and the totals. Voided sales count only as voids. Refunds and cost count against the day of the
 * sale they belong to, so a day's sales and its refunds stay together.
 */
export async function reportFigures(tx: Tx, ctx: Ctx, q: FigureQuery) {
  const period: SQL = q.period === "day" ? sql`d.business_date::text` : sql`to_char(d.business_date, 'YYYY-MM')`;
  const rows = await queryRows<Row>(
    tx,
    sql`with x as (
          select ${period} as period, d.* from sales_daily d
          where d.business_id = ${ctx.businessId} and d.business_date between ${q.from}::date and ${q.to}::date
            ${q.locationId ? sql`and d.location_id = ${q.locationId}` : sql``}
        )
        select period, payment_method, location_id, user_id,
          grouping(payment_method) as g_method, grouping(location_id) as g_location, grouping(user_id) as g_user,
          coalesce(sum(sales_count), 0)::int as sales_count, coalesce(sum(items_sold), 0)::text as items,
          coalesce(sum(gross), 0)::bigint as gross, coalesce(sum(discounts), 0)::bigint as discounts,
          coalesce(sum(refunds), 0)::bigint as refunds, coalesce(sum(net), 0)::bigint as net,
          coalesce(sum(voids_count), 0)::int as voids, coalesce(sum(voided_amount), 0)::bigint as voided,
          coalesce(sum(cost_of_goods), 0)::bigint as cogs, coalesce(sum(lines_without_cost), 0)::int as no_cost,
          coalesce(round(sum(covered_revenue - covered_cost)), 0)::bigint as margin
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
