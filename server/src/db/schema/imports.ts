/** Import previews and history. */
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { businessId } from "./business.js";
import { createdAt, IMPORT_KINDS, IMPORT_STATUSES, id, oneOf } from "./columns.js";
import { byUser } from "./users.js";

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
