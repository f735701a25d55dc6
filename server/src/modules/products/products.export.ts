import { stringify } from "csv-stringify/sync";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { safeText } from "../../lib/csv.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";
import { wordsFor } from "../../lib/words.js";
import { columnName, type ProductColumn } from "../imports/headers.js";
import { visibleLocations } from "../inventory/locations.js";
import { productsForExport } from "./products.repository.js";

/** Minor units as a decimal in the currency's own digits (KES 2, JPY 0), for a spreadsheet. */
export function majorUnits(minor: number, currency: string): string {
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  if (digits === 0) return String(minor);
  const abs = Math.abs(minor);
  const scale = 10 ** digits;
  const text = `${Math.floor(abs / scale)}.${String(abs % scale).padStart(digits, "0")}`;
  return minor < 0 ? `-${text}` : text;
}

/** The product list with stock per location, as CSV, in name order. */
export async function exportProductsCsv(db: Db, ctx: Ctx): Promise<string> {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const locations = await visibleLocations(tx, ctx);
    const rows = await productsForExport(tx, ctx.businessId);
    const currency = ctx.business.currency;
    // Column names in the shop's language; the import knows them in every language.
    const t = wordsFor(ctx.business.locale);
    const col = (c: ProductColumn) => columnName(t, "products", c);
    const header = [
      col("name"),
      col("sku"),
      col("barcode"),
      col("category"),
      col("unit"),
      `${col("price")} (${currency})`,
      `${col("cost")} (${currency})`,
      col("lowStockThreshold"),
      col("archived"),
      ...locations.map((l) => `${col("stock")}: ${l.name}`),
      `${col("stock")}: ${t("printed.csv.total")}`,
    ];
    const records = rows.map((r) => {
      const perLocation = locations.map((l) => parseMilli(r.levels?.[l.id] ?? "0"));
      return [
        safeText(r.name),
        safeText(r.sku),
        safeText(r.barcode),
        safeText(r.category),
        safeText(r.unit),
        // Read back by the import as a product whose price is typed at each sale.
        r.price_at_sale ? "variable" : majorUnits(Number(r.price), currency),
        r.cost === null ? "" : majorUnits(Number(r.cost), currency),
        fromMilli(parseMilli(r.low_stock_threshold)),
        r.archived ? "yes" : "no",
        ...perLocation.map(fromMilli),
        fromMilli(perLocation.reduce((a, b) => a + b, 0)),
      ];
    });
    // A byte-order mark so spreadsheet programs read names in any script as UTF-8.
    return `\uFEFF${stringify([header, ...records])}`;
  });
}
