import { DailyReport, DailyReportQuery, MonthlyReport, MonthlyReportQuery } from "@duka/contracts";
import { z } from "zod";
import { type App, ctxOf, type FastifyReply } from "../../lib/http.js";
import { shopWords } from "../business/shop-words.js";
import { reportCsv } from "./reports.csv.js";
import { dailyReport, monthlyReport } from "./reports.service.js";

const Csv = z.string().describe("CSV, UTF-8");

function sendCsv(reply: FastifyReply, filename: string, csv: string) {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${filename}"`)
    .send(csv);
}

/** Daily and monthly sales reports in the business's calendar, as JSON or CSV. */
export default async function reportsRoutes(app: App) {
  const { db } = app.deps;
  const tags = ["reports"];

  app.get(
    "/reports/daily",
    {
      config: { access: "reports.read" },
      schema: { tags, querystring: DailyReportQuery, response: { 200: z.union([DailyReport, Csv]) } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const report = await dailyReport(db, ctx, request.query);
      if (request.query.format === "json") return report;
      const rows = report.days.map(({ date, ...f }) => ({ key: date, ...f }));
      const csv = reportCsv(await shopWords(db, ctx), "day", rows, report.totals, report.currency);
      return sendCsv(reply, `sales-daily-${report.from}-${report.to}.csv`, csv);
    },
  );

  app.get(
    "/reports/monthly",
    {
      config: { access: "reports.read" },
      schema: { tags, querystring: MonthlyReportQuery, response: { 200: z.union([MonthlyReport, Csv]) } },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const report = await monthlyReport(db, ctx, request.query);
      if (request.query.format === "json") return report;
      const rows = report.months.map(({ month, ...f }) => ({ key: month, ...f }));
      const csv = reportCsv(await shopWords(db, ctx), "month", rows, report.totals, report.currency);
      return sendCsv(reply, `sales-monthly-${report.from}-${report.to}.csv`, csv);
    },
  );
}
