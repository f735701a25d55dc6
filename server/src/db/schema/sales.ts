/** Sales, their lines and payments. */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { businessId, locations } from "./business.js";
import { createdAt, id, money, oneOf, PAYMENT_KINDS, qty, SALE_KINDS, SALE_STATUSES } from "./columns.js";
import { customers } from "./customers.js";
import { products } from "./products.js";
import { byUser, users } from "./users.js";

/** What the server noted about a sale recorded offline (contracts: OfflineMark). */
export interface OfflineMarkRow {
  recordedAt: string;
  provisional: string;
  overLimit: boolean;
  priceChanged: boolean;
  acceptedBy: string | null;
}

export const sales = pgTable(
  "sales",
  {
    /**
     * Made by the client, so a retried request finds the sale it already made. Unique within the
     * business (sales_business_id_uq is the key): another business's id is no concern of this one.
     */
    id: uuid("id").notNull(),
    businessId: businessId(),
    /**
     * The receipt number, gapless per business. Taken last in the recording transaction, just before
     * it commits, so the business's counter row is held for a moment, not for the whole sale; null
     * only inside that transaction (decision 004).
     */
    number: integer("number"),
    locationId: uuid("location_id").notNull(),
    userId: uuid("user_id").notNull(),
    customerId: uuid("customer_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    /** The calendar day in the business's time zone, fixed when the sale is written. */
    businessDate: date("business_date", { mode: "string" }).notNull(),
    subtotal: money("subtotal").notNull(),
    discount: money("discount").notNull().default(0),
    total: money("total").notNull(),
    paymentMethod: text("payment_method").notNull(),
    amountTendered: money("amount_tendered"),
    /** The mobile-money transaction code (M-Pesa's "QGH7…"), upper case, for finding the sale by it. */
    paymentReference: text("payment_reference"),
    note: text("note"),
    status: text("status", { enum: SALE_STATUSES }).notNull().default("completed"),
    backdated: boolean("backdated").notNull().default(false),
    /** Recorded on a phone while offline (provisional number, the phone's time, what to check). */
    offline: jsonb("offline").$type<OfflineMarkRow>(),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedBy: uuid("voided_by"),
    voidReason: text("void_reason"),
    /** Hash of the request body, to tell an honest retry from a reused id. */
    requestHash: text("request_hash").notNull(),
    /** `refund`: another system's refund receipt, counted as money back on its own day. */
    kind: text("kind", { enum: SALE_KINDS }).notNull().default("sale"),
    /** Brought in from a file (past sales): moved no stock, and is matched again by external_ref. */
    imported: boolean("imported").notNull().default(false),
    /** The receipt number in the system it came from, and the till or register that issued it. */
    externalRef: text("external_ref"),
    register: text("register"),
    /** Who served, as that system named them: not a Duka user. */
    cashierName: text("cashier_name"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("sales_business_number_uq").on(t.businessId, t.number),
    uniqueIndex("sales_business_external_uq").on(t.businessId, t.externalRef).where(sql`${t.externalRef} is not null`),
    oneOf("sales_kind_ck", t.kind, SALE_KINDS),
    unique("sales_business_id_uq").on(t.businessId, t.id),
    index("sales_business_date_idx").on(t.businessId, t.businessDate),
    index("sales_business_occurred_idx").on(t.businessId, t.occurredAt),
    index("sales_customer_idx").on(t.businessId, t.customerId, t.occurredAt),
    // Found by the code or its first characters: text_pattern_ops lets LIKE 'x%' use it under any collation.
    index("sales_business_reference_idx").on(t.businessId, sql`${t.paymentReference} text_pattern_ops`),
    foreignKey({ columns: [t.businessId, t.locationId], foreignColumns: [locations.businessId, locations.id] }),
    foreignKey({ columns: [t.businessId, t.userId], foreignColumns: [users.businessId, users.id] }),
    foreignKey({ columns: [t.businessId, t.customerId], foreignColumns: [customers.businessId, customers.id] }),
    byUser(t.businessId, t.voidedBy),
    oneOf("sales_status_ck", t.status, SALE_STATUSES),
    check(
      "sales_money_ck",
      sql`${t.subtotal} >= 0 and ${t.discount} >= 0 and ${t.total} >= 0 and ${t.discount} <= ${t.subtotal}`,
    ),
    check("sales_total_ck", sql`${t.total} = ${t.subtotal} - ${t.discount}`),
  ],
);

export const saleLines = pgTable(
  "sale_lines",
  {
    businessId: businessId(),
    saleId: uuid("sale_id").notNull(),
    lineNo: integer("line_no").notNull(),
    productId: uuid("product_id").notNull(),
    name: text("name").notNull(),
    quantity: qty("quantity").notNull(),
    unitPrice: money("unit_price").notNull(),
    discount: money("discount").notNull().default(0),
    lineTotal: money("line_total").notNull(),
    unitCost: money("unit_cost"),
    refundedQuantity: qty("refunded_quantity").notNull().default("0"),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.saleId, t.lineNo] }),
    index("sale_lines_product_idx").on(t.businessId, t.productId),
    foreignKey({ columns: [t.businessId, t.saleId], foreignColumns: [sales.businessId, sales.id] }).onDelete("cascade"),
    foreignKey({ columns: [t.businessId, t.productId], foreignColumns: [products.businessId, products.id] }),
    check("sale_lines_quantity_ck", sql`${t.quantity} > 0`),
    check("sale_lines_money_ck", sql`${t.unitPrice} >= 0 and ${t.discount} >= 0 and ${t.lineTotal} >= 0`),
    check("sale_lines_refund_ck", sql`${t.refundedQuantity} >= 0 and ${t.refundedQuantity} <= ${t.quantity}`),
  ],
);

export const payments = pgTable(
  "payments",
  {
    id: id(),
    businessId: businessId(),
    kind: text("kind", { enum: PAYMENT_KINDS }).notNull(),
    saleId: uuid("sale_id"),
    customerId: uuid("customer_id"),
    method: text("method").notNull(),
    amount: money("amount").notNull(),
    userId: uuid("user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("payments_sale_idx").on(t.businessId, t.saleId),
    index("payments_customer_idx").on(t.businessId, t.customerId),
    foreignKey({ columns: [t.businessId, t.saleId], foreignColumns: [sales.businessId, sales.id] }),
    foreignKey({ columns: [t.businessId, t.customerId], foreignColumns: [customers.businessId, customers.id] }),
    byUser(t.businessId, t.userId),
    oneOf("payments_kind_ck", t.kind, PAYMENT_KINDS),
    check("payments_amount_ck", sql`${t.amount} > 0`),
  ],
);
