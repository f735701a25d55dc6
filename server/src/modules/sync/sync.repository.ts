import type { SyncAttentionItem } from "@duka/contracts";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { syncAttention, users } from "../../db/schema.js";

/** Offline writes refused on arrival and kept for someone to deal with (sync_attention). */

export type AttentionRow = typeof syncAttention.$inferSelect;

/** Open items, newest first; `onlyBy` (a user id) keeps one person's. */
export async function openAttention(tx: Tx, businessId: string, onlyBy: string | null): Promise<SyncAttentionItem[]> {
  const mine = onlyBy ? [eq(syncAttention.userId, onlyBy)] : [];
  const rows = await tx
    .select({ a: syncAttention, staffName: users.name })
    .from(syncAttention)
    .innerJoin(users, and(eq(users.businessId, syncAttention.businessId), eq(users.id, syncAttention.userId)))
    .where(and(eq(syncAttention.businessId, businessId), eq(syncAttention.status, "open"), ...mine))
    .orderBy(desc(syncAttention.createdAt))
    .limit(500);
  return rows.map(({ a, staffName }) => ({
    id: a.clientId,
    kind: a.kind,
    userId: a.userId,
    staffName,
    content: a.body,
    code: a.code,
    message: a.message,
    createdAt: a.createdAt.toISOString(),
  }));
}

export async function findOpenAttention(tx: Tx, businessId: string, clientId: string): Promise<AttentionRow | null> {
  const [row] = await tx
    .select()
    .from(syncAttention)
    .where(
      and(
        eq(syncAttention.businessId, businessId),
        eq(syncAttention.clientId, clientId),
        eq(syncAttention.status, "open"),
      ),
    );
  return row ?? null;
}

/** Marks items dealt with: resolved (accepted, or sent again and taken) or discarded with a reason. */
export async function closeAttention(
  tx: Tx,
  businessId: string,
  clientIds: string[],
  by: { userId: string; at: Date; discardReason?: string; openOnly?: boolean },
) {
  const set = by.discardReason
    ? { status: "discarded" as const, reason: by.discardReason }
    : { status: "resolved" as const };
  await tx
    .update(syncAttention)
    .set({ ...set, resolvedBy: by.userId, resolvedAt: by.at })
    .where(
      and(
        eq(syncAttention.businessId, businessId),
        by.openOnly ? eq(syncAttention.status, "open") : undefined,
        inArray(syncAttention.clientId, clientIds),
      ),
    );
}

/** Keeps (or refreshes) a refused write; another user's write under the same id stays theirs. */
export async function keepAttention(
  tx: Tx,
  businessId: string,
  a: {
    clientId: string;
    userId: string;
    kind: AttentionRow["kind"];
    body: unknown;
    code: string;
    message: string;
    at: Date;
  },
) {
  await tx
    .insert(syncAttention)
    .values({
      businessId,
      clientId: a.clientId,
      userId: a.userId,
      kind: a.kind,
      body: a.body,
      code: a.code,
      message: a.message,
      createdAt: a.at,
    })
    .onConflictDoUpdate({
      target: [syncAttention.businessId, syncAttention.clientId],
      set: { body: a.body, code: a.code, message: a.message, status: "open", createdAt: a.at },
      setWhere: sql`${syncAttention.userId} = ${a.userId}`,
    });
}
