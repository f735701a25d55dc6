import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { type Db, type Queryable, queryRows, type Tx } from "../../db/client.js";
import { sessions } from "../../db/schema.js";

/** The sessions table. The token's hash is looked up before the business is known. */

export async function insertSession(
  q: Queryable,
  businessId: string,
  v: { userId: string; tokenHash: string; now: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
) {
  await q.insert(sessions).values({
    businessId,
    userId: v.userId,
    tokenHash: v.tokenHash,
    createdAt: v.now,
    lastSeenAt: v.now,
    expiresAt: v.expiresAt,
    ip: v.ip,
    userAgent: v.userAgent,
  });
}

interface ResolvedRow {
  session_id: string;
  business_id: string;
  user_id: string;
  last_seen_at: string | Date;
  expires_at: string | Date;
  revoked_at: string | Date | null;
  user_name: string;
  role: "owner" | "staff";
  user_active: boolean;
  user_location_id: string | null;
  business_name: string;
  currency: string;
  time_zone: string;
  locale: string;
  country: string | null;
  business_code: string;
}

/** The session with this token hash, its user and business (duka_resolve_session, past row-level security). */
export async function findSessionByTokenHash(db: Db, tokenHash: string) {
  const [row] = await queryRows<ResolvedRow>(db, sql`select * from duka_resolve_session(${tokenHash})`);
  if (!row) return null;
  return {
    sessionId: row.session_id,
    businessId: row.business_id,
    userId: row.user_id,
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
    revoked: !!row.revoked_at,
    userName: row.user_name,
    role: row.role,
    userActive: row.user_active,
    userLocationId: row.user_location_id,
    business: {
      name: row.business_name,
      currency: row.currency,
      timeZone: row.time_zone,
      locale: row.locale,
      country: row.country,
      shopCode: row.business_code,
    },
  };
}

export async function touchSession(tx: Tx, businessId: string, sessionId: string, now: Date) {
  await tx
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.businessId, businessId), eq(sessions.id, sessionId)));
}

/** Revokes the user's open sessions (all but `keepSessionId`); answers the business of those it ended. */
export function revokeUserSessionRows(q: Queryable, userId: string, now: Date, keepSessionId?: string) {
  return q
    .update(sessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      ),
    )
    .returning({ businessId: sessions.businessId });
}

export async function revokeSessionRow(tx: Tx, businessId: string, sessionId: string, now: Date) {
  await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.businessId, businessId), eq(sessions.id, sessionId)));
}

/** What decides whether a session is still good, with its user's active flag; null if absent. */
export async function findSessionState(tx: Tx, businessId: string, sessionId: string) {
  const [row] = await queryRows<{
    revoked_at: unknown;
    expires_at: string | Date;
    last_seen_at: string | Date;
    active: boolean;
  }>(
    tx,
    sql`select s.revoked_at, s.expires_at, s.last_seen_at, u.active
        from sessions s join users u on u.business_id = s.business_id and u.id = s.user_id
        where s.business_id = ${businessId} and s.id = ${sessionId}`,
  );
  if (!row) return null;
  return {
    revoked: !!row.revoked_at,
    expiresAt: new Date(row.expires_at),
    lastSeenAt: new Date(row.last_seen_at),
    userActive: row.active,
  };
}
