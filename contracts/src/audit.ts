import { z } from "zod";
import { Id, Instant, SerialCursor } from "./common.js";

/** Everything the activity log records; each has its label in every language (`admin.audit.<action>`). */
export const AUDIT_ACTIONS = [
  "business.created",
  "business.updated",
  "auth.login",
  "auth.login_failed",
  "auth.logout",
  "user.created",
  "user.updated",
  "user.deactivated",
  "user.reactivated",
  "user.password_reset",
  "user.password_changed",
  "user.password_recovered",
  "user.recovery_code_renewed",
  "location.created",
  "location.updated",
  "location.deactivated",
  "location.reactivated",
  "product.created",
  "product.updated",
  "customer.created",
  "customer.updated",
  "customer.archived",
  "customer.unarchived",
  "customer.payment",
  "stock_count.applied",
  "sale.created",
  "sale.backdated",
  "sale.voided",
  "sale.refunded",
  "drawer.closed",
  "drawer.recounted",
  "import.committed",
  "sync.discarded",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AuditItem = z.object({
  id: z.string(),
  at: Instant,
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  userId: Id.nullable(),
  userName: z.string().nullable(),
});
export type AuditItem = z.infer<typeof AuditItem>;

export const AuditQuery = z.object({
  cursor: SerialCursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const AuditPage = z.object({ items: z.array(AuditItem), nextCursor: z.string().nullable() });
