import { createHash, randomBytes } from "node:crypto";
import type { Db, Queryable } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { publishSessionEnded } from "../events/events.service.js";
import {
  findSessionByTokenHash,
  findSessionState,
  insertSession,
  revokeSessionRow,
  revokeUserSessionRows,
  touchSession,
} from "./sessions.repository.js";

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
  await insertSession(q, input.businessId, {
    userId: input.userId,
    tokenHash: hashToken(token),
    now: input.now,
    expiresAt,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

/** The signed-in user behind a session token, or null when it is unknown, revoked or expired. */
export async function resolveSession(db: Db, token: string, now: Date, policy: SessionPolicy): Promise<Ctx | null> {
  if (token.length < 20 || token.length > 100) return null;
  const row = await findSessionByTokenHash(db, hashToken(token));
  if (!row || row.revoked || !row.userActive) return null;
  const idleMs = now.getTime() - row.lastSeenAt.getTime();
  if (now >= row.expiresAt || idleMs > policy.idleMinutes * 60_000) return null;
  if (idleMs > touchEveryMs(policy)) {
    await inBusiness(db, row.businessId, (tx) => touchSession(tx, row.businessId, row.sessionId, now));
  }
  return {
    businessId: row.businessId,
    userId: row.userId,
    role: row.role,
    locationIds: row.userLocationId ? [row.userLocationId] : null,
    sessionId: row.sessionId,
    userName: row.userName,
    business: row.business,
  };
}

/** Ends a user's sessions at once (password change, deactivation), optionally keeping the current one. */
export async function revokeUserSessions(q: Queryable, userId: string, now: Date, keepSessionId?: string) {
  const ended = await revokeUserSessionRows(q, userId, now, keepSessionId);
  // Open live-update streams of these sessions close now, on whichever server holds them.
  if (ended[0]) await publishSessionEnded(q, ended[0].businessId, userId);
}

export async function revokeSession(db: Db, ctx: Ctx, now: Date) {
  await inBusiness(db, ctx.businessId, async (tx) => {
    await revokeSessionRow(tx, ctx.businessId, ctx.sessionId, now);
    await publishSessionEnded(tx, ctx.businessId, ctx.userId);
  });
}

/**
 * Is this signed-in context's session still good (not revoked, expired or idle, user still active)?
 * For long-lived requests such as the live-update stream; unlike resolveSession it does not count as
 * activity, so a dashboard left open does not keep an idle session alive.
 */
export async function isSessionLive(db: Db, ctx: Ctx, now: Date, policy: SessionPolicy): Promise<boolean> {
  const row = await inBusiness(db, ctx.businessId, (tx) => findSessionState(tx, ctx.businessId, ctx.sessionId));
  if (!row || row.revoked || !row.userActive) return false;
  const idleMs = now.getTime() - row.lastSeenAt.getTime();
  return now < row.expiresAt && idleMs <= policy.idleMinutes * 60_000;
}
