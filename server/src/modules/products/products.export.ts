import { stringify } from "csv-stringify/sync";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { safeText } from "../../lib/csv.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";
import { visibleLocations } from "../inventory/locations.js";

interface Row {
  id: string;
  name: string;
  sku: string | null;
  barcode: string | null;
  category: string | null;
  unit: string;
  price: string | number;
  price_at_sale: boolean;
  cost: string | number | null;
  low_stock_threshold: string;
  archived: boolean;
  levels: Record<string, string> | null;
}

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
    const rows = await queryRows<Row>(
      tx,
      sql`select p.id, p.name, p.sku, p.barcode, p.category, p.unit, p.price, p.price_at_sale, p.cost, p.archived,
            p.low_stock_threshold::text as low_stock_threshold,
            (select jsonb_object_agg(sl.location_id, sl.quantity::text) from stock_levels sl
              where sl.business_id = p.business_id and sl.product_id = p.id) as levels
          from products p where p.business_id = ${ctx.businessId}
          order by lower(p.name), p.id`,
    );
    const currency = ctx.business.currency;
    const header = [
      "name",
      "sku",
      "barcode",
      "category",
      "unit",
      `price (${currency})`,
      `cost (${currency})`,
      "low stock threshold",
      "archived",
      ...locations.map((l) => `stock: ${l.name}`),
      "stock: total",
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
