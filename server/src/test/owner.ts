import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { Database, Tx } from "../db/client.js";
import * as schema from "../db/schema.js";

/**
 * Runs fn in one transaction as the tables' owner, past row-level security, for checks that look
 * at every business. The app's own connection cannot do this (db/guard.ts, db/roles.ts): PGlite's
 * raw instance drops the role for the transaction; PostgreSQL gets a connection of the owner's URL.
 */
export async function asOwner<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (database.pglite) {
    return drizzlePglite({ client: database.pglite, schema }).transaction(async (tx) => {
      await tx.execute(sql`set local role none`);
      return fn(tx as unknown as Tx);
    });
  }
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  try {
    return await drizzleNodePg({ client, schema }).transaction((tx) => fn(tx as unknown as Tx));
  } finally {
    await client.end();
  }
}
