import { z } from "zod";
import { Id, IsoDate } from "./common.js";

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month like 2026-01");
const Format = z.enum(["json", "csv"]).default("json");

export const DailyReportQuery = z.object({ from: IsoDate, to: IsoDate, locationId: Id.optional(), format: Format });
export const MonthlyReportQuery = z.object({ from: Month, to: Month, locationId: Id.optional(), format: Format });

const Breakdown = z.object({ salesCount: z.number().int(), netSales: z.number().int() });

export const ReportFigures = z.object({
  salesCount: z.number().int(),
  itemsSold: z.number(),
  grossSales: z.number().int(),
  discounts: z.number().int(),
  refunds: z.number().int(),
  netSales: z.number().int(),
  voidsCount: z.number().int(),
  voidedAmount: z.number().int(),
  costOfGoods: z.number().int(),
  grossMargin: z.number().int(),
  /** Sold lines whose product had no cost: costOfGoods and grossMargin leave them out. */
  linesWithoutCost: z.number().int(),
  byPaymentMethod: z.array(Breakdown.extend({ method: z.string() })),
  byLocation: z.array(Breakdown.extend({ locationId: Id, name: z.string() })),
  byStaff: z.array(Breakdown.extend({ userId: Id, name: z.string() })),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

export const DailyReport = z.object({
  from: IsoDate,
  to: IsoDate,
  currency: z.string(),
  days: z.array(ReportFigures.extend({ date: IsoDate })),
  totals: ReportFigures,
});
export type DailyReport = z.infer<typeof DailyReport>;

export const MonthlyReport = z.object({
  from: Month,
  to: Month,
  currency: z.string(),
  months: z.array(ReportFigures.extend({ month: Month })),
  totals: ReportFigures,
});
export type MonthlyReport = z.infer<typeof MonthlyReport>;
