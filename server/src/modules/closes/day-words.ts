import type { DaySummary } from "@duka/contracts";
import { formatMoney } from "../../lib/money-format.js";
import { wordsFor } from "../../lib/words.js";

/** The figures of a day summary, before its text. */
export type DayFigures = Omit<DaySummary, "text">;

/**
 * The day's summary as a text message, in the business's language (it is shared with partners and
 * family, not read on the sender's phone), with money in the shop's currency.
 */
export function dayText(shop: string, figures: DayFigures, business: { currency: string; locale: string }): string {
  const t = wordsFor(business.locale);
  const money = (n: number) => formatMoney(n, business.currency, business.locale);
  const signed = (n: number) => (n > 0 ? `+${money(n)}` : money(n));
  const day = new Intl.DateTimeFormat(business.locale, { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(`${figures.date}T00:00:00Z`),
  );
  const lines = [`*${figures.locationName ? `${shop}, ${figures.locationName}` : shop}*`, day, ""];
  lines.push(
    figures.salesCount === 0
      ? t("close.text.none")
      : t("close.text.sales", { amount: money(figures.netSales), count: figures.salesCount }),
    t("close.text.cash", { amount: money(figures.cash) }),
    t("close.text.mobileMoney", { amount: money(figures.mobileMoney) }),
    t("close.text.creditGiven", { amount: money(figures.creditGiven) }),
    t("close.text.creditRepaid", { amount: money(figures.creditRepaid) }),
  );
  if (figures.bestSellers.length > 0) {
    const qty = new Intl.NumberFormat(business.locale, { maximumFractionDigits: 3 });
    lines.push("", t("close.text.best"));
    figures.bestSellers.forEach((b, i) => {
      lines.push(`${i + 1}. ${b.name} × ${qty.format(b.quantity)}`);
    });
  }
  const c = figures.closes;
  if (c.closed > 0 || c.open > 0) lines.push("");
  if (c.closed > 0) {
    lines.push(t("close.text.counted", { amount: money(c.counted), difference: signed(c.difference) }));
  }
  if (c.open > 0) lines.push(t("close.text.open", { count: c.open }));
  return lines.join("\n");
}
