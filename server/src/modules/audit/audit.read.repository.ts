import type { AuditItem } from "@duka/contracts";
import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { auditLog, users } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";

export interface AuditPageInput {
  cursor?: string | undefined;
  limit: number;
}

/**
 * The owner's view of the log, newest first. Ids only grow, so "older than the last id seen" is a
 * stable cursor even while new entries arrive.
 */
export function listAudit(db: Db, ctx: Ctx, input: AuditPageInput) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const rows = await tx
      .select({ entry: auditLog, userName: users.name })
      .from(auditLog)
      .leftJoin(users, and(eq(users.businessId, auditLog.businessId), eq(users.id, auditLog.userId)))
      .where(
        and(eq(auditLog.businessId, ctx.businessId), input.cursor ? lt(auditLog.id, Number(input.cursor)) : undefined),
      )
      .orderBy(desc(auditLog.id))
      .limit(input.limit + 1);
    const page = rows.slice(0, input.limit);
    const items: AuditItem[] = page.map(({ entry, userName }) => ({
      id: String(entry.id),
      at: entry.at.toISOString(),
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      details: (entry.details as Record<string, unknown> | null) ?? null,
      ip: entry.ip,
      userId: entry.userId,
      userName: userName ?? null,
    }));
    const last = page.at(-1);
    return { items, nextCursor: rows.length > input.limit && last ? String(last.entry.id) : null };
  });
}
