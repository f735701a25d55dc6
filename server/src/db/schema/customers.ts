/** Customers and their credit book. */
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { businessId } from "./business.js";
import { createdAt, id, LEDGER_KINDS, money, oneOf, updatedAt } from "./columns.js";
import { byUser } from "./users.js";

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
