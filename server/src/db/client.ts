import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { guardStatement } from "./guard.js";
import { acquireDataDirLock, type DataDirLock } from "./lock.js";
import { runMigrations } from "./migrate.js";
import { initDataDirApart } from "./pglite-init.js";
import { APP_ROLE, ensureAppLogin, loginOf } from "./roles.js";
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
  /** PostgreSQL: the app's connection string (its pool, its LISTEN connection). */
  readonly url?: string;
  /** PostgreSQL: the tables' owner, for migrations, backups and restores (may equal url). */
  readonly ownerUrl?: string;
  /**
   * What keeps the app's connection inside row-level security: a login role of its own that cannot
   * become the owner, or (one login for both) the statement guard (db/guard.ts).
   */
  readonly confinedBy: "login-role" | "statement-guard";
  ping(): Promise<void>;
  close(): Promise<void>;
}

export { APP_ROLE };
export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/db/migrations");

export interface OpenOptions {
  /** PostgreSQL connection string of the app; without it the embedded database is used. */
  url?: string | undefined;
  /** PostgreSQL connection string of the tables' owner (migrations, backups); defaults to url. */
  ownerUrl?: string | undefined;
  /** Embedded mode: where the data lives; omitted means in memory. */
  dataDir?: string | undefined;
  /** Embedded mode: start from a dump of an already-migrated database (tests). */
  loadDataDir?: Blob | undefined;
  poolMax?: number;
}

/** Opens the database, applies pending migrations, then works as the unprivileged app role. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.url
    ? openPostgres(opts.url, opts.ownerUrl ?? opts.url, opts.poolMax ?? 10)
    : openPglite(opts.dataDir, opts.loadDataDir);
}

async function openPostgres(url: string, ownerUrl: string, poolMax: number): Promise<Database> {
  const ownLogin = loginOf(url).user !== loginOf(ownerUrl).user;
  const owner = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 5000 });
  await owner.connect();
  try {
    // Under the migration lock: servers starting together must not alter the role at once.
    await runMigrations(
      drizzleNodePg({ client: owner, schema }),
      "postgres",
      ownLogin ? () => ensureAppLogin(owner, url) : undefined,
    );
  } finally {
    await owner.end();
  }
  // Every pooled connection starts as the app role (a startup parameter: no extra round trip).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: 5000,
    options: `-c role=${APP_ROLE}`,
    ...(ownLogin ? {} : { Client: GuardedClient }),
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  const db = drizzleNodePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    driver: "postgres",
    url,
    ownerUrl,
    confinedBy: ownLogin ? "login-role" : "statement-guard",
    ping: async () => void (await pool.query("select 1")),
    close: () => pool.end(),
  };
}

/**
 * PGlite's own start-up parameters, with 16 MB of shared buffers instead of 128 MB. The buffers live
 * in the WASM memory, which never shrinks, so once touched they stayed in the server's RSS; behind
 * them the data files stay in the system's file cache (decision 012 has the measurement).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
  }
  try {
    if (dataDir) await initDataDirApart(path.join(dataDir, "pg"));
    const client = await PGlite.create({
      startParams: PGLITE_START_PARAMS,
      ...(dataDir ? { dataDir: path.join(dataDir, "pg") } : {}),
      ...(loadDataDir ? { loadDataDir } : {}),
    });
    await runMigrations(drizzlePglite({ client }), "pglite");
    await client.exec(`SET ROLE ${APP_ROLE}`);
    // One connection, logged in as a superuser: only the guard keeps the app's statements at duka_app.
    const db = drizzlePglite({ client: guardedPglite(client), schema }) as unknown as Db;
    return {
      db,
      driver: "pglite",
      confinedBy: "statement-guard",
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

/** A pool client whose every statement passes the guard first (one PostgreSQL login for both roles). */
class GuardedClient extends pg.Client {}
GuardedClient.prototype.query = function guardedQuery(this: pg.Client, ...args: unknown[]) {
  const first = args[0] as string | { text?: string } | undefined;
  try {
    guardStatement(typeof first === "string" ? first : (first?.text ?? ""));
  } catch (err) {
    const callback = args.find((a) => typeof a === "function") as ((e: unknown) => void) | undefined;
    if (!callback) return Promise.reject(err);
    process.nextTick(callback, err);
    return undefined;
  }
  return (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof pg.Client.prototype.query;

/** The PGlite instance as the app sees it: query, exec and transactions pass the guard first. */
function guardedPglite<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, key) {
      const value = Reflect.get(t, key, t) as unknown;
      if (typeof value !== "function") return value;
      if (key === "query" || key === "exec") {
        return async (text: string, ...rest: unknown[]) => {
          guardStatement(text);
          return value.call(t, text, ...rest);
        };
      }
      if (key === "transaction") {
        return (fn: (tx: object) => unknown) => value.call(t, (tx: object) => fn(guardedPglite(tx)));
      }
      return value.bind(t);
    },
  });
}

/** Runs raw SQL and returns its rows; both drivers answer with { rows }. */
export async function queryRows<T>(q: Queryable, statement: SQL): Promise<T[]> {
  const result = (await q.execute(statement)) as unknown as { rows: T[] };
  return result.rows;
}
