import { and, eq, isNotNull, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { products, stockLevels } from "../../db/schema.js";
import { parseMilli } from "../../lib/quantity.js";

/** The products table and a product's own stock settings per location (thresholds, levels read). */

export type ProductRow = typeof products.$inferSelect;
export type NewProductRow = Omit<typeof products.$inferInsert, "businessId">;
export type ProductChange = Partial<Omit<NewProductRow, "id" | "createdAt">>;

export async function insertProduct(tx: Tx, businessId: string, values: NewProductRow): Promise<string> {
  const [row] = await tx
    .insert(products)
    .values({ ...values, businessId })
    .returning({ id: products.id });
  if (!row) throw new Error("product insert returned nothing");
  return row.id;
}

/** False when there is no such product in the business. */
export async function updateProductRow(tx: Tx, businessId: string, id: string, set: ProductChange) {
  const [row] = await tx
    .update(products)
    .set(set)
    .where(and(eq(products.businessId, businessId), eq(products.id, id)))
    .returning({ id: products.id });
  return row !== undefined;
}

export async function findProductRow(tx: Tx, businessId: string, id: string): Promise<ProductRow | null> {
  const [row] = await tx
    .select()
    .from(products)
    .where(and(eq(products.businessId, businessId), eq(products.id, id)));
  return row ?? null;
}

/** The categories of products still on sale, in order. */
export async function activeCategories(tx: Tx, businessId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ category: products.category })
    .from(products)
    .where(and(eq(products.businessId, businessId), isNotNull(products.category), eq(products.archived, false)))
    .orderBy(products.category);
  return rows.flatMap((r) => (r.category ? [r.category] : []));
}

/** Sets (or clears, with null) the location's own threshold; creates the level row with 0 if needed. */
export async function setLocationThreshold(
  tx: Tx,
  businessId: string,
  productId: string,
  locationId: string,
  value: string | null,
) {
  await tx
    .insert(stockLevels)
    .values({ businessId, productId, locationId, lowStockThreshold: value })
    .onConflictDoUpdate({ target: [stockLevels.productId, stockLevels.locationId], set: { lowStockThreshold: value } });
}

export interface ProductLevel {
  locationId: string;
  quantityMilli: number;
  overrideMilli: number | null;
  carried: boolean;
  counted: boolean;
}

/** The product's level rows at every location that has one. */
export async function productLevels(tx: Tx, businessId: string, productId: string): Promise<ProductLevel[]> {
  const rows = await queryRows<{
    location_id: string;
    quantity: string | null;
    override: string | null;
    carried: boolean;
    counted: boolean;
  }>(
    tx,
    sql`select location_id, quantity::text as quantity, low_stock_threshold::text as override, carried,
          counted_at is not null as counted
        from stock_levels where business_id = ${businessId} and product_id = ${productId}`,
  );
  return rows.map((r) => ({
    locationId: r.location_id,
    quantityMilli: parseMilli(r.quantity ?? "0"),
    overrideMilli: r.override ? parseMilli(r.override) : null,
    carried: r.carried,
    counted: r.counted,
  }));
}

/** A product's own columns as raw SQL answers them (money may come back as text). */
export interface ProductColumnsRow {
  id: string;
  name: string;
  sku: string | null;
  barcode: string | null;
  category: string | null;
  unit: string;
  price: string | number;
  price_at_sale: boolean;
  cost: string | number | null;
  archived: boolean;
}

export interface ExportRow extends ProductColumnsRow {
  low_stock_threshold: string;
  levels: Record<string, string> | null;
}

/** Every product with its level per location (location id → quantity text), in name order. */
export async function productsForExport(tx: Tx, businessId: string) {
  return queryRows<ExportRow>(
    tx,
    sql`select p.id, p.name, p.sku, p.barcode, p.category, p.unit, p.price, p.price_at_sale, p.cost, p.archived,
          p.low_stock_threshold::text as low_stock_threshold,
          (select jsonb_object_agg(sl.location_id, sl.quantity::text) from stock_levels sl
            where sl.business_id = p.business_id and sl.product_id = p.id) as levels
        from products p where p.business_id = ${businessId}
        order by lower(p.name), p.id`,
  );
}
