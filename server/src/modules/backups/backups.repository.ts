import { and, desc, eq, gte, inArray, ne } from "drizzle-orm";
import pg from "pg";
import type { Db } from "../../db/client.js";
import { backups } from "../../db/schema.js";

/** The backups table: one row per run, describing objects in storage (not the shop's data). */

export type BackupRow = typeof backups.$inferSelect;

export async function insertRunningBackup(
  db: Db,
  b: { id: string; key: string; trigger: "schedule" | "manual"; startedAt: Date },
) {
  await db.insert(backups).values({ ...b, status: "running" });
}

export async function finishBackup(db: Db, id: string, set: Partial<Omit<BackupRow, "id">>): Promise<BackupRow> {
  const [row] = await db.update(backups).set(set).where(eq(backups.id, id)).returning();
  if (!row) throw new Error(`backup ${id} vanished`);
  return row;
}

export function allBackups(db: Db): Promise<BackupRow[]> {
  return db.select().from(backups);
}

export async function markBackupDeleted(db: Db, id: string) {
  await db.update(backups).set({ status: "deleted" }).where(eq(backups.id, id));
}

/** Runs still marked running (left by a process that died) become failed with this error. */
export async function failRunningBackups(db: Db, error: string) {
  await db.update(backups).set({ status: "failed", error }).where(eq(backups.status, "running"));
}

/** The newest backup that succeeded, and the newest attempt of any outcome not deleted. */
export async function newestBackups(db: Db) {
  const [success] = await db
    .select()
    .from(backups)
    .where(eq(backups.status, "succeeded"))
    .orderBy(desc(backups.startedAt))
    .limit(1);
  const [attempt] = await db
    .select()
    .from(backups)
    .where(ne(backups.status, "deleted"))
    .orderBy(desc(backups.startedAt))
    .limit(1);
  return { success, attempt };
}

/** The newest run with one of these outcomes started since `since`. */
export async function newestSince(db: Db, statuses: ("succeeded" | "failed")[], since: Date) {
  const [row] = await db
    .select({ status: backups.status, startedAt: backups.startedAt })
    .from(backups)
    .where(and(inArray(backups.status, statuses), gte(backups.startedAt, since)))
    .orderBy(desc(backups.startedAt))
    .limit(1);
  return row;
}

/**
 * Runs `fn` only if this process takes the cluster-wide backup lock (a session advisory lock on its
 * own owner connection); null when another process holds it.
 */
export async function withBackupLock<T>(ownerUrl: string, lock: number, fn: () => Promise<T>): Promise<T | null> {
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1) as ok", [lock]);
    if (!rows[0]?.ok) return null;
    try {
      return await fn();
    } finally {
      await client.query("select pg_advisory_unlock($1)", [lock]);
    }
  } finally {
    await client.end();
  }
}

/** Whether a backup succeeded at or after `since`. */
export async function succeededSince(db: Db, since: Date): Promise<boolean> {
  const rows = await db
    .select({ at: backups.startedAt })
    .from(backups)
    .where(and(eq(backups.status, "succeeded"), gte(backups.startedAt, since)))
    .limit(1);
  return rows.length > 0;
}
