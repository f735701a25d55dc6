import { BUILT_IN_PAYMENT_METHODS, type ClosesList, type DaySummary } from "@duka/contracts";
import type { Db, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { badRequest } from "../../lib/errors.js";
import { localDate } from "../../lib/time.js";
import { sees } from "../auth/policy.js";
import { getBusinessSettings } from "../business/business.service.js";
import { daysBetween } from "../dashboard/period.js";
import { requireLocations } from "../inventory/locations.js";
import { MAX_DAYS } from "../reports/reports.service.js";
import { paymentLabel } from "../sales/pricing.js";
import { bestSellers, summaryFigures } from "../summaries/summary-readers.repository.js";
import { drawerFigures, repaidOn, standingCloses } from "./closes.repository.js";
import { closeView, figuresOf } from "./closes.service.js";
import { dayText } from "./day-words.js";

interface Range {
  from: string;
  to: string;
  locationId?: string | undefined;
}

/** The standing closes and the drawers still open in a range; staff see only their own drawer. */
async function closesIn(tx: Tx, ctx: Ctx, q: Range) {
  if (q.locationId) await requireLocations(tx, ctx, [q.locationId]);
  const userId = sees.allDrawers(ctx) ? undefined : ctx.userId;
  const scope = { businessId: ctx.businessId, from: q.from, to: q.to, locationId: q.locationId, userId };
  const figureRows = await drawerFigures(tx, { ...scope, timeZone: ctx.business.timeZone });
  const closeRows = await standingCloses(tx, scope);
  const keyOf = (r: { date: string; location_id: string; user_id: string }) =>
    `${r.date}/${r.location_id}/${r.user_id}`;
  const figures = new Map(
    figureRows.map((r) => [
      keyOf(r),
      figuresOf(
        {
          date: r.date,
          locationId: r.location_id,
          locationName: r.location_name,
          userId: r.user_id,
          userName: r.user_name,
        },
        r,
      ),
    ]),
  );
  const closed = new Set(closeRows.map(keyOf));
  const items = closeRows.map((r) => closeView(r, figures.get(keyOf(r))));
  const open = [...figures.entries()].filter(([key]) => !closed.has(key)).map(([, f]) => f);
  const totals = { expected: 0, counted: 0, difference: 0 };
  for (const c of items) {
    totals.expected += c.expected;
    totals.counted += c.counted;
    totals.difference += c.difference;
  }
  return { items, open, totals };
}

/** Every close in a range of days, with what changed since, and the drawers not closed yet. */
export async function listCloses(
  db: Db,
  ctx: Ctx,
  given: { from?: string | undefined; to?: string | undefined; locationId?: string | undefined },
  now: Date,
): Promise<ClosesList> {
  const today = localDate(now, ctx.business.timeZone);
  const q = {
    from: given.from ?? given.to ?? today,
    to: given.to ?? given.from ?? today,
    locationId: given.locationId,
  };
  const days = daysBetween(q.from, q.to) + 1;
  if (days < 1) throw badRequest("The start of the range is after its end.", { fields: { from: ["is after to"] } });
  if (days > MAX_DAYS) {
    throw badRequest(`A list of closes covers at most ${MAX_DAYS} days. Choose a shorter range.`, {
      fields: { to: [`is more than ${MAX_DAYS} days after from`] },
    });
  }
  const found = await inBusiness(db, ctx.businessId, (tx) => closesIn(tx, ctx, q));
  return { from: q.from, to: q.to, currency: ctx.business.currency, ...found };
}

const MOBILE_MONEY = "mobile_money";

/**
 * One day in a few figures, for the owner to read and share: the daily report's own figures
 * (sales_daily), the best sellers from the product summary, the repayments received and the closes.
 */
export async function daySummary(
  db: Db,
  ctx: Ctx,
  q: { date?: string | undefined; locationId?: string | undefined },
  now: Date,
): Promise<DaySummary> {
  const date = q.date ?? localDate(now, ctx.business.timeZone);
  const figures = await inBusiness(db, ctx.businessId, async (tx) => {
    const names = q.locationId ? await requireLocations(tx, ctx, [q.locationId]) : null;
    const scope = { businessId: ctx.businessId, locationIds: q.locationId ? [q.locationId] : null, userId: null };
    const day = { from: date, to: date };
    const report = await summaryFigures(tx, scope, [day], { by: "day" });
    const best = await bestSellers(tx, scope, day, 5);
    const repaid = await repaidOn(tx, {
      businessId: ctx.businessId,
      timeZone: ctx.business.timeZone,
      from: date,
      to: date,
      locationId: q.locationId,
    });
    const closes = await closesIn(tx, ctx, { from: date, to: date, locationId: q.locationId });
    const settings = await getBusinessSettings(tx, ctx.businessId);
    const t = report.totals;
    const net = (method: string) => t.byPaymentMethod.find((m) => m.method === method)?.netSales ?? 0;
    return {
      date,
      currency: ctx.business.currency,
      locationId: q.locationId ?? null,
      locationName: q.locationId ? (names?.get(q.locationId) ?? null) : null,
      salesCount: t.salesCount,
      netSales: t.netSales,
      byPaymentMethod: t.byPaymentMethod.map((m) => ({
        method: m.method,
        label: paymentLabel(settings, m.method, BUILT_IN_PAYMENT_METHODS) ?? m.method,
        netSales: m.netSales,
      })),
      cash: net("cash"),
      mobileMoney: net(MOBILE_MONEY),
      creditGiven: net("credit"),
      creditRepaid: repaid,
      bestSellers: best.byQuantity.map((b) => ({ productId: b.productId, name: b.name, quantity: b.quantity })),
      closes: {
        closed: closes.items.length,
        open: closes.open.length,
        expected: closes.totals.expected,
        counted: closes.totals.counted,
        difference: closes.totals.difference,
      },
    };
  });
  return { ...figures, text: dayText(ctx.business.name, figures, ctx.business) };
}
