/** Offline writes that need attention. */
import { foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { businessId } from "./business.js";
import { ATTENTION_STATUSES, createdAt, oneOf, SYNC_KINDS } from "./columns.js";
import { users } from "./users.js";

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
