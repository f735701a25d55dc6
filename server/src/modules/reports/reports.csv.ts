import type { ReportFigures } from "@duka/contracts";
import { stringify } from "csv-stringify/sync";
import { toDecimalString } from "../../lib/money-format.js";
import type { Words } from "../../lib/words.js";

/**
 * The report as a spreadsheet: one row per day or month, then the range's total. Amounts are
 * decimals in the currency's own digits; each payment method seen gets a net-sales column, named
 * as the shop names it. Column names are in the shop's language, like its receipts.
 */
export function reportCsv(
  words: { t: Words; methodName: (method: string) => string },
  period: "day" | "month",
  rows: (ReportFigures & { key: string })[],
  totals: ReportFigures,
  currency: string,
) {
  const { t } = words;
  const methods = totals.byPaymentMethod.map((m) => m.method).sort();
  const money = (n: number) => toDecimalString(n, currency);
  const header = [
    t(period === "day" ? "printed.csv.day" : "printed.csv.month"),
    t("printed.csv.sales"),
    t("printed.csv.itemsSold"),
    t("printed.csv.grossSales", { currency }),
    t("printed.csv.discounts", { currency }),
    t("printed.csv.refunds", { currency }),
    t("printed.csv.netSales", { currency }),
    t("printed.csv.voids"),
    t("printed.csv.voidedAmount", { currency }),
    t("printed.csv.costOfGoods", { currency }),
    t("printed.csv.grossMargin", { currency }),
    t("printed.csv.linesWithoutCost"),
    ...methods.map((m) => t("printed.csv.netSalesBy", { method: words.methodName(m), currency })),
  ];
  const line = (key: string, f: ReportFigures) => [
    key,
    f.salesCount,
    f.itemsSold,
    money(f.grossSales),
    money(f.discounts),
    money(f.refunds),
    money(f.netSales),
    f.voidsCount,
    money(f.voidedAmount),
    money(f.costOfGoods),
    money(f.grossMargin),
    f.linesWithoutCost,
    ...methods.map((m) => money(f.byPaymentMethod.find((p) => p.method === m)?.netSales ?? 0)),
  ];
  const records = [...rows.map((r) => line(r.key, r)), line(t("printed.csv.total"), totals)];
  // A byte-order mark so spreadsheet programs read the file as UTF-8.
  return `\uFEFF${stringify([header, ...records])}`;
}
