import { randomUUID } from "node:crypto";
import type { Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";
import type { Issues } from "./issues.js";
import type { ProductRecord } from "./products.validate.js";
import { readForProducts } from "./products-import.repository.js";

export interface Existing {
  id: string;
  name: string;
  sku: string | null;
  barcode: string | null;
  category: string | null;
  unit: string;
  price: number;
  price_at_sale: boolean;
  cost: number | null;
  low: string;
}
export interface Level {
  product_id: string;
  location_id: string;
  quantity: string;
  low: string | null;
}

export type Action = "new" | "update" | "unchanged";
export interface PlannedProduct {
  record: ProductRecord;
  action: Action;
  id: string;
}

export interface ProductPlan {
  items: PlannedProduct[];
  /** Location names in the file the business lacks, as first written. */
  newLocations: string[];
  locations: Map<string, string>;
  levels: Map<string, { quantity: number; low: number | null }>;
}

export const levelKey = (productId: string, locationId: string) => `${productId}:${locationId}`;

/** Matches each row to a product (SKU, then barcode, then exact name) and says what saving it would change. */
export async function planProducts(
  tx: Tx,
  ctx: Ctx,
  records: ProductRecord[],
  issues: Issues,
  opts: { lock?: boolean } = {},
): Promise<ProductPlan> {
  const b = ctx.businessId;
  const { locations, existing, levelRows } = await readForProducts(tx, b, opts.lock ?? false);
  const levels = new Map(
    levelRows.map((l) => [
      levelKey(l.product_id, l.location_id),
      { quantity: parseMilli(l.quantity), low: l.low === null ? null : parseMilli(l.low) },
    ]),
  );
  const bySku = new Map(existing.flatMap((p) => (p.sku ? [[p.sku, p] as const] : [])));
  const byBarcode = new Map(existing.flatMap((p) => (p.barcode ? [[p.barcode, p] as const] : [])));
  const byName = new Map(existing.map((p) => [p.name, p]));
  const claimed = new Map<string, number>();
  const newLocations = new Map<string, string>();
  const items: PlannedProduct[] = [];
  for (const record of records) {
    const match =
      (record.sku && bySku.get(record.sku)) ||
      (record.barcode && byBarcode.get(record.barcode)) ||
      byName.get(record.name) ||
      undefined;
    const other = (code: "sku" | "barcode", owner: Existing | undefined) => {
      if (!owner || owner.id === match?.id) return false;
      issues.error(
        record.row,
        code === "sku" ? "SKU" : "barcode",
        code === "sku" ? "sku_taken" : "barcode_taken",
        `The ${code === "sku" ? "SKU" : "barcode"} "${record[code]}" already belongs to "${owner.name}". Change it in the file.`,
        { value: String(record[code]), name: owner.name },
      );
      return true;
    };
    if (other("sku", record.sku ? bySku.get(record.sku) : undefined)) continue;
    if (other("barcode", record.barcode ? byBarcode.get(record.barcode) : undefined)) continue;
    if (match) {
      const first = claimed.get(match.id);
      if (first !== undefined) {
        issues.error(
          record.row,
          null,
          "same_as_row",
          `This row and row ${first} are both "${match.name}". Keep one of them.`,
          {
            row: first,
            name: match.name,
          },
        );
        continue;
      }
      claimed.set(match.id, record.row);
    }
    for (const s of record.stock) {
      const key = s.location.trim().toLowerCase();
      if (!locations.has(key) && !newLocations.has(key)) newLocations.set(key, s.location.trim());
    }
    const id = match?.id ?? randomUUID();
    const action: Action = !match ? "new" : changed(record, match, levels, locations) ? "update" : "unchanged";
    items.push({ record, action, id });
  }
  return { items, newLocations: [...newLocations.values()], locations, levels };
}

function changed(
  r: ProductRecord,
  p: Existing,
  levels: ProductPlan["levels"],
  locations: Map<string, string>,
): boolean {
  const differs =
    (r.sku !== undefined && r.sku !== p.sku) ||
    (r.barcode !== undefined && r.barcode !== p.barcode) ||
    (r.category !== undefined && r.category !== p.category) ||
    (r.unit !== undefined && r.unit !== p.unit) ||
    (r.price !== undefined && r.price !== p.price) ||
    (r.priceAtSale !== undefined && r.priceAtSale !== p.price_at_sale) ||
    (r.cost !== undefined && r.cost !== p.cost) ||
    (r.lowStockMilli !== undefined && r.lowStockMilli !== parseMilli(p.low)) ||
    r.name !== p.name;
  if (differs) return true;
  return r.stock.some((s) => {
    const locationId = locations.get(s.location.trim().toLowerCase());
    if (!locationId) return true;
    const level = levels.get(levelKey(p.id, locationId));
    if (s.quantityMilli !== undefined && s.quantityMilli !== (level?.quantity ?? 0)) return true;
    return s.lowStockMilli !== undefined && s.lowStockMilli !== (level?.low ?? null);
  });
}

/** A row as the preview shows it: what will be saved. */
export function productPreview(item: PlannedProduct) {
  const r = item.record;
  return {
    row: r.row,
    action: item.action,
    values: {
      name: r.name,
      sku: r.sku ?? null,
      barcode: r.barcode ?? null,
      category: r.category ?? null,
      price: r.price ?? null,
      priceAtSale: r.priceAtSale ?? false,
      cost: r.cost ?? null,
      unit: r.unit ?? null,
      lowStockThreshold: r.lowStockMilli === undefined ? null : fromMilli(r.lowStockMilli),
      stock:
        r.stock
          .filter((s) => s.quantityMilli !== undefined)
          .map((s) => `${s.location}: ${fromMilli(s.quantityMilli ?? 0)}`)
          .join("; ") || null,
    },
  };
}
