import pg from "pg";
import type { Database } from "../../db/client.js";
import { businessTables } from "../../db/schema.js";
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
 * Row-level security does not apply to the tables' owner (the policies are not FORCEd: migration
 * 0010), nor to a superuser or a role with BYPASSRLS. Anyone else would see no business's rows, and
 * the backup would be silently empty; refuse instead.
 */
async function assertSeesEveryRow(client: pg.Client) {
  const { rows } = await client.query<{ ok: boolean; name: string }>(
    `select r.rolsuper or r.rolbypassrls or not exists (
              select 1 from pg_class c
              where c.relnamespace = 'public'::regnamespace and c.relname = any($1::text[])
                and (c.relowner <> r.oid or c.relforcerowsecurity)) as ok,
            r.rolname as name
       from pg_roles r where r.rolname = current_user`,
    [[...businessTables]],
  );
  if (!rows[0]?.ok) {
    const name = rows[0]?.name ?? "<user>";
    throw new AppError(
      "backup_role",
      500,
      `The database user ${name} cannot see every business's rows: row-level security hides them. Back up as the user that owns the tables (the one that ran the migrations), or run ALTER ROLE ${name} BYPASSRLS (docs/operations.md).`,
    );
  }
}
