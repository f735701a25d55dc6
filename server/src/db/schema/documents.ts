/** Stored documents and receipts. */
import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { businessId } from "./business.js";
import { createdAt, DOCUMENT_KINDS, id, oneOf } from "./columns.js";
import { customers } from "./customers.js";
import { sales } from "./sales.js";
import { byUser } from "./users.js";

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
