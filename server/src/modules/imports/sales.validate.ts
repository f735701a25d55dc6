import type { Ctx } from "../../lib/context.js";
import { Issues, text } from "./issues.js";
import { parseMoney, parseQuantity } from "./numbers.js";
import type { RawSaleRow } from "./sales.sources.js";
import type { Cell } from "./sources.js";

export interface SaleLineRecord {
  row: number;
  name: string;
  sku?: string | undefined;
  quantityMilli: number;
  unitPrice: number;
  discount: number;
  lineTotal: number;
  /** Cost of one unit when the file gives the line's cost of goods. */
  unitCost: number | null;
}

/** One receipt as it will be saved: a sale, or another system's refund receipt (decision 021). */
export interface SaleRecord {
  row: number;
  ref: string;
  register: string | null;
  store: string | null;
  /** The instant (UTC) and the shop's calendar day the file gives. */
  occurredAt: string;
  businessDate: string;
  kind: "sale" | "refund";
  voided: boolean;
  subtotal: number;
  discount: number;
  total: number;
  /** null: the file has no payment type (receipts by item); the sale keeps what it has. */
  paymentMethod: string | null;
  cashierName: string | null;
  customer: { name: string | null; contact: string | null } | null;
  /** null: a receipts file, which has no lines; the sale keeps the lines it has. */
  lines: SaleLineRecord[] | null;
}

const REFUND = /^(refund|remboursement|marejesho)$/i;
const CANCELLED = /^(cancel+ed|annul[ée]e?|imefutwa)$/i;

/** A payment type as the other system names it → one of Duka's method codes (or a code made from it). */
export function paymentCode(name: string): string {
  const n = name.trim().toLowerCase();
  if (/^(cash|esp[eè]ces|pesa taslimu)$/.test(n)) return "cash";
  if (/card|carte|kadi/.test(n)) return "card";
  if (/m-?pesa|mobile|airtel|mtn|orange|tigo|momo/.test(n)) return "mobile_money";
  if (/bank|virement|transfer/.test(n)) return "bank_transfer";
  const code = n
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+|_+$/g, "");
  return code.slice(0, 40) || "other";
}

/**
 * "2025-03-14 09:05", "14/03/2025 9:05", "3/14/25 9:05 AM", an Excel date read as ISO: a wall-clock
 * time in the shop. Slash dates are day first unless the file shows otherwise (a second part over 12).
 */
export function readWallTime(value: string, monthFirst: boolean): [number, number, number, number, number] | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(value.trim());
  const slash = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})(?:,?\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?)?$/i.exec(
    value.trim(),
  );
  let y: number;
  let mo: number;
  let d: number;
  let h = 0;
  let mi = 0;
  if (iso) {
    [y, mo, d, h, mi] = [iso[1], iso[2], iso[3], iso[4] ?? "0", iso[5] ?? "0"].map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
  } else if (slash) {
    const [a, b] = [Number(slash[1]), Number(slash[2])];
    [d, mo] = monthFirst ? [b, a] : [a, b];
    y = Number(slash[3]);
    if (y < 100) y += 2000;
    h = Number(slash[4] ?? 0);
    mi = Number(slash[5] ?? 0);
    const half = slash[6]?.toLowerCase().replace(/\./g, "");
    if (half === "pm" && h < 12) h += 12;
    if (half === "am" && h === 12) h = 0;
  } else return null;
  const check = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return [y, mo, d, h, mi];
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone: a file's 100,000 dates would otherwise build 200,000 of them. */
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The instant at which the shop's clock in `timeZone` showed this wall time. */
export function zonedInstant([y, mo, d, h, mi]: [number, number, number, number, number], timeZone: string): Date {
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const format = zoneFormat(timeZone);
  const offsetAt = (t: number) => {
    const parts = format.formatToParts(new Date(t));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute")) - t;
  };
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

/** Slash dates are day first unless one of them has a second part past 12. */
export function isMonthFirst(dates: string[]): boolean {
  return dates.some((d) => Number(/^\d{1,2}[/.](\d{1,2})[/.]/.exec(d)?.[1]) > 12);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Checks each row and groups the rows of a receipt (same receipt number) into one sale. */
export function validateSales(
  ctx: Ctx,
  raw: Iterable<RawSaleRow>,
  opts: { decimalComma: boolean; withLines: boolean; monthFirst: boolean },
) {
  const { decimalComma, withLines, monthFirst } = opts;
  const issues = new Issues();
  const currency = ctx.business.currency;
  // A refund receipt may write its amounts negative: the receipt type says it is money back.
  const money = (row: number, cell: Cell | undefined) => {
    if (!cell) return undefined;
    const parsed = parseMoney(cell.value.trim().replace(/^-|^\((.*)\)$/, "$1"), currency, decimalComma);
    if (parsed.ok) return parsed.value;
    issues.error(row, cell, parsed.code, `The amount ${parsed.message}`, parsed.params);
    return undefined;
  };
  const byRef = new Map<string, SaleRecord>();
  const records: SaleRecord[] = [];
  // A receipt missing one of its lines would count the wrong amount on its day: it stays out whole.
  const broken = new Set<string>();
  // Raw rows arrive one at a time (sales.sources), so the file's rows and its receipts are not held together.
  for (const r of raw) {
    const { row } = r;
    const ref = text(issues, row, r.ref, 60);
    if (!ref)
      issues.error(row, null, "receipt_missing", "This row has no receipt number. Every receipt needs its number.");
    const wall = r.date ? readWallTime(r.date.value, monthFirst) : null;
    if (!wall)
      issues.error(row, r.date ?? "Date", "date_invalid", "This date cannot be read. Write it like 2025-03-14 09:05.");
    const gross = money(row, r.gross);
    const discount = money(row, r.discount) ?? 0;
    const net = money(row, r.net);
    if (net === undefined && !issues.hasError(row))
      issues.error(row, "Net sales", "net_missing", "This row has no net sales amount.");
    if (net !== undefined && gross !== undefined && gross - discount !== net) {
      issues.error(
        row,
        r.net ?? null,
        "amounts_mismatch",
        "Gross sales minus discounts is not the net sales on this row. Check the amounts.",
      );
    }
    let line: SaleLineRecord | null = null;
    if (withLines) {
      const item = text(issues, row, r.line?.item, 100);
      const variant = text(issues, row, r.line?.variant, 60);
      if (!item) issues.error(row, "Item", "item_missing", "This row has no item name.");
      const qty = r.line?.quantity ? parseQuantity(r.line.quantity.value.trim().replace(/^-/, ""), decimalComma) : null;
      if (!qty) issues.error(row, "Quantity", "quantity_invalid", "The quantity is missing.", { value: "" });
      else if (!qty.ok)
        issues.error(row, r.line?.quantity ?? null, qty.code, `The quantity ${qty.message}`, qty.params);
      else if (qty.value === 0)
        issues.error(row, r.line?.quantity ?? null, "quantity_zero", "The quantity cannot be 0.");
      const cost = money(row, r.cost);
      if (!issues.hasError(row) && qty?.ok && net !== undefined) {
        const lineGross = gross ?? net + discount;
        line = {
          row,
          name: variant ? `${item} — ${variant}` : (item ?? ""),
          sku: text(issues, row, r.line?.sku, 60),
          quantityMilli: qty.value,
          unitPrice: Math.round((lineGross * 1000) / qty.value),
          discount,
          lineTotal: net,
          unitCost: cost === undefined ? null : Math.round((cost * 1000) / qty.value),
        };
      }
    }
    if (issues.hasError(row) || !ref || !wall || net === undefined) {
      if (ref) broken.add(ref);
      continue;
    }
    const existing = byRef.get(ref);
    if (existing && withLines && line) {
      existing.lines?.push(line);
      existing.subtotal += line.lineTotal;
      existing.total += line.lineTotal;
      continue;
    }
    if (existing) {
      issues.error(
        row,
        r.ref ?? null,
        "duplicate_receipt",
        `The receipt "${ref}" is also on row ${existing.row}. Each receipt comes once.`,
        { value: ref, rows: String(existing.row) },
      );
      continue;
    }
    const contact = text(issues, row, r.customerContact, 200) ?? null;
    const customerName = text(issues, row, r.customerName, 120) ?? null;
    const record: SaleRecord = {
      row,
      ref,
      register: text(issues, row, r.register, 60) ?? null,
      store: text(issues, row, r.store, 120) ?? null,
      occurredAt: zonedInstant(wall, ctx.business.timeZone).toISOString(),
      businessDate: `${wall[0]}-${pad(wall[1])}-${pad(wall[2])}`,
      kind: r.type && REFUND.test(r.type.value.trim()) ? "refund" : "sale",
      voided: !!r.status && CANCELLED.test(r.status.value.trim()),
      subtotal: withLines ? (line?.lineTotal ?? 0) : (gross ?? net + discount),
      discount: withLines ? 0 : discount,
      total: withLines ? (line?.lineTotal ?? 0) : net,
      paymentMethod: r.payment ? paymentCode(r.payment.value) : withLines ? null : "cash",
      cashierName: text(issues, row, r.cashier, 120) ?? null,
      customer: contact || customerName ? { name: customerName, contact } : null,
      lines: withLines && line ? [line] : null,
    };
    byRef.set(ref, record);
    records.push(record);
  }
  return { records: records.filter((r) => !broken.has(r.ref)), issues };
}
