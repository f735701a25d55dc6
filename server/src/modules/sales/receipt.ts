import type { Sale } from "@duka/contracts";
import type { Ctx } from "../../lib/context.js";
import { formatMoney } from "../../lib/money-format.js";

/**
 * A plain-text receipt for sharing through WhatsApp or SMS: short lines that read well in a chat
 * bubble, times in the shop's zone, amounts in its currency and locale.
 */
export function receiptText(ctx: Ctx, sale: Sale): string {
  const { currency, locale, timeZone } = ctx.business;
  const money = (n: number) => formatMoney(n, currency, locale);
  const when = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(
    new Date(sale.occurredAt),
  );
  const qty = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const out = [sale.receipt.businessName, sale.receipt.locationName, when, `Receipt #${sale.number}`, ""];
  if (sale.status === "voided") out.push("*** VOIDED ***", "");
  for (const l of sale.lines) {
    out.push(l.name, `  ${qty.format(l.quantity)} x ${money(l.unitPrice)} = ${money(l.lineTotal + l.discount)}`);
    if (l.discount > 0) out.push(`  Discount -${money(l.discount)}`);
  }
  out.push("");
  if (sale.discount > 0) out.push(`Subtotal: ${money(sale.subtotal)}`, `Discount: -${money(sale.discount)}`);
  out.push(`TOTAL: ${money(sale.total)}`, `Paid by: ${sale.payment.label}`);
  if (sale.amountTendered !== null) out.push(`Tendered: ${money(sale.amountTendered)}`);
  if (sale.change !== null) out.push(`Change: ${money(sale.change)}`);
  if (sale.refunded > 0) out.push(`Refunded: -${money(sale.refunded)}`);
  if (sale.receipt.customerName) out.push(`Customer: ${sale.receipt.customerName}`);
  out.push(`Served by: ${sale.receipt.staffName}`, "", "Thank you!");
  return `${out.join("\n")}\n`;
}
