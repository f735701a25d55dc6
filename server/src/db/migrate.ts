import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { type Db, migrationsFolder, queryRows } from "./client.js";

/** Arbitrary constant: serialises migrations when several server copies start at once. */
const MIGRATION_LOCK = 7_242_001;

export function expectedMigrationCount(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** Applies pending migrations; on PostgreSQL then runs `andThen` under the same lock (role set-up). */
export async function runMigrations(
  db: unknown,
  driver: "pglite" | "postgres",
  andThen?: () => Promise<void>,
): Promise<void> {
  if (driver === "pglite") {
    await migratePglite(db as PgliteDatabase, { migrationsFolder });
    return;
  }
  const pgdb = db as NodePgDatabase;
  await pgdb.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK})`);
  try {
    await migrateNodePg(pgdb, { migrationsFolder });
    await andThen?.();
  } finally {
    await pgdb.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK})`);
  }
}

/** How many migrations the database has applied (readiness compares this with the code's). */
export async function appliedMigrationCount(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(row?.n ?? 0);
}
