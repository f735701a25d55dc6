import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { type Db, type Queryable, queryRows } from "../../db/client.js";
import { sessions } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { publishSessionEnded } from "../events/events.service.js";

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

/**
 * last_seen is refreshed at most this often, to spare a write per request. It may therefore lag the
 * last request by up to this much, so it is kept a small part of the idle limit: a session used at
 * least every (idle limit − this) never ends, one left alone ends after the idle limit.
 */
export const touchEveryMs = (policy: SessionPolicy) => Math.min(60_000, (policy.idleMinutes * 60_000) / 10);

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createSession(
  q: Queryable,
  input: { businessId: string; userId: string; now: Date; policy: SessionPolicy; ip?: string; userAgent?: string },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + input.policy.maxHours * 3_600_000);
  await q.insert(sessions).values({
    businessId: input.businessId,
    userId: input.userId,
    tokenHash: hashToken(token),
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
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

/** The signed-in user behind a session token, or null when it is unknown, revoked or expired. */
export async function resolveSession(db: Db, token: string, now: Date, policy: SessionPolicy): Promise<Ctx | null> {
  if (token.length < 20 || token.length > 100) return null;
  const [row] = await queryRows<ResolvedRow>(db, sql`select * from duka_resolve_session(${hashToken(token)})`);
  if (!row || row.revoked_at || !row.user_active) return null;
  const idleMs = now.getTime() - new Date(row.last_seen_at).getTime();
  if (now >= new Date(row.expires_at) || idleMs > policy.idleMinutes * 60_000) return null;
  if (idleMs > touchEveryMs(policy)) {
    await inBusiness(db, row.business_id, (tx) =>
      tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.session_id)),
    );
  }
  return {
    businessId: row.business_id,
    userId: row.user_id,
    role: row.role,
    locationIds: row.user_location_id ? [row.user_location_id] : null,
    sessionId: row.session_id,
    userName: row.user_name,
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

/** Ends a user's sessions at once (password change, deactivation), optionally keeping the current one. */
export async function revokeUserSessions(q: Queryable, userId: string, now: Date, keepSessionId?: string) {
  const ended = await q
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
  // Open live-update streams of these sessions close now, on whichever server holds them.
  if (ended[0]) await publishSessionEnded(q, ended[0].businessId, userId);
}

export async function revokeSession(db: Db, ctx: Ctx, now: Date) {
  await inBusiness(db, ctx.businessId, async (tx) => {
    await tx.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, ctx.sessionId));
    await publishSessionEnded(tx, ctx.businessId, ctx.userId);
  });
}

/**
 * Is this signed-in context's session still good (not revoked, expired or idle, user still active)?
 * For long-lived requests such as the live-update stream; unlike resolveSession it does not count as
 * activity, so a dashboard left open does not keep an idle session alive.
 */
export async function isSessionLive(db: Db, ctx: Ctx, now: Date, policy: SessionPolicy): Promise<boolean> {
  const [row] = await inBusiness(db, ctx.businessId, (tx) =>
    queryRows<{ revoked_at: unknown; expires_at: string | Date; last_seen_at: string | Date; active: boolean }>(
      tx,
      sql`select s.revoked_at, s.expires_at, s.last_seen_at, u.active
          from sessions s join users u on u.business_id = s.business_id and u.id = s.user_id
          where s.business_id = ${ctx.businessId} and s.id = ${ctx.sessionId}`,
    ),
  );
  if (!row || row.revoked_at || !row.active) return false;
  const idleMs = now.getTime() - new Date(row.last_seen_at).getTime();
  return now < new Date(row.expires_at) && idleMs <= policy.idleMinutes * 60_000;
}
