/** The sales summaries behind the dashboard and the reports (docs/decisions/005-sales-summaries.md). */
import { date, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { businessId } from "./business.js";
import { money } from "./columns.js";

/**
 * What sales_daily and sales_monthly count for each of their keys: sales, items, money in and out,
 * voids, and cost of goods.
 */
const salesFigures = () => ({
  salesCount: integer("sales_count").notNull().default(0),
  itemsSold: numeric("items_sold", { precision: 20, scale: 3 }).notNull().default("0"),
  gross: money("gross").notNull().default(0),
  discounts: money("discounts").notNull().default(0),
  refunds: money("refunds").notNull().default(0),
  net: money("net").notNull().default(0),
  voidsCount: integer("voids_count").notNull().default(0),
  voidedAmount: money("voided_amount").notNull().default(0),
  /** Each line's cost, rounded per line, as the reports show it. */
  costOfGoods: money("cost_of_goods").notNull().default(0),
  linesWithoutCost: integer("lines_without_cost").notNull().default(0),
  /** Revenue and exact cost of the lines whose cost is known: the dashboard's margin. Exact numerics. */
  coveredRevenue: numeric("covered_revenue").notNull().default("0"),
  coveredCost: numeric("covered_cost").notNull().default("0"),
});

/**
 * Sales figures per day, location, staff member and payment method, kept in the same transaction as
 * the sale, its void or its refund (modules/summaries/summary-writer.repository.ts), so the dashboard and the reports read
 * a few rows a day instead of every sale (docs/decisions/005-sales-summaries.md). Derived data:
 * `rebuildSalesSummary` recomputes it from the sales. Only the business is a foreign key: each row's
 * location, staff member and product come from sales and lines that reference them already, and a
 * per-row check of each would cost a rebuild most of its time (decision 012).
 */
export const salesDaily = pgTable(
  "sales_daily",
  {
    businessId: businessId(),
    businessDate: date("business_date", { mode: "string" }).notNull(),
    locationId: uuid("location_id").notNull(),
    userId: uuid("user_id").notNull(),
    paymentMethod: text("payment_method").notNull(),
    ...salesFigures(),
  },
  (t) => [
    primaryKey({
      name: "sales_daily_pk",
      columns: [t.businessId, t.businessDate, t.locationId, t.userId, t.paymentMethod],
    }),
  ],
);

/** Quantity and revenue per product, day, location and staff member: best sellers without reading lines. */
export const productSalesDaily = pgTable(
  "product_sales_daily",
  {
    businessId: businessId(),
    businessDate: date("business_date", { mode: "string" }).notNull(),
    locationId: uuid("location_id").notNull(),
    userId: uuid("user_id").notNull(),
    productId: uuid("product_id").notNull(),
    quantity: numeric("quantity", { precision: 20, scale: 3 }).notNull().default("0"),
    revenue: numeric("revenue").notNull().default("0"),
  },
  (t) => [
    primaryKey({
      name: "product_sales_daily_pk",
      columns: [t.businessId, t.businessDate, t.locationId, t.userId, t.productId],
    }),
  ],
);

/**
 * The same figures as sales_daily per calendar month (`month` is its first day): the monthly report
 * reads a year as a few hundred rows instead of some 30,000 (docs/decisions/028-owner-reads-at-scale.md).
 * Kept by the same statement as sales_daily, from the same per-day rows.
 */
export const salesMonthly = pgTable(
  "sales_monthly",
  {
    businessId: businessId(),
    month: date("month", { mode: "string" }).notNull(),
    locationId: uuid("location_id").notNull(),
    userId: uuid("user_id").notNull(),
    paymentMethod: text("payment_method").notNull(),
    ...salesFigures(),
  },
  (t) => [
    primaryKey({
      name: "sales_monthly_pk",
      columns: [t.businessId, t.month, t.locationId, t.userId, t.paymentMethod],
    }),
  ],
);

/**
 * Quantity and revenue per product and calendar month, the whole business: the owner's best sellers
 * of a month read one row per product sold (~18,000 at 1,000,000 sales) instead of one per product,
 * day, location and staff member (~97,000). Kept by the same statement as product_sales_daily.
 */
export const productSalesMonthly = pgTable(
  "product_sales_monthly",
  {
    businessId: businessId(),
    month: date("month", { mode: "string" }).notNull(),
    productId: uuid("product_id").notNull(),
    quantity: numeric("quantity", { precision: 20, scale: 3 }).notNull().default("0"),
    revenue: numeric("revenue").notNull().default("0"),
  },
  (t) => [primaryKey({ name: "product_sales_monthly_pk", columns: [t.businessId, t.month, t.productId] })],
);
