import type { DashboardPeriod } from "@duka/contracts";
import { localDate } from "../../lib/time.js";

export interface Range {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const toMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => fromMs(toMs(day) + n * DAY_MS);
export const daysBetween = (from: string, to: string) => Math.round((toMs(to) - toMs(from)) / DAY_MS);

/** The same day of the month, a month earlier, clamped to that month's end (31 March → 28 or 29 February). */
function monthEarlier(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromMs(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last)));
}

/**
 * The period's calendar days in the business's time zone, and the previous equal period it is
 * compared with: today against yesterday; this week (Monday to today) against the same days last week;
 * this month so far against the same days of last month; a custom range against the equally long
 * range just before it.
 */
export function resolvePeriod(
  period: DashboardPeriod,
  now: Date,
  timeZone: string,
  custom: { from?: string | undefined; to?: string | undefined } = {},
): { range: Range; previous: Range } {
  const today = localDate(now, timeZone);
  switch (period) {
    case "today":
      return { range: { from: today, to: today }, previous: { from: addDays(today, -1), to: addDays(today, -1) } };
    case "week": {
      const weekday = (new Date(toMs(today)).getUTCDay() + 6) % 7; // Monday 0
      const from = addDays(today, -weekday);
      return { range: { from, to: today }, previous: { from: addDays(from, -7), to: addDays(today, -7) } };
    }
    case "month": {
      const from = `${today.slice(0, 8)}01`;
      return { range: { from, to: today }, previous: { from: monthEarlier(from), to: monthEarlier(today) } };
    }
    case "custom": {
      const from = custom.from ?? today;
      const to = custom.to ?? today;
      const length = daysBetween(from, to) + 1;
      return { range: { from, to }, previous: { from: addDays(from, -length), to: addDays(from, -1) } };
    }
  }
}
