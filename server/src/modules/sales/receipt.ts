import type { Sale } from "@duka/contracts";
import type { Ctx } from "../../lib/context.js";
import { formatMoney } from "../../lib/money-format.js";
import { methodName, wordsFor } from "../../lib/words.js";

/**
 * A plain-text receipt for sharing through WhatsApp or SMS: short lines that read well in a chat
 * bubble, in the shop's language, times in its zone, amounts in its currency and locale.
 */
export function receiptText(ctx: Ctx, sale: Sale): string {
  const { currency, locale, timeZone } = ctx.business;
  const t = wordsFor(locale);
  const money = (n: number) => formatMoney(n, currency, locale);
  const when = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(
    new Date(sale.occurredAt),
  );
  const qty = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const out = [
    sale.receipt.businessName,
    sale.receipt.locationName,
    when,
    `${t("printed.receipt")} #${sale.number}`,
    "",
  ];
  if (sale.status === "voided") out.push(`*** ${t("printed.voided")} ***`, "");
  for (const l of sale.lines) {
    out.push(l.name, `  ${qty.format(l.quantity)} x ${money(l.unitPrice)} = ${money(l.lineTotal + l.discount)}`);
    if (l.discount > 0) out.push(`  ${t("printed.discount")} -${money(l.discount)}`);
  }
  out.push("");
  if (sale.discount > 0)
    out.push(`${t("printed.subtotal")}: ${money(sale.subtotal)}`, `${t("printed.discount")}: -${money(sale.discount)}`);
  out.push(`${t("printed.total")}: ${money(sale.total)}`, `${t("printed.paidBy")}: ${methodName(t, sale.payment)}`);
  if (sale.payment.reference) out.push(`${t("printed.reference")}: ${sale.payment.reference}`);
  if (sale.amountTendered !== null) out.push(`${t("printed.tendered")}: ${money(sale.amountTendered)}`);
  if (sale.change !== null) out.push(`${t("printed.change")}: ${money(sale.change)}`);
  if (sale.refunded > 0) out.push(`${t("printed.refunded")}: -${money(sale.refunded)}`);
  if (sale.receipt.customerName) out.push(`${t("printed.customer")}: ${sale.receipt.customerName}`);
  out.push(`${t("printed.servedBy")}: ${sale.receipt.staffName}`, "", t("printed.thanks"));
  return `${out.join("\n")}\n`;
}
