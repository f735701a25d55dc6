import type { DashboardQuery, DashboardResponse } from "@duka/contracts";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { badRequest } from "../../lib/errors.js";
import { sees } from "../auth/policy.js";
import { lowStock } from "../inventory/alerts.service.js";
import { requireLocations } from "../inventory/locations.js";
import {
  bestSellers,
  emptyFigures,
  type SalesScope,
  salesByHour,
  summaryFigures,
} from "../summaries/summary-readers.repository.js";
import { addDays, daysBetween, resolvePeriod } from "./period.js";
import { owed, stockSummary } from "./stock-figures.repository.js";

type Query = z.output<typeof DashboardQuery>;

/** A custom period is at most a year and a day: one point per day stays a small answer. */
const MAX_DAYS = 366;
const LOW_STOCK_SHOWN = 5;

function figure(value: number, previous: number) {
  const change = value - previous;
  return {
    value,
    previous,
    change,
    changePercent: previous === 0 ? null : Math.round((change / Math.abs(previous)) * 1000) / 10,
  };
}

const average = (net: number, count: number) => (count === 0 ? 0 : Math.round(net / count));

/**
 * The owner's picture of the shop for a period, in the business's time zone. Staff get a smaller
 * answer: only their own sales, only their locations; the route's view (policy.ts) drops the rest.
 */
export async function getDashboard(db: Db, ctx: Ctx, query: Query, now: Date): Promise<DashboardResponse> {
  const tz = ctx.business.timeZone;
  const { range, previous } = resolvePeriod(query.period, now, tz, query);
  if (daysBetween(range.from, range.to) + 1 > MAX_DAYS) {
    throw badRequest(`Choose a period of at most ${MAX_DAYS} days.`, { fields: { to: ["is too far from from"] } });
  }
  // Business-wide figures for those who read everyone's sales; their own sales for the others.
  const owner = sees.allSales(ctx);
  const unit = range.from === range.to ? ("hour" as const) : ("day" as const);

  const data = await inBusiness(db, ctx.businessId, async (tx) => {
    if (query.locationId) await requireLocations(tx, ctx, [query.locationId]);
    const locationIds = query.locationId ? [query.locationId] : ctx.locationIds;
    const scope: SalesScope = { businessId: ctx.businessId, locationIds, userId: owner ? null : ctx.userId };
    // The period and the one before, with the period's breakdowns, in one pass over the summary.
    const both = await summaryFigures(tx, scope, [range, previous], { by: "since", from: range.from });
    const series =
      unit === "hour"
        ? await salesByHour(tx, scope, range, tz)
        : [...(await summaryFigures(tx, scope, [range], { by: "day" })).byBucket].map(([bucket, f]) => ({
            bucket,
            salesCount: f.salesCount,
            netSales: f.netSales,
          }));
    return {
      current: both.byBucket.get("cur") ?? emptyFigures(),
      previous: both.byBucket.get("prev") ?? emptyFigures(),
      series,
      sellers: await bestSellers(tx, scope, range),
      stock: await stockSummary(tx, ctx.businessId, locationIds),
      owed: owner ? await owed(tx, ctx.businessId) : undefined,
    };
  });
  const low = await lowStock(db, ctx, query.locationId, LOW_STOCK_SHOWN);

  const { current: cur, previous: prev } = data;
  const part = ({ salesCount, netSales }: { salesCount: number; netSales: number }) => ({ salesCount, netSales });
  const groups = owner && {
    byLocation: cur.byLocation.map((g) => ({ id: g.locationId, name: g.name, ...part(g) })),
    byStaff: cur.byStaff.map((g) => ({ id: g.userId, name: g.name, ...part(g) })),
    byPaymentMethod: cur.byPaymentMethod.map((g) => ({ method: g.method, ...part(g) })),
  };
  const byBucket = new Map(data.series.map((p) => [p.bucket, p]));
  const buckets =
    unit === "hour"
      ? Array.from({ length: 24 }, (_, h) => String(h).padStart(2, "0"))
      : Array.from({ length: daysBetween(range.from, range.to) + 1 }, (_, i) => addDays(range.from, i));
  const points = buckets.map((b) => {
    const p = byBucket.get(b);
    return {
      at: unit === "hour" ? `${range.from}T${b}:00` : b,
      netSales: p?.netSales ?? 0,
      salesCount: p?.salesCount ?? 0,
    };
  });

  return {
    period: query.period,
    range,
    previousRange: previous,
    timeZone: tz,
    scope: owner ? "business" : "own",
    netSales: figure(cur.netSales, prev.netSales),
    salesCount: figure(cur.salesCount, prev.salesCount),
    averageSale: figure(average(cur.netSales, cur.salesCount), average(prev.netSales, prev.salesCount)),
    itemsSold: figure(cur.itemsSold, prev.itemsSold),
    grossMargin: { ...figure(cur.grossMargin, prev.grossMargin), coveredRevenue: cur.coveredRevenue },
    salesOverTime: { unit, points },
    bestSellers: data.sellers,
    ...(groups || {}),
    stock: data.stock,
    lowStock: low.items.map((i) => ({
      productId: i.productId,
      name: i.name,
      locationId: i.locationId,
      locationName: i.locationName,
      quantity: i.quantity,
      threshold: i.threshold,
      stockState: i.stockState,
    })),
    ...(data.owed ? { owed: data.owed } : {}),
  };
}
