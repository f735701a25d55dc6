/** Backups. */
import { bigint, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { id } from "./columns.js";

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
