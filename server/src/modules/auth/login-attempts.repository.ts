import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { loginAttempts } from "../../db/schema.js";

/**
 * The login_attempts counters, before any business is known (decision 013). lockout.ts holds
 * their rules; this file holds their statements.
 */

export interface Reservation {
  /** When a full counter frees a place; null when the attempt was charged. */
  freeAt: Date | null;
  /** The fullest counter that applied, before this attempt. */
  most: number;
  /** The rows this attempt wrote. */
  ids: number[];
}

/**
 * One statement, under a lock per counter: refuses when a counter that applies is full, otherwise
 * charges every one (duka_reserve_attempt, in the migrations).
 */
export async function reserveAttemptRows(
  db: Db,
  keys: { always: string[]; knownKey: string | null; otherwise: string[] },
  now: Date,
  w: { windowMs: number; knownMs: number; limit: number },
): Promise<Reservation> {
  const list = (items: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(items)}::jsonb))`;
  const [row] = await queryRows<{ free_at: string | Date | null; most: number; ids: (string | number)[] | null }>(
    db,
    sql`select * from duka_reserve_attempt(${list(keys.always)}, ${keys.knownKey}, ${list(keys.otherwise)},
          ${now.toISOString()}::timestamptz, ${`${w.windowMs} milliseconds`}::interval,
          ${`${w.knownMs} milliseconds`}::interval, ${w.limit}::int)`,
  );
  if (!row) throw new Error("duka_reserve_attempt returned nothing");
  return { freeAt: row.free_at ? new Date(row.free_at) : null, most: row.most, ids: (row.ids ?? []).map(Number) };
}

/** Deletes an attempt's rows and, given a known-address mark, writes it afresh. */
export function clearAttempt(db: Db, ids: number[], knownKey: string | undefined, now: Date) {
  return db.transaction(async (tx) => {
    await tx.delete(loginAttempts).where(inArray(loginAttempts.id, ids));
    if (!knownKey) return;
    await tx.delete(loginAttempts).where(eq(loginAttempts.key, knownKey));
    await tx.insert(loginAttempts).values({ key: knownKey, at: now });
  });
}

/** Up to 1000 rows past their window (known-address marks: past theirs), skipping locked ones. */
export async function deleteStaleAttempts(db: Db, now: Date, w: { windowMs: number; knownMs: number }) {
  const stale = or(
    and(lt(loginAttempts.at, new Date(now.getTime() - w.windowMs)), sql`${loginAttempts.key} not like 'known:%'`),
    lt(loginAttempts.at, new Date(now.getTime() - w.knownMs)),
  );
  await db.execute(
    sql`delete from ${loginAttempts} where ${loginAttempts.id} in (
          select ${loginAttempts.id} from ${loginAttempts} where ${stale} limit 1000 for update skip locked)`,
  );
}
