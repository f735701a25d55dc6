import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { acquireDataDirLock, type DataDirLock } from "./lock.js";
import { runMigrations } from "./migrate.js";
import { initDataDirApart } from "./pglite-init.js";
import * as schema from "./schema.js";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything queries can run on: the database or a transaction. */
export type Queryable = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly driver: "pglite" | "postgres";
  /** The raw PGlite instance (embedded mode only), for LISTEN/NOTIFY and dumps. */
  readonly pglite?: PGlite;
  /** A node-postgres pool connected as the table owner (not the app role), for jobs that need it. */
  readonly url?: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const APP_ROLE = "duka_app";
export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/db/migrations");

export interface OpenOptions {
  /** PostgreSQL connection string; without it the embedded database is used. */
  url?: string | undefined;
  /** Embedded mode: where the data lives; omitted means in memory. */
  dataDir?: string | undefined;
  /** Embedded mode: start from a dump of an already-migrated database (tests). */
  loadDataDir?: Blob | undefined;
  poolMax?: number;
}

/** Opens the database, applies pending migrations, then works as the unprivileged app role. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts.poolMax ?? 10) : openPglite(opts.dataDir, opts.loadDataDir);
}

async function openPostgres(url: string, poolMax: number): Promise<Database> {
  const owner = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await owner.connect();
  try {
    await runMigrations(drizzleNodePg({ client: owner, schema }), "postgres");
  } finally {
    await owner.end();
  }
  // Every pooled connection starts as the app role (a startup parameter: no extra round trip).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: 5000,
    options: `-c role=${APP_ROLE}`,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    url,
    ping: async () => void (await pool.query("select 1")),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
  }
  try {
    if (dataDir) await initDataDirApart(path.join(dataDir, "pg"));
    const client = await PGlite.create({
      ...(dataDir ? { dataDir: path.join(dataDir, "pg") } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    await runMigrations(db, "pglite");
    await db.execute(sql.raw(`SET ROLE ${APP_ROLE}`));
    return {
      db,
      driver: "pglite",
      pglite: client,
      ping: async () => void (await client.query("select 1")),
      close: async () => {
        if (!client.closed) {
          await client.exec("RESET ROLE; CHECKPOINT");
          await client.close();
        }
        lock?.release();
      },
    };
  } catch (err) {
    lock?.release();
    throw err;
  }
}

/** Runs raw SQL and returns its rows; both drivers answer with { rows }. */
export async function queryRows<T>(q: Queryable, statement: SQL): Promise<T[]> {
  const result = (await q.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}
