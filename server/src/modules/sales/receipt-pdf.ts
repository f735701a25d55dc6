import type { Sale } from "@duka/contracts";
import type { Ctx } from "../../lib/context.js";
import { formatMoney } from "../../lib/money-format.js";
import { methodName, wordsFor } from "../../lib/words.js";

/**
 * The built-in PDF fonts cover Windows-1252 only. Intl separates digits with narrow or thin spaces
 * in some locales (fr: "1 234,50"), which those fonts cannot draw; anything else outside the set
 * prints as "?" rather than as a wrong glyph.
 */
const WIN_1252_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
export function printable(text: string): string {
  return [...text.replace(/[\u202f\u2009\u2007]/g, "\u00a0")]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || WIN_1252_EXTRA.has(ch) ? ch : "?";
    })
    .join("");
}

/** 80 mm roll paper, as most shop receipt printers use; the page grows with the number of lines. */
const WIDTH = 227;
const MARGIN = 14;

/**
 * A sale's receipt as a PDF. The same sale always gives the same bytes (the creation date is the
 * sale's own time, never "now"), so two requests racing to store it store the same file.
 */
export async function renderReceiptPdf(ctx: Ctx, sale: Sale): Promise<Buffer> {
  // Loaded with the first receipt, not at start-up: a server that never prints stays small.
  const { default: PDFDocument } = await import("pdfkit");
  const { currency, locale, timeZone } = ctx.business;
  const t = wordsFor(locale);
  const money = (n: number) => formatMoney(n, currency, locale);
  const qty = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const when = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium", timeStyle: "short" }).format(
    new Date(sale.occurredAt),
  );
  const height = 330 + sale.lines.length * 34 + (sale.status === "voided" ? 40 : 0);
  const doc = new PDFDocument({
    size: [WIDTH, height],
    margin: MARGIN,
    info: {
      Title: `${t("printed.receipt")} #${sale.number}`,
      Author: printable(sale.receipt.businessName),
      CreationDate: new Date(sale.voidedAt ?? sale.occurredAt),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const inner = WIDTH - 2 * MARGIN;
  const text = (s: string, opts: PDFKit.Mixins.TextOptions = {}) => doc.text(printable(s), { width: inner, ...opts });
  const row = (left: string, right: string, bold = false) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica");
    const y = doc.y;
    doc.text(printable(left), MARGIN, y, { width: inner * 0.55 });
    const below = doc.y;
    doc.text(printable(right), MARGIN + inner * 0.45, y, { width: inner * 0.55, align: "right" });
    doc.y = Math.max(below, doc.y);
    doc.x = MARGIN;
  };
  const rule = () => {
    doc.moveDown(0.3);
    doc
      .moveTo(MARGIN, doc.y)
      .lineTo(WIDTH - MARGIN, doc.y)
      .lineWidth(0.5)
      .stroke();
    doc.moveDown(0.3);
  };

  doc.font("Helvetica-Bold").fontSize(12);
  text(sale.receipt.businessName, { align: "center" });
  doc.font("Helvetica").fontSize(8);
  text(sale.receipt.locationName, { align: "center" });
  text(when, { align: "center" });
  doc.font("Helvetica-Bold").fontSize(9);
  text(`${t("printed.receipt")} #${sale.number}`, { align: "center" });
  if (sale.status === "voided" || sale.refunded > 0) {
    doc.moveDown(0.3).fontSize(12).fillColor("#b00020");
    text(`*** ${sale.status === "voided" ? t("printed.voided") : t("printed.refundedMark")} ***`, { align: "center" });
    doc.fillColor("black").fontSize(8).font("Helvetica");
    if (sale.voidReason) text(`${t("printed.reason")}: ${sale.voidReason}`, { align: "center" });
  }
  doc.fontSize(8);
  rule();

  for (const l of sale.lines) {
    doc.font("Helvetica-Bold");
    text(l.name);
    row(`${qty.format(l.quantity)} x ${money(l.unitPrice)}`, money(l.lineTotal + l.discount));
    if (l.discount > 0) row(`  ${t("printed.discount")}`, `-${money(l.discount)}`);
  }
  rule();

  if (sale.discount > 0) {
    row(t("printed.subtotal"), money(sale.subtotal));
    row(t("printed.discount"), `-${money(sale.discount)}`);
  }
  doc.fontSize(10);
  row(t("printed.total"), money(sale.total), true);
  doc.fontSize(8);
  row(t("printed.paidBy"), methodName(t, sale.payment));
  if (sale.payment.reference) row(t("printed.reference"), sale.payment.reference);
  if (sale.amountTendered !== null) row(t("printed.tendered"), money(sale.amountTendered));
  if (sale.change !== null) row(t("printed.change"), money(sale.change));
  if (sale.refunded > 0) row(t("printed.refunded"), `-${money(sale.refunded)}`);
  if (sale.receipt.customerName) row(t("printed.customer"), sale.receipt.customerName);
  row(t("printed.servedBy"), sale.receipt.staffName);
  rule();
  doc.font("Helvetica");
  text(t("printed.thanks"), { align: "center" });

  doc.end();
  return done;
}
