import type { DailyReport, DailyReportQuery, MonthlyReport, MonthlyReportQuery, ReportFigures } from "@duka/contracts";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { badRequest } from "../../lib/errors.js";
import { requireLocations } from "../inventory/locations.js";
import { emptyFigures, type SummaryFigures, summaryFigures } from "../summaries/summary-readers.repository.js";

interface FigureQuery {
  /** First and last calendar day (YYYY-MM-DD, business time zone), both included. */
  from: string;
  to: string;
  locationId?: string | undefined;
  period: "day" | "month";
}

/** A report answers the figures without the dashboard's margin base. */
const report = ({ coveredRevenue: _, ...f }: SummaryFigures): ReportFigures => f;
const empty = () => report(emptyFigures());

export const MAX_DAYS = 366;
export const MAX_MONTHS = 36;

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const monthNumber = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;

function checkRange(count: number, max: number, unit: string) {
  if (count < 1) throw badRequest("The start of the range is after its end.", { fields: { from: ["is after to"] } });
  if (count > max) {
    throw badRequest(`A report covers at most ${max} ${unit}. Choose a shorter range.`, {
      fields: { to: [`is more than ${max} ${unit} after from`] },
    });
  }
}

async function figuresFor(db: Db, ctx: Ctx, q: FigureQuery) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    if (q.locationId) await requireLocations(tx, ctx, [q.locationId]);
    const scope = { businessId: ctx.businessId, locationIds: q.locationId ? [q.locationId] : null, userId: null };
    const { byBucket, totals } = await summaryFigures(tx, scope, [q], { by: q.period });
    return { byPeriod: new Map([...byBucket].map(([k, f]) => [k, report(f)])), totals: report(totals) };
  });
}

/** Every day from `from` to `to` in the business's calendar, days without sales included. */
export async function dailyReport(db: Db, ctx: Ctx, q: z.output<typeof DailyReportQuery>): Promise<DailyReport> {
  const first = dayNumber(q.from);
  const count = dayNumber(q.to) - first + 1;
  checkRange(count, MAX_DAYS, "days");
  const { byPeriod, totals } = await figuresFor(db, ctx, { ...q, period: "day" });
  const days = Array.from({ length: count }, (_, i) => {
    const date = dateOf(first + i);
    return { date, ...(byPeriod.get(date) ?? empty()) };
  });
  return { from: q.from, to: q.to, currency: ctx.business.currency, days, totals };
}

/** Every month from `from` to `to`, months without sales included. */
export async function monthlyReport(db: Db, ctx: Ctx, q: z.output<typeof MonthlyReportQuery>): Promise<MonthlyReport> {
  const first = monthNumber(q.from);
  const count = monthNumber(q.to) - first + 1;
  checkRange(count, MAX_MONTHS, "months");
  const lastDay = dateOf(dayNumber(`${monthOf(first + count)}-01`) - 1);
  const range = { from: `${q.from}-01`, to: lastDay, locationId: q.locationId, period: "month" as const };
  const { byPeriod, totals } = await figuresFor(db, ctx, range);
  const months = Array.from({ length: count }, (_, i) => {
    const month = monthOf(first + i);
    return { month, ...(byPeriod.get(month) ?? empty()) };
  });
  return { from: q.from, to: q.to, currency: ctx.business.currency, months, totals };
}
