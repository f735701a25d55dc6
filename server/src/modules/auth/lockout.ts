import { and, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { loginAttempts } from "../../db/schema.js";
import { AppError } from "../../lib/errors.js";

/** Failed attempts allowed per key (account, client address) in the window; then 429 until it slides. */
export const LOGIN_LIMIT = 10;
export const LOGIN_WINDOW_MS = 15 * 60_000;

/** The counters a sign-in attempt is charged to. Each address keeps its own; nothing resets on success. */
export const loginKeys = (login: string, ip: string) => [`login:${login}`, `ip:${ip}`];

/**
 * Refuses with 429 and a Retry-After when any key has had LOGIN_LIMIT failures in the window. The
 * wait ends when the oldest of those failures leaves the window, so it is never longer than the window.
 */
export async function assertNotLocked(db: Db, keys: string[], now: Date): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const rows = await db
    .select({
      key: loginAttempts.key,
      n: sql<number>`count(*)::int`,
      // The LOGIN_LIMIT-th newest failure: when it leaves the window the key drops under the limit.
      pivot: sql<string>`(array_agg(${loginAttempts.at} order by ${loginAttempts.at} desc))[${LOGIN_LIMIT}]`,
    })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys), gt(loginAttempts.at, since)))
    .groupBy(loginAttempts.key);
  const blocked = rows.filter((r) => r.n >= LOGIN_LIMIT);
  if (blocked.length === 0) return;
  const freeAt = Math.max(...blocked.map((r) => new Date(r.pivot).getTime() + LOGIN_WINDOW_MS));
  const retryAfter = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
  throw new AppError(
    "too_many_attempts",
    429,
    `Too many failed attempts. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
    { retryAfter },
  );
}

/** Charges a failure to each key, and forgets failures that have left the window so the table stays small. */
export async function recordFailure(db: Db, keys: string[], now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(loginAttempts).where(lt(loginAttempts.at, new Date(now.getTime() - LOGIN_WINDOW_MS)));
    await tx.insert(loginAttempts).values(keys.map((key) => ({ key, at: now })));
  });
}
