import type { DaySummary } from "@duka/contracts";
import { formatAmount } from "../../lib/money-format.js";
import { wordsFor } from "../../lib/words.js";

/** The figures of a day summary, before its text. */
export type DayFigures = Omit<DaySummary, "text">;

/**
 * The day's summary as a text message, in the business's language (it is shared with partners and
 * family, not read on the sender's phone), with money in the shop's currency.
 */
export function dayText(
  shop: string,
  figures: DayFigures,
  business: { currency: string; locale: string; timeZone: string },
): string {
  const t = wordsFor(business.locale);
  const money = (n: number) => `${business.currency} ${formatAmount(n, business.currency, business.locale)}`;
  const signed = (n: number) => (n > 0 ? `+${money(n)}` : n < 0 ? `-${money(-n)}` : money(0));
  const day = new Intl.DateTimeFormat(business.locale, { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(`${figures.date}T00:00:00Z`),
  );
  const where = figures.locationName ? `${shop}, ${figures.locationName}` : shop;
  const lines = [`*${where}*`, day, ""];
  if (figures.salesCount === 0) lines.push(t("printed.day.none"));
  else
    lines.push(
      `${t("printed.day.sales")}: ${money(figures.netSales)} (${t("printed.day.count", { count: figures.salesCount })})`,
    );
  lines.push(
    `${t("printed.day.cash")}: ${money(figures.cash)}`,
    `${t("printed.day.mobileMoney")}: ${money(figures.mobileMoney)}`,
    `${t("printed.day.creditGiven")}: ${money(figures.creditGiven)}`,
    `${t("printed.day.creditRepaid")}: ${money(figures.creditRepaid)}`,
  );
  if (figures.bestSellers.length > 0) {
    lines.push("", `${t("printed.day.best")}:`);
    figures.bestSellers.forEach((b, i) => {
      lines.push(`${i + 1}. ${b.name} × ${new Intl.NumberFormat(business.locale).format(b.quantity)}`);
    });
  }
  const c = figures.closes;
  if (c.closed > 0 || c.open > 0) lines.push("");
  if (c.closed > 0)
    lines.push(
      `${t("printed.day.drawers")}: ${money(c.counted)} (${t("printed.day.difference")} ${signed(c.difference)})`,
    );
  if (c.open > 0) lines.push(t("printed.day.open", { count: c.open }));
  return lines.join("\n");
}
