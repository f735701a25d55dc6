/** Stock levels, the stock ledger and counts. */
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { businessId, locations } from "./business.js";
import { COUNT_STATUSES, createdAt, id, MOVEMENT_KINDS, money, oneOf, qty, updatedAt } from "./columns.js";
import { products } from "./products.js";
import { sales } from "./sales.js";
import { byUser } from "./users.js";

export const stockLevels = pgTable(
  "stock_levels",
  {
    businessId: businessId(),
    productId: uuid("product_id").notNull(),
    locationId: uuid("location_id").notNull(),
    quantity: qty("quantity").notNull().default("0"),
    /** Per-location override of the product's threshold. */
    lowStockThreshold: qty("low_stock_threshold"),
    /**
     * When the stock here was first known: the first count, receipt or import. Null: not counted
     * yet, so sales may take it below zero and it needs counting (docs/decisions/014-stock-not-counted.md).
     */
    countedAt: timestamp("counted_at", { withTimezone: true }),
    /** The location sells this product: only carried pairs count in stock status and alerts. */
    carried: boolean("carried").notNull().default(true),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.locationId] }),
    index("stock_levels_business_location_idx").on(t.businessId, t.locationId),
    foreignKey({ columns: [t.businessId, t.productId], foreignColumns: [products.businessId, products.id] }),
    foreignKey({ columns: [t.businessId, t.locationId], foreignColumns: [locations.businessId, locations.id] }),
  ],
);

export const stockMovements = pgTable(
  "stock_movements",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    businessId: businessId(),
    productId: uuid("product_id").notNull(),
    locationId: uuid("location_id").notNull(),
    kind: text("kind", { enum: MOVEMENT_KINDS }).notNull(),
    quantity: qty("quantity").notNull(),
    levelAfter: qty("level_after").notNull(),
    reason: text("reason"),
    note: text("note"),
    unitCost: money("unit_cost"),
    saleId: uuid("sale_id"),
    transferId: uuid("transfer_id"),
    userId: uuid("user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("stock_movements_product_idx").on(t.businessId, t.productId, t.createdAt),
    index("stock_movements_location_idx").on(t.businessId, t.locationId, t.createdAt),
    foreignKey({ columns: [t.businessId, t.productId], foreignColumns: [products.businessId, products.id] }),
    foreignKey({ columns: [t.businessId, t.locationId], foreignColumns: [locations.businessId, locations.id] }),
    check("stock_movements_quantity_ck", sql`${t.quantity} <> 0`),
    check("stock_movements_unit_cost_ck", sql`${t.unitCost} is null or ${t.unitCost} >= 0`),
    oneOf("stock_movements_kind_ck", t.kind, MOVEMENT_KINDS),
    byUser(t.businessId, t.userId),
    foreignKey({ columns: [t.businessId, t.saleId], foreignColumns: [sales.businessId, sales.id] }),
  ],
);

export const stockCounts = pgTable(
  "stock_counts",
  {
    id: id(),
    businessId: businessId(),
    locationId: uuid("location_id").notNull(),
    status: text("status", { enum: COUNT_STATUSES }).notNull().default("open"),
    note: text("note"),
    createdBy: uuid("created_by"),
    appliedBy: uuid("applied_by"),
    createdAt: createdAt(),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
  },
  (t) => [
    unique("stock_counts_business_id_uq").on(t.businessId, t.id),
    foreignKey({ columns: [t.businessId, t.locationId], foreignColumns: [locations.businessId, locations.id] }),
    oneOf("stock_counts_status_ck", t.status, COUNT_STATUSES),
    byUser(t.businessId, t.createdBy),
    byUser(t.businessId, t.appliedBy),
  ],
);

export const stockCountLines = pgTable(
  "stock_count_lines",
  {
    businessId: businessId(),
    countId: uuid("count_id").notNull(),
    productId: uuid("product_id").notNull(),
    counted: qty("counted").notNull(),
    expected: qty("expected"),
    countedBy: uuid("counted_by"),
    countedAt: timestamp("counted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.countId, t.productId] }),
    foreignKey({
      columns: [t.businessId, t.countId],
      foreignColumns: [stockCounts.businessId, stockCounts.id],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.businessId, t.productId], foreignColumns: [products.businessId, products.id] }),
    check("stock_count_lines_counted_ck", sql`${t.counted} >= 0`),
  ],
);
