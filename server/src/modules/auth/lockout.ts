import type { ErrorCode } from "@duka/contracts";
import type { Db } from "../../db/client.js";
import { AppError } from "../../lib/errors.js";
import { clearAttempt, deleteStaleAttempts, reserveAttemptRows } from "./login-attempts.repository.js";

/** Failed attempts allowed per counter in the window; then 429 until it slides. */
export const LOGIN_LIMIT = 10;
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** How long an address where an account signed in stays "known" to it. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;
/** From this many tries left, a refusal says how many remain. */
export const WARN_TRIES_LEFT = 2;

/**
 * The counters one attempt is charged to and checked against. `always` apply to every attempt;
 * `known.otherwise` only where the `known.key` mark is absent, that is at an address where the
 * account has not signed in lately (docs/decisions/013-sign-in-limits.md).
 */
export interface LockKeys {
  always: string[];
  known?: { key: string; otherwise: string[] };
}

/**
 * Sign-in counters: per account and address (so a known address is not a free guessing ground),
 * per account from unknown addresses (one password guessed from many addresses), and per address
 * for accounts not known there (one address spraying many accounts). A known account's right
 * password is never refused because of other accounts' failures at the same address.
 */
export function loginKeys(login: string, ip: string): LockKeys {
  return {
    always: [`pair:${login}@${ip}`],
    known: { key: `known:${login}@${ip}`, otherwise: [`login:${login}`, `ip:${ip}`] },
  };
}

/** An attempt that has been counted before its password was checked. */
export interface Attempt {
  /** Tries left before a lock, counting this one as failed. */
  triesLeft: number;
  /** Clears this attempt from the counters and remembers the address as known to the account. */
  succeeded(): Promise<void>;
}

const tooMany = (retryAfter: number) =>
  new AppError(
    "too_many_attempts",
    429,
    `Too many failed attempts. Try again in ${Math.ceil(retryAfter / 60)} minutes. If you are staff, the owner can reset your password.`,
    { retryAfter },
  );

/**
 * Counts the attempt first, then lets the caller check the password: in one statement, under a lock
 * per counter, refuse with 429 when a counter that applies is full, otherwise charge it. So parallel
 * guesses cannot all pass the check before any of them is counted; at most `limit` passwords are
 * ever verified per counter and window.
 */
export async function reserveAttempt(db: Db, keys: LockKeys, now: Date, limit = LOGIN_LIMIT): Promise<Attempt> {
  const { known } = keys;
  const row = await reserveAttemptRows(
    db,
    { always: keys.always, knownKey: known?.key ?? null, otherwise: known?.otherwise ?? [] },
    now,
    { windowMs: LOGIN_WINDOW_MS, knownMs: KNOWN_ADDRESS_MS, limit },
  );
  if (row.freeAt) {
    throw tooMany(Math.max(1, Math.ceil((row.freeAt.getTime() - now.getTime()) / 1000)));
  }
  return {
    triesLeft: limit - row.most - 1,
    succeeded: () => clearAttempt(db, row.ids, known?.key, now),
  };
}

/**
 * Forgets what has aged out so the table stays small. Rows another attempt holds are skipped, so
 * this never waits on, or deadlocks with, an attempt in flight.
 */
export async function forgetOldAttempts(db: Db, now: Date): Promise<void> {
  await deleteStaleAttempts(db, now, { windowMs: LOGIN_WINDOW_MS, knownMs: KNOWN_ADDRESS_MS });
}

/** The refusal of a wrong password, warning when a lock is near (and what to do about it). */
export function wrongPassword(
  error: { code: ErrorCode; status: number; message: string; hint?: string; fields?: object },
  attempt: Attempt,
) {
  const { triesLeft } = attempt;
  const warning =
    triesLeft > WARN_TRIES_LEFT
      ? ""
      : triesLeft <= 0
        ? " The next try will be refused for a while."
        : ` ${triesLeft === 1 ? "1 try" : `${triesLeft} tries`} left.`;
  const message = `${error.message}${warning}${warning && error.hint ? ` ${error.hint}` : ""}`;
  return new AppError(error.code, error.status, message, {
    triesLeft,
    ...(error.fields ? { fields: error.fields } : {}),
  });
}
