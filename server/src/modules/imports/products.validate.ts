import type { Ctx } from "../../lib/context.js";
import { duplicates, Issues, text } from "./issues.js";
import { parseMoney, parseQuantity, parseYesNo } from "./numbers.js";
import type { RawProduct } from "./sources.js";

/** A product row as it will be saved; a field left out of the file keeps what the product has. */
export interface ProductRecord {
  row: number;
  name: string;
  sku?: string;
  barcode?: string;
  category?: string;
  price?: number;
  priceAtSale?: boolean;
  cost?: number;
  unit?: string;
  lowStockMilli?: number;
  /** Opening stock per location by name; empty when the file says stock is not tracked. */
  stock: { location: string; quantityMilli?: number; lowStockMilli?: number }[];
}

/** A spreadsheet turned a long barcode into a rounded number: the digits are gone. */
const SCIENTIFIC = /^\d+([.,]\d+)?e\+?\d+$/i;
const VARIABLE = /^(variable|open|prix libre|bei huru)$/i;
const NAME_MAX = 120;

export function validateProducts(ctx: Ctx, raw: RawProduct[], decimalComma: boolean) {
  const issues = new Issues();
  const currency = ctx.business.currency;
  const money = (row: number, cell: RawProduct["price"]) => {
    if (!cell) return undefined;
    const parsed = parseMoney(cell.value, currency, decimalComma);
    if (parsed.ok) return parsed.value;
    issues.error(row, cell, parsed.code, `The amount ${parsed.message}`, parsed.params);
    return undefined;
  };
  const quantity = (row: number, cell: RawProduct["price"]) => {
    if (!cell) return undefined;
    const parsed = parseQuantity(cell.value, decimalComma);
    if (parsed.ok) return parsed.value;
    issues.error(row, cell, parsed.code, `The quantity ${parsed.message}`, parsed.params);
    return undefined;
  };
  for (const r of raw) {
    if (r.barcode && SCIENTIFIC.test(r.barcode.value)) {
      issues.warn(
        r.row,
        r.barcode,
        "barcode_scientific",
        "This barcode was turned into a rounded number by a spreadsheet, so it was left out. Scan it again on the product.",
      );
      r.barcode = undefined;
    }
  }
  duplicates(issues, raw, (r) => r.sku, "SKU");
  duplicates(issues, raw, (r) => r.barcode, "barcode");

  const records: ProductRecord[] = [];
  for (const r of raw) {
    const { row } = r;
    let name = text(issues, row, r.name, NAME_MAX);
    if (!r.name)
      issues.error(
        row,
        null,
        "product_name_missing",
        "This row has no product name. Write the name, or delete the row.",
      );
    if (name && r.variant) name = `${name} — ${r.variant}`;
    if (name && name.length > NAME_MAX)
      issues.error(
        row,
        r.name ?? null,
        "name_with_variant_too_long",
        `The name with its variant is longer than ${NAME_MAX} characters.`,
        { max: NAME_MAX },
      );
    const variable = r.variablePrice === true || (r.price !== undefined && VARIABLE.test(r.price.value.trim()));
    const price = variable ? 0 : money(row, r.price);
    if (!variable && !r.price) {
      issues.error(
        row,
        null,
        "price_missing",
        'This product has no price. Write the price, or "variable" if it is typed at each sale.',
      );
    }
    const soldByWeight = r.soldByWeight ? parseYesNo(r.soldByWeight.value) : null;
    if (r.soldByWeight && soldByWeight === null) issues.error(row, r.soldByWeight, "yes_or_no", 'Write "Y" or "N".');
    const track = r.trackStock ? parseYesNo(r.trackStock.value) : true;
    if (r.trackStock && track === null) issues.error(row, r.trackStock, "yes_or_no", 'Write "Y" or "N".');
    const unit = text(issues, row, r.unit, 20) ?? (soldByWeight ? "kg" : undefined);
    const stock = track === false ? [] : r.stock.filter((s) => s.quantity || s.lowStock);
    const record: ProductRecord = {
      row,
      name: name ?? "",
      stock: stock.map((s) => ({
        location: s.location,
        ...opt("quantityMilli", quantity(row, s.quantity)),
        ...opt("lowStockMilli", quantity(row, s.lowStock)),
      })),
      ...opt("sku", text(issues, row, r.sku, 64)),
      ...opt("barcode", text(issues, row, r.barcode, 64)),
      ...opt("category", text(issues, row, r.category, 60)),
      ...opt("price", price),
      ...opt("priceAtSale", r.price || variable ? variable : undefined),
      ...opt("cost", money(row, r.cost)),
      ...opt("unit", unit),
      ...opt("lowStockMilli", quantity(row, r.lowStockThreshold)),
    };
    if (!issues.hasError(row)) records.push(record);
  }
  return { records, issues };
}

/** { key: value } when the value is there, {} otherwise: records leave out what the file did not say. */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
