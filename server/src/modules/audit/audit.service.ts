import type { AuditAction } from "@duka/contracts";
import type { Queryable } from "../../db/client.js";
import { insertAuditRow } from "./audit.repository.js";

export interface AuditEntry {
  businessId: string;
  userId?: string | null;
  action: AuditAction;
  entity?: string;
  entityId?: string;
  details?: Record<string, unknown>;
  ip?: string | null;
  /** From the app clock, so the log agrees with the times tests and services use. */
  at?: Date;
}

/** Writes one line of the audit log, inside the caller's transaction so it commits with the change. */
export async function audit(q: Queryable, entry: AuditEntry): Promise<void> {
  await insertAuditRow(q, {
    businessId: entry.businessId,
    userId: entry.userId ?? null,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    details: entry.details ?? null,
    ip: entry.ip ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  });
}
