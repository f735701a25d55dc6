import { and, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { loginAttempts } from "../../db/schema.js";
import { AppError } from "../../lib/errors.js";

/** Failed attempts allowed per account and per client address in the window; then 429 until it slides. */
export const LOGIN_LIMIT = 10;
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** How long an address where an account signed in stays "known" to it. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

/**
 * The counters a sign-in attempt is charged to, and the mark a success leaves. Failures count per
 * account (guessing one password from many addresses) and per address (one address guessing many
 * accounts). A stranger could keep an account's counter full, so the account's lock does not apply
 * at an address where that account has signed in before: the owner's own phone or shop connection.
 */
export function loginKeys(login: string, ip: string): LockKeys {
  const account = `login:${login}`;
  return { counted: [account, `ip:${ip}`], known: { key: `known:${login}@${ip}`, spares: account } };
}

export interface LockKeys {
  /** Each failure is charged to every one of these. */
  counted: string[];
  /** Where present and recent, this mark lifts the lock of the counter it spares. */
  known?: { key: string; spares: string };
}

/**
 * Refuses with 429 and a Retry-After when a key that applies has had LOGIN_LIMIT failures in the
 * window. The wait ends when the oldest of those failures leaves the window, so it is never longer
 * than the window.
 */
export async function assertNotLocked(db: Db, keys: LockKeys, now: Date): Promise<void> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const rows = await db
    .select({
      key: loginAttempts.key,
      n: sql<number>`count(*)::int`,
      // The LOGIN_LIMIT-th newest failure: when it leaves the window the key drops under the limit.
      pivot: sql<string>`(array_agg(${loginAttempts.at} order by ${loginAttempts.at} desc))[${LOGIN_LIMIT}]`,
    })
    .from(loginAttempts)
    .where(
      or(
        and(inArray(loginAttempts.key, keys.counted), gt(loginAttempts.at, since)),
        keys.known
          ? and(eq(loginAttempts.key, keys.known.key), gt(loginAttempts.at, new Date(now.getTime() - KNOWN_ADDRESS_MS)))
          : undefined,
      ),
    )
    .groupBy(loginAttempts.key);
  const { known } = keys;
  const spared = known && rows.some((r) => r.key === known.key) ? known.spares : undefined;
  const blocked = rows.filter((r) => keys.counted.includes(r.key) && r.key !== spared && r.n >= LOGIN_LIMIT);
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

/** Charges a failure to each counter, and forgets what has aged out so the table stays small. */
export async function recordFailure(db: Db, keys: LockKeys, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .delete(loginAttempts)
      .where(
        or(
          and(
            lt(loginAttempts.at, new Date(now.getTime() - LOGIN_WINDOW_MS)),
            sql`${loginAttempts.key} not like 'known:%'`,
          ),
          lt(loginAttempts.at, new Date(now.getTime() - KNOWN_ADDRESS_MS)),
        ),
      );
    await tx.insert(loginAttempts).values(keys.counted.map((key) => ({ key, at: now })));
  });
}

/** Marks the address as one where this account signs in; failures are not cleared (each address keeps its own). */
export async function recordSuccess(db: Db, keys: LockKeys, now: Date): Promise<void> {
  const { known } = keys;
  if (!known) return;
  await db.transaction(async (tx) => {
    await tx.delete(loginAttempts).where(eq(loginAttempts.key, known.key));
    await tx.insert(loginAttempts).values({ key: known.key, at: now });
  });
}
