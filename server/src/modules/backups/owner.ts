import pg from "pg";
import type { Database } from "../../db/client.js";
import { AppError } from "../../lib/errors.js";

/** A raw SQL session inside one transaction, working as the tables' owner. */
export interface OwnerTx {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export type TxMode = "snapshot" | "write";

/**
 * Runs fn in one transaction as the tables' owner, which row-level security does not hide rows
 * from. PostgreSQL: a connection of its own from the URL (the pool works as duka_app). PGlite: the
 * shared instance, with the role dropped for this transaction only (SET LOCAL), so the app's
 * connection is back to duka_app when it ends, however it ends.
 */
export async function withOwner<T>(database: Database, mode: TxMode, fn: (tx: OwnerTx) => Promise<T>): Promise<T> {
  const begin = mode === "snapshot" ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN";
  // UTC: row_to_json writes timestamps in the session's zone, and the checksums must not depend on it.
  const setup = ["SET LOCAL TimeZone = 'UTC'"];
  if (database.pglite) {
    const client = database.pglite;
    return client.transaction(async (tx) => {
      // PGlite has already said BEGIN; the snapshot's mode is set before its first query.
      if (mode === "snapshot") await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
      await tx.query("SET LOCAL ROLE NONE");
      for (const s of setup) await tx.query(s);
      return fn({ query: async (text, params) => (await tx.query(text, params)).rows as never });
    });
  }
  if (!database.ownerUrl) throw new Error("a PostgreSQL database without its owner's URL cannot be backed up");
  const client = new pg.Client({ connectionString: database.ownerUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await assertSeesEveryRow(client);
    await client.query(begin);
    try {
      for (const s of setup) await client.query(s);
      const result = await fn({ query: async (text, params) => (await client.query(text, params)).rows });
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    }
  } finally {
    await client.end();
  }
}

/**
 * The policies are FORCEd, so they apply to the tables' owner too: only a superuser or a role with
 * BYPASSRLS sees every business. Without it a backup would be silently empty; refuse instead.
 */
async function assertSeesEveryRow(client: pg.Client) {
  const { rows } = await client.query<{ ok: boolean; name: string }>(
    "select rolsuper or rolbypassrls as ok, rolname as name from pg_roles where rolname = current_user",
  );
  if (!rows[0]?.ok) {
    throw new AppError(
      "backup_role",
      500,
      `The database user ${rows[0]?.name ?? ""} cannot see every business's rows: row-level security hides them. Run ALTER ROLE ${rows[0]?.name ?? "<user>"} BYPASSRLS (docs/operations.md).`,
    );
  }
}
