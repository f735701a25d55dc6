import type { Sale } from "@duka/contracts";
import type { Ctx } from "../../lib/context.js";
import { wordsFor } from "../../lib/customer-words.js";
import { formatMoney } from "../../lib/money-format.js";

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
  const out = [sale.receipt.businessName, sale.receipt.locationName, when, `${t.receipt} #${sale.number}`, ""];
  if (sale.status === "voided") out.push(`*** ${t.voided} ***`, "");
  for (const l of sale.lines) {
    out.push(l.name, `  ${qty.format(l.quantity)} x ${money(l.unitPrice)} = ${money(l.lineTotal + l.discount)}`);
    if (l.discount > 0) out.push(`  ${t.discount} -${money(l.discount)}`);
  }
  out.push("");
  if (sale.discount > 0) out.push(`${t.subtotal}: ${money(sale.subtotal)}`, `${t.discount}: -${money(sale.discount)}`);
  out.push(`${t.total}: ${money(sale.total)}`, `${t.paidBy}: ${sale.payment.label}`);
  if (sale.payment.reference) out.push(`${t.reference}: ${sale.payment.reference}`);
  if (sale.amountTendered !== null) out.push(`${t.tendered}: ${money(sale.amountTendered)}`);
  if (sale.change !== null) out.push(`${t.change}: ${money(sale.change)}`);
  if (sale.refunded > 0) out.push(`${t.refunded}: -${money(sale.refunded)}`);
  if (sale.receipt.customerName) out.push(`${t.customer}: ${sale.receipt.customerName}`);
  out.push(`${t.servedBy}: ${sale.receipt.staffName}`, "", t.thanks);
  return `${out.join("\n")}\n`;
}
