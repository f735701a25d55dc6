import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { parseMilli } from "../../lib/quantity.js";
import { lineNets, refundAmount } from "../sales/refund-amounts.js";
import { Issues } from "./issues.js";
import type { SaleLineRecord, SaleRecord } from "./sales.validate.js";

/**
 * Duka's own export (the zip of one CSV per table) read back as past sales into another business.
 * Its rows name locations, products, customers and users by the old business's ids, which mean
 * nothing here: the zip's own tables turn them into names (and SKUs), and those are matched.
 */

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const TABLES = ["sales", "sale_lines", "payments", "locations", "products", "customers", "users"] as const;
type TableName = (typeof TABLES)[number];
type Rows = Record<string, string>[];
type DukaExport = Record<TableName, Rows> & { headers: string[] };

/** The header rows that say "Duka's export": a sale's number and amounts, a line's sale and total. */
const SALE_COLUMNS = ["id", "number", "location_id", "business_date", "occurred_at", "subtotal", "discount", "total"];
const LINE_COLUMNS = ["sale_id", "line_no", "product_id", "name", "quantity", "line_total", "refunded_quantity"];

/** A zip holding Duka's sales.csv and sale_lines.csv (an XLSX holds xl/ instead). */
export function readDukaExport(bytes: Buffer): DukaExport | null {
  if (!bytes.subarray(0, 4).equals(ZIP)) return null;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => TABLES.some((t) => f.name === `${t}.csv`) });
  } catch {
    return null;
  }
  const read = (name: TableName): Rows => {
    const data = files[`${name}.csv`];
    if (!data) return [];
    return parse(Buffer.from(data), { columns: true, bom: true, skip_empty_lines: true }) as Rows;
  };
  const head = (name: TableName) => {
    const data = files[`${name}.csv`];
    return data ? (Buffer.from(data.subarray(0, 4096)).toString("utf8").split(/\r?\n/)[0]?.split(",") ?? []) : [];
  };
  const salesHead = head("sales");
  const linesHead = head("sale_lines");
  if (!SALE_COLUMNS.every((c) => salesHead.includes(c)) || !LINE_COLUMNS.every((c) => linesHead.includes(c))) {
    return null;
  }
  return { ...(Object.fromEntries(TABLES.map((t) => [t, read(t)])) as Record<TableName, Rows>), headers: salesHead };
}

/** The export wrote a formula-looking cell as '=…; read back, it is the text again. */
const plain = (v: string | undefined) => {
  const s = (v ?? "").replace(/^'(?=[=+\-@\t\r])/, "");
  return s === "" ? null : s;
};

function byId(rows: Rows) {
  const map = new Map<string, Record<string, string>>();
  for (const r of rows) if (r.id) map.set(r.id, r);
  return map;
}

/**
 * The export's sales as the receipts they become. A Duka refund counts on its sale's day (decision
 * 021), so the lines' refunded quantities and the refund payments become a refund receipt on that
 * same day: the day's net sales, refunds, items and cost of goods come out as the old business had them.
 */
export function dukaExportSales(t: DukaExport) {
  const issues = new Issues();
  const locations = byId(t.locations);
  const products = byId(t.products);
  const customers = byId(t.customers);
  const users = byId(t.users);
  const lines = new Map<string, Record<string, string>[]>();
  for (const l of t.sale_lines) {
    const list = lines.get(l.sale_id ?? "") ?? [];
    list.push(l);
    lines.set(l.sale_id ?? "", list);
  }
  const refunded = new Map<string, number>();
  for (const p of t.payments) {
    if (p.kind === "refund" && p.sale_id) refunded.set(p.sale_id, (refunded.get(p.sale_id) ?? 0) + Number(p.amount));
  }
  const records: SaleRecord[] = [];
  t.sales.forEach((s, i) => {
    const row = i + 2;
    const money = ["subtotal", "discount", "total"].map((c) => Number(s[c]));
    const at = new Date(s.occurred_at ?? "");
    if (!s.number || money.some((m) => !Number.isInteger(m)) || Number.isNaN(at.getTime()) || !s.business_date) {
      issues.error(row, { column: "number", value: s.number ?? "" }, "amount_invalid", "This sale cannot be read.");
      return;
    }
    const [subtotal = 0, discount = 0, total = 0] = money;
    const ref = plain(s.external_ref) ?? s.number;
    const customer = s.customer_id ? customers.get(s.customer_id) : undefined;
    const own = (lines.get(s.id ?? "") ?? []).sort((a, b) => Number(a.line_no) - Number(b.line_no));
    const saleLines: SaleLineRecord[] = own.map((l) => ({
      row,
      name: plain(l.name) ?? "",
      sku: plain(products.get(l.product_id ?? "")?.sku) ?? undefined,
      quantityMilli: parseMilli(l.quantity ?? "0"),
      unitPrice: Number(l.unit_price),
      discount: Number(l.discount),
      lineTotal: Number(l.line_total),
      unitCost: l.unit_cost ? Number(l.unit_cost) : null,
    }));
    const base = {
      row,
      register: plain(s.register),
      store: plain(locations.get(s.location_id ?? "")?.name),
      occurredAt: at.toISOString(),
      businessDate: s.business_date,
      paymentMethod: s.payment_method || "cash",
      cashierName: plain(s.cashier_name) ?? plain(users.get(s.user_id ?? "")?.name),
      customer: customer
        ? { name: plain(customer.name), contact: plain(customer.phone) ?? plain(customer.email) }
        : null,
    };
    const voided = s.status === "voided";
    const kind = s.kind === "refund" ? "refund" : "sale";
    records.push({ ...base, ref, kind, voided, subtotal, discount, total, lines: saleLines });
    const back = refunded.get(s.id ?? "") ?? 0;
    if (kind === "sale" && !voided && back > 0) records.push(refundReceipt(ref, base, own, saleLines, discount, back));
  });
  return { records, issues };
}

/** A Duka sale's refunds as one refund receipt: each line's refunded share, adding up to the money given back. */
function refundReceipt(
  ref: string,
  base: Omit<SaleRecord, "ref" | "kind" | "voided" | "subtotal" | "discount" | "total" | "lines">,
  own: Record<string, string>[],
  sold: SaleLineRecord[],
  saleDiscount: number,
  amount: number,
): SaleRecord {
  const nets = lineNets(
    sold.map((l) => l.lineTotal),
    saleDiscount,
  );
  const back: SaleLineRecord[] = [];
  sold.forEach((l, i) => {
    const qty = parseMilli(own[i]?.refunded_quantity ?? "0");
    if (qty <= 0) return;
    const lineTotal = refundAmount(nets[i] ?? 0, l.quantityMilli, 0, qty);
    back.push({ ...l, quantityMilli: qty, discount: 0, lineTotal, unitPrice: Math.round((lineTotal * 1000) / qty) });
  });
  // Refunded in pieces, the shares can differ from the payments by a unit: the last line takes it.
  const last = back.at(-1);
  if (last) last.lineTotal = Math.max(0, last.lineTotal + amount - back.reduce((n, l) => n + l.lineTotal, 0));
  return {
    ...base,
    ref: `${ref}-R`,
    kind: "refund",
    voided: false,
    subtotal: amount,
    discount: 0,
    total: amount,
    lines: back,
  };
}
