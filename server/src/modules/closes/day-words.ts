import type { DaySummary } from "@duka/contracts";
import { formatAmount } from "../../lib/money-format.js";

/**
 * The day's summary as a text message, in the business's language (it is shared with partners and
 * family, not read on the sender's phone), with money in the shop's currency. A language not listed
 * is written in English.
 */
const WORDS = {
  en: {
    sales: "Sales",
    count: (n: number) => (n === 1 ? "1 sale" : `${n} sales`),
    cash: "Cash",
    mobileMoney: "Mobile money",
    creditGiven: "Credit given",
    creditRepaid: "Credit repaid",
    best: "Best sellers",
    drawers: "Cash counted",
    difference: "difference",
    open: (n: number) => (n === 1 ? "1 drawer not closed yet" : `${n} drawers not closed yet`),
    none: "No sales.",
  },
  fr: {
    sales: "Ventes",
    count: (n: number) => (n <= 1 ? `${n} vente` : `${n} ventes`),
    cash: "Espèces",
    mobileMoney: "Mobile money",
    creditGiven: "Crédit accordé",
    creditRepaid: "Crédit remboursé",
    best: "Meilleures ventes",
    drawers: "Caisse comptée",
    difference: "écart",
    open: (n: number) => (n <= 1 ? `${n} caisse pas encore fermée` : `${n} caisses pas encore fermées`),
    none: "Aucune vente.",
  },
  sw: {
    sales: "Mauzo",
    count: (n: number) => (n === 1 ? "mauzo 1" : `mauzo ${n}`),
    cash: "Pesa taslimu",
    mobileMoney: "Pesa ya simu",
    creditGiven: "Mkopo uliotolewa",
    creditRepaid: "Mkopo uliolipwa",
    best: "Zinazouzwa zaidi",
    drawers: "Pesa iliyohesabiwa",
    difference: "tofauti",
    open: (n: number) => (n === 1 ? "droo 1 bado haijafungwa" : `droo ${n} bado hazijafungwa`),
    none: "Hakuna mauzo.",
  },
};

/** The figures of a day summary, before its text. */
export type DayFigures = Omit<DaySummary, "text">;

export function dayText(
  shop: string,
  figures: DayFigures,
  business: { currency: string; locale: string; timeZone: string },
): string {
  const lang = business.locale.split("-")[0] as keyof typeof WORDS;
  const w = WORDS[lang] ?? WORDS.en;
  const money = (n: number) => `${business.currency} ${formatAmount(n, business.currency, business.locale)}`;
  const signed = (n: number) => (n > 0 ? `+${money(n)}` : n < 0 ? `-${money(-n)}` : money(0));
  const day = new Intl.DateTimeFormat(business.locale, { dateStyle: "full", timeZone: "UTC" }).format(
    new Date(`${figures.date}T00:00:00Z`),
  );
  const where = figures.locationName ? `${shop}, ${figures.locationName}` : shop;
  const lines = [`*${where}*`, day, ""];
  if (figures.salesCount === 0) lines.push(w.none);
  else lines.push(`${w.sales}: ${money(figures.netSales)} (${w.count(figures.salesCount)})`);
  lines.push(
    `${w.cash}: ${money(figures.cash)}`,
    `${w.mobileMoney}: ${money(figures.mobileMoney)}`,
    `${w.creditGiven}: ${money(figures.creditGiven)}`,
    `${w.creditRepaid}: ${money(figures.creditRepaid)}`,
  );
  if (figures.bestSellers.length > 0) {
    lines.push("", `${w.best}:`);
    figures.bestSellers.forEach((b, i) => {
      lines.push(`${i + 1}. ${b.name} × ${new Intl.NumberFormat(business.locale).format(b.quantity)}`);
    });
  }
  const c = figures.closes;
  if (c.closed > 0 || c.open > 0) lines.push("");
  if (c.closed > 0) lines.push(`${w.drawers}: ${money(c.counted)} (${w.difference} ${signed(c.difference)})`);
  if (c.open > 0) lines.push(w.open(c.open));
  return lines.join("\n");
}
