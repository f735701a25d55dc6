/** The catalogue. */
import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { businessId } from "./business.js";
import { createdAt, id, money, qty, updatedAt } from "./columns.js";

export const products = pgTable(
  "products",
  {
    id: id(),
    businessId: businessId(),
    name: text("name").notNull(),
    sku: text("sku"),
    barcode: text("barcode"),
    category: text("category"),
    unit: text("unit").notNull().default("piece"),
    price: money("price").notNull(),
    /** The price is typed at the till for each sale (market produce, services); `price` is then 0. */
    priceAtSale: boolean("price_at_sale").notNull().default(false),
    cost: money("cost"),
    lowStockThreshold: qty("low_stock_threshold").notNull().default("0"),
    archived: boolean("archived").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("products_business_sku_uq").on(t.businessId, t.sku),
    uniqueIndex("products_business_barcode_uq").on(t.businessId, t.barcode),
    unique("products_business_id_uq").on(t.businessId, t.id),
    index("products_business_name_idx").on(t.businessId, sql`lower(${t.name})`),
    check("products_price_ck", sql`${t.price} >= 0`),
    check("products_cost_ck", sql`${t.cost} is null or ${t.cost} >= 0`),
    check("products_threshold_ck", sql`${t.lowStockThreshold} >= 0`),
  ],
);
