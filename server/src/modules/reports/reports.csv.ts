import type { ReportFigures } from "@duka/contracts";
import { stringify } from "csv-stringify/sync";
import { toDecimalString } from "../../lib/money-format.js";

const MONEY: (keyof ReportFigures)[] = [
  "grossSales",
  "discounts",
  "refunds",
  "netSales",
  "voidedAmount",
  "costOfGoods",
  "grossMargin",
];

/**
 * The report as a spreadsheet: one row per day or month, then the range's total. Amounts are
 * decimals in the currency's own digits; each payment method seen gets a net-sales column.
 */
export function reportCsv(
  label: string,
  rows: (ReportFigures & { key: string })[],
  totals: ReportFigures,
  currency: string,
) {
  const methods = totals.byPaymentMethod.map((m) => m.method).sort();
  const money = (n: number) => toDecimalString(n, currency);
  const header = [
    label,
    "sales",
    "items sold",
    ...MONEY.slice(0, 4).map((k) => `${k} (${currency})`),
    "voids",
    ...MONEY.slice(4).map((k) => `${k} (${currency})`),
    "lines without cost",
    ...methods.map((m) => `net sales: ${m} (${currency})`),
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
  const records = [...rows.map((r) => line(r.key, r)), line("total", totals)];
  // A byte-order mark so spreadsheet programs read the file as UTF-8.
  return `\uFEFF${stringify([header, ...records])}`;
}
