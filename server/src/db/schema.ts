/**
 * The whole data model. Money is bigint minor units (mode "number": safe up to 2^53, checked at the
 * edge); quantities are numeric(14,3) — exact, three decimals for weighed goods (see
 * docs/decisions/003-quantities-and-money.md). Every business-owned table carries business_id and
 * is protected by row-level security (migrations/0001_rls.sql).
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  type PgColumn,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const id = () => uuid("id").primaryKey().defaultRandom();
const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const money = (name: string) => bigint(name, { mode: "number" });
const qty = (name: string) => numeric(name, { precision: 14, scale: 3 });
const businessId = () =>
  uuid("business_id")
    .notNull()
    .references(() => businesses.id, { onDelete: "cascade" });

// The schema stays free of workspace imports: drizzle-kit and the test set-up load it on their own,
// before the contracts are built. These lists match the contracts' enums; the CHECKs hold them.
const MOVEMENT_KINDS = [
  "receive",
  "adjust",
  "transfer_out",
  "transfer_in",
  "sale",
  "void",
  "refund",
  "count",
  "import",
] as const;
const COUNT_STATUSES = ["open", "applied", "cancelled"] as const;
const SALE_STATUSES = ["completed", "voided"] as const;
/** A refund receipt brought in from another system stands on its own day (decision 019). */
const SALE_KINDS = ["sale", "refund"] as const;
const PAYMENT_KINDS = ["sale", "repayment", "refund"] as const;
const LEDGER_KINDS = ["credit_sale", "repayment", "void", "refund", "advance", "opening"] as const;
const DOCUMENT_KINDS = ["document", "receipt"] as const;
const SYNC_KINDS = ["sale", "customer", "repayment"] as const;
const ATTENTION_STATUSES = ["open", "resolved", "discarded"] as const;
const IMPORT_KINDS = ["products", "customers", "sales"] as const;
const IMPORT_STATUSES = ["preview", "committed"] as const;

/** The database, not only the code, refuses a value outside a text column's list. */
function oneOf(name: string, column: PgColumn, values: readonly string[]) {
  return check(name, sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(", "))})`);
}
/** Who did it: a user of the same business. */
const byUser = (businessId: PgColumn, userId: PgColumn) =>
  foreignKey({ columns: [businessId, userId], foreignColumns: [users.businessId, users.id] });

/** What the server noted about a sale recorded offline (contracts: OfflineMark). */
export interface OfflineMarkRow {
  recordedAt: string;
  provisional: string;
  overLimit: boolean;
  priceChanged: boolean;
  acceptedBy: string | null;
}

export interface BusinessSettings {
  allowNegativeStock?: boolean;
  staffMayDiscount?: boolean;
  maxDiscountPercent?: number;
  staffMayChangePrice?: boolean;
  allowCreditOverLimit?: boolean;
  paymentMethods?: { method: string; label?: string; hidden?: boolean }[];
}

export const businesses = pgTable(
  "businesses",
  {
    id: id(),
    name: text("name").notNull(),
    currency: text("currency").notNull(),
    timeZone: text("time_zone").notNull(),
    country: text("country"),
    locale: text("locale").notNull().default("en"),
    settings: jsonb("settings").$type<BusinessSettings>().notNull().default({}),
    nextSaleNumber: integer("next_sale_number").notNull().default(1),
    /** Short code staff type once on a new phone, so their login need only be unique in this shop. */
    code: text("code").notNull().default(sql`duka_shop_code()`),
    createdAt: createdAt(),
  },
  (t) => [
    check("businesses_currency_ck", sql`${t.currency} ~ '^[A-Z]{3}$'`),
    uniqueIndex("businesses_code_uq").on(t.code),
  ],
);

export const locations = pgTable(
  "locations",
  {
    id: id(),
    businessId: businessId(),
    name: text("name").notNull(),
    address: text("address"),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("locations_business_name_uq").on(t.businessId, sql`lower(${t.name})`),
    unique("locations_business_id_uq").on(t.businessId, t.id),
  ],
);

export const users = pgTable(
  "users",
  {
    id: id(),
    businessId: businessId(),
    name: text("name").notNull(),
    role: text("role", { enum: ["owner", "staff"] }).notNull(),
    /** Email, phone or username, stored lower-cased; an owner's is unique across Duka, staff's within the shop. */
    login: text("login").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** SHA-256 of the owner's recovery code (high-entropy, so no slow hash is needed). */
    recoveryHash: text("recovery_hash"),
    active: boolean("active").notNull().default(true),
    locationId: uuid("location_id"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_business_login_uq").on(t.businessId, t.login),
    uniqueIndex("users_owner_login_uq").on(t.login).where(sql`${t.role} = 'owner'`),
    index("users_login_idx").on(t.login),
    unique("users_business_id_uq").on(t.businessId, t.id),
    index("users_business_idx").on(t.businessId),
    check("users_role_ck", sql`${t.role} in ('owner','staff')`),
    foreignKey({ columns: [t.businessId, t.locationId], foreignColumns: [locations.businessId, locations.id] }),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    businessId: businessId(),
    userId: uuid("user_id").notNull(),
    /** SHA-256 of the random token; the token itself is only ever in the cookie. */
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    uniqueIndex("sessions_token_hash_uq").on(t.tokenHash),
    index("sessions_user_idx").on(t.userId),
    foreignKey({ columns: [t.businessId, t.userId], foreignColumns: [users.businessId, users.id] }).onDelete("cascade"),
  ],
);

/** Password-reset links sent by email; the token itself is only in the email. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    businessId: businessId(),
    userId: uuid("user_id").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("password_resets_token_hash_uq").on(t.tokenHash),
    foreignKey({ columns: [t.businessId, t.userId], foreignColumns: [users.businessId, users.id] }).onDelete("cascade"),
  ],
);

/** Failed sign-in attempts, keyed by account and by client address; not business data. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: text("key").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_key_at_idx").on(t.key, t.at)],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    businessId: businessId(),
    userId: uuid("user_id"),
    action: text("action").notNull(),
    entity: text("entity"),
    entityId: text("entity_id"),
    details: jsonb("details"),
    ip: text("ip"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_business_at_idx").on(t.businessId, t.at), byUser(t.businessId, t.userId)],
);

export const customers = pgTable(
  "customers",
  {
    id: id(),
    businessId: businessId(),
    name: text("name").notNull(),
    phone: text("phone"),
    email: text("email"),
    address: text("address"),
    notes: text("notes"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    creditLimit: money("credit_limit"),
    archived: boolean("archived").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("customers_business_phone_uq").on(t.businessId, t.phone),
    unique("customers_business_id_uq").on(t.businessId, t.id),
    index("customers_business_name_idx").on(t.businessId, sql`lower(${t.name})`),
    // Search at tens of thousands of customers (see modules/customers/search.ts): name prefix,
    // any word's prefix (full-text 'simple' config: built in, no extension, same on PGlite), and
    // phone prefix or suffix. text_pattern_ops makes LIKE 'x%' use the index under any collation.
    index("customers_business_name_prefix_idx").on(t.businessId, sql`lower(${t.name}) text_pattern_ops`),
    index("customers_name_words_idx").using("gin", sql`to_tsvector('simple', ${t.name})`),
    index("customers_business_phone_prefix_idx").on(t.businessId, sql`${t.phone} text_pattern_ops`),
    index("customers_business_phone_suffix_idx").on(t.businessId, sql`reverse(${t.phone}) text_pattern_ops`),
    check("customers_credit_limit_ck", sql`${t.creditLimit} is null or ${t.creditLimit} >= 0`),
  ],
);

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

/** The credit book: a customer's balance is the sum of these rows, never a stored number. */
export const customerLedger = pgTable(
  "customer_ledger",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    businessId: businessId(),
    customerId: uuid("customer_id").notNull(),
    kind: text("kind", { enum: LEDGER_KINDS }).notNull(),
    /** Positive: the customer owes more; negative: the customer paid. */
    amount: money("amount").notNull(),
    saleId: uuid("sale_id"),
    paymentId: uuid("payment_id"),
    note: text("note"),
    userId: uuid("user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("customer_ledger_customer_idx").on(t.businessId, t.customerId, t.createdAt),
    foreignKey({ columns: [t.businessId, t.customerId], foreignColumns: [customers.businessId, customers.id] }),
    byUser(t.businessId, t.userId),
    oneOf("customer_ledger_kind_ck", t.kind, LEDGER_KINDS),
    check("customer_ledger_amount_ck", sql`${t.amount} <> 0`),
  ],
);

export const documents = pgTable(
  "documents",
  {
    id: id(),
    businessId: businessId(),
    kind: text("kind", { enum: DOCUMENT_KINDS }).notNull().default("document"),
    saleId: uuid("sale_id"),
    customerId: uuid("customer_id"),
    stockMovementId: bigint("stock_movement_id", { mode: "number" }),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    storageKey: text("storage_key").notNull(),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("documents_business_idx").on(t.businessId, t.createdAt),
    uniqueIndex("documents_storage_key_uq").on(t.storageKey),
    check("documents_size_ck", sql`${t.size} >= 0`),
    oneOf("documents_kind_ck", t.kind, DOCUMENT_KINDS),
    byUser(t.businessId, t.createdBy),
    foreignKey({ columns: [t.businessId, t.saleId], foreignColumns: [sales.businessId, sales.id] }),
    foreignKey({ columns: [t.businessId, t.customerId], foreignColumns: [customers.businessId, customers.id] }),
  ],
);

/**
 * Sales figures per day, location, staff member and payment method, kept in the same transaction as
 * the sale, its void or its refund (modules/sales/summary.ts), so the dashboard and the reports read
 * a few rows a day instead of every sale (docs/decisions/005-sales-summaries.md). Derived data:
 * `rebuildSalesSummary` recomputes it from the sales.
 */
export const salesDaily = pgTable(
  "sales_daily",
  {
    businessId: businessId(),
    businessDate: date("business_date", { mode: "string" }).notNull(),
    locationId: uuid("location_id").notNull(),
    userId: uuid("user_id").notNull(),
    paymentMethod: text("payment_method").notNull(),
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
  },
  (t) => [
    primaryKey({
      name: "sales_daily_pk",
      columns: [t.businessId, t.businessDate, t.locationId, t.userId, t.paymentMethod],
    }),
    foreignKey({ columns: [t.businessId, t.locationId], foreignColumns: [locations.businessId, locations.id] }),
    byUser(t.businessId, t.userId),
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
    foreignKey({ columns: [t.businessId, t.locationId], foreignColumns: [locations.businessId, locations.id] }),
    byUser(t.businessId, t.userId),
    foreignKey({ columns: [t.businessId, t.productId], foreignColumns: [products.businessId, products.id] }),
  ],
);

/**
 * A file brought in (modules/imports): first a preview, kept for an hour with the rows as they will be
 * saved, then the committed record of the import history. `headerKey` finds the mapping the owner
 * used last time for a file with the same columns.
 */
export const imports = pgTable(
  "imports",
  {
    id: id(),
    businessId: businessId(),
    kind: text("kind", { enum: IMPORT_KINDS }).notNull(),
    format: text("format").notNull(),
    filename: text("filename").notNull(),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("preview"),
    headerKey: text("header_key").notNull(),
    mapping: jsonb("mapping").$type<Record<string, string>>().notNull(),
    counts: jsonb("counts").$type<{ new: number; update: number; unchanged: number; error: number }>().notNull(),
    /** The validated rows and the preview's answer; dropped once committed or expired. */
    payload: jsonb("payload"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    committedAt: timestamp("committed_at", { withTimezone: true }),
  },
  (t) => [
    index("imports_business_idx").on(t.businessId, t.createdAt),
    index("imports_business_header_idx").on(t.businessId, t.headerKey),
    oneOf("imports_kind_ck", t.kind, IMPORT_KINDS),
    oneOf("imports_status_ck", t.status, IMPORT_STATUSES),
    byUser(t.businessId, t.createdBy),
  ],
);

/** Whole-database backups; operational data, not any one business's. */
export const backups = pgTable("backups", {
  id: id(),
  key: text("key").notNull(),
  status: text("status", { enum: ["running", "succeeded", "failed", "deleted"] }).notNull(),
  trigger: text("trigger", { enum: ["schedule", "manual"] }).notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  verifiedAt: timestamp("verified_at", { withTimezone: true }),
  size: bigint("size", { mode: "number" }),
  manifest: jsonb("manifest"),
  error: text("error"),
});

/** Tables that hold one business's data: each is under row-level security. */
/**
 * A write a phone queued offline that the server refused when it arrived ("needs attention"):
 * kept with its full content until someone sends it again fixed, or discards it with a reason.
 */
export const syncAttention = pgTable(
  "sync_attention",
  {
    businessId: businessId(),
    /** The write's own client-made id. */
    clientId: uuid("client_id").notNull(),
    userId: uuid("user_id").notNull(),
    kind: text("kind", { enum: SYNC_KINDS }).notNull(),
    body: jsonb("body").notNull(),
    code: text("code").notNull(),
    message: text("message").notNull(),
    status: text("status", { enum: ATTENTION_STATUSES }).notNull().default("open"),
    reason: text("reason"),
    resolvedBy: uuid("resolved_by"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.businessId, t.clientId] }),
    index("sync_attention_open_idx").on(t.businessId, t.status, t.createdAt),
    oneOf("sync_attention_kind_ck", t.kind, SYNC_KINDS),
    oneOf("sync_attention_status_ck", t.status, ATTENTION_STATUSES),
    foreignKey({ columns: [t.businessId, t.userId], foreignColumns: [users.businessId, users.id] }),
  ],
);

export const businessTables = [
  "businesses",
  "locations",
  "users",
  "sessions",
  "password_resets",
  "audit_log",
  "customers",
  "products",
  "stock_levels",
  "stock_movements",
  "stock_counts",
  "stock_count_lines",
  "sales",
  "sale_lines",
  "payments",
  "customer_ledger",
  "documents",
  "sales_daily",
  "product_sales_daily",
  "sync_attention",
  "imports",
] as const;
