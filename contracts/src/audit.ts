import { z } from "zod";
import { Id, Instant, SerialCursor } from "./common.js";

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
