import type { ImportFormat } from "@duka/contracts";
import { eachRow, type Table } from "./read.js";
import { isMonthFirst } from "./sales.validate.js";
import { type Cell, Columns } from "./sources.js";

/**
 * Past sales as another system exported them: one row per receipt (Loyverse "Receipts") or one row
 * per line (Loyverse "Receipts by item"), turned into the same raw rows. Lines of a receipt share its
 * receipt number; the validator groups them.
 */
export interface RawSaleRow {
  row: number;
  ref?: Cell | undefined;
  date?: Cell | undefined;
  /** "Sale" or "Refund". */
  type?: Cell | undefined;
  /** "Closed" or "Cancelled". */
  status?: Cell | undefined;
  gross?: Cell | undefined;
  discount?: Cell | undefined;
  net?: Cell | undefined;
  cost?: Cell | undefined;
  payment?: Cell | undefined;
  register?: Cell | undefined;
  store?: Cell | undefined;
  cashier?: Cell | undefined;
  customerName?: Cell | undefined;
  customerContact?: Cell | undefined;
  /** A line (receipts-by-item file): the item, its variant, SKU and quantity. */
  line?: { item?: Cell | undefined; variant?: Cell | undefined; sku?: Cell | undefined; quantity?: Cell | undefined };
}

export interface SaleSource {
  format: Extract<ImportFormat, "loyverse_receipts" | "loyverse_receipt_items">;
  mapping: Record<string, string>;
  /** Read once, as the validator asks for them: the table's rows go as they are read. */
  records: Iterable<RawSaleRow>;
  /** Slash dates are month first (a second part past 12 somewhere in the file). */
  monthFirst: boolean;
}

/** Whether the file's dates are month first, from the date column before the rows are taken. */
function monthFirstIn(t: Table, c: Columns) {
  return isMonthFirst(t.rows.map(({ cells }) => c.cell(cells, "Date")?.value ?? ""));
}

const isReceipts = (c: Columns) => c.has("Receipt number") && c.has("Receipt type") && c.has("Net sales");
const hasItems = (c: Columns) => c.has("Item") && c.has("Quantity");

/** The columns both Loyverse files share, read the same way. */
function common(c: Columns, cells: string[], row: number): RawSaleRow {
  return {
    row,
    ref: c.cell(cells, "Receipt number"),
    date: c.cell(cells, "Date"),
    type: c.cell(cells, "Receipt type"),
    status: c.cell(cells, "Status"),
    gross: c.cell(cells, "Gross sales"),
    discount: c.cell(cells, "Discounts"),
    net: c.cell(cells, "Net sales"),
    cost: c.cell(cells, "Cost of goods"),
    register: c.cell(cells, "POS"),
    store: c.cell(cells, "Store"),
    cashier: c.cell(cells, "Cashier name"),
    customerName: c.cell(cells, "Customer name"),
    customerContact: c.cell(cells, "Customer contacts"),
  };
}

function loyverseReceipts(t: Table): SaleSource {
  const c = new Columns(t.headers);
  const monthFirst = monthFirstIn(t, c);
  const records = eachRow(t, ({ row, cells }) => ({
    ...common(c, cells, row),
    payment: c.cell(cells, "Payment type"),
  }));
  return {
    monthFirst,
    format: "loyverse_receipts",
    mapping: { receipt: "Receipt number", date: "Date", net: "Net sales", payment: "Payment type" },
    records,
  };
}

function loyverseReceiptItems(t: Table): SaleSource {
  const c = new Columns(t.headers);
  const monthFirst = monthFirstIn(t, c);
  const records = eachRow(t, ({ row, cells }) => ({
    ...common(c, cells, row),
    line: {
      item: c.cell(cells, "Item"),
      variant: c.cell(cells, "Variant"),
      sku: c.cell(cells, "SKU"),
      quantity: c.cell(cells, "Quantity"),
    },
  }));
  return {
    monthFirst,
    format: "loyverse_receipt_items",
    mapping: { receipt: "Receipt number", date: "Date", item: "Item", quantity: "Quantity", net: "Net sales" },
    records,
  };
}

/** Does the header row say this is a file of past sales? */
export function looksLikeSales(t: Pick<Table, "headers">): boolean {
  return isReceipts(new Columns(t.headers));
}

/** A known sales layout read from its header row; null when Duka does not know it. */
export function knownSales(t: Table): SaleSource | null {
  const c = new Columns(t.headers);
  if (!isReceipts(c)) return null;
  return hasItems(c) ? loyverseReceiptItems(t) : loyverseReceipts(t);
}
