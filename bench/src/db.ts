import pg from "pg";
import { scratchPrefix } from "./util.js";

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function urlFor(database: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>, url = ADMIN_URL): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function postgresVersion(): Promise<string | null> {
  try {
    return await withAdmin(async (c) => (await c.query("show server_version")).rows[0].server_version as string);
  } catch {
    return null;
  }
}

/** A fresh scratch database named duka_bench_<name>; dropped first if a failed run left it behind. */
export async function createDatabase(name: string): Promise<string> {
  const db = `duka_bench_${scratchPrefix}${name}`;
  await withAdmin(async (c) => {
    await c.query(`drop database if exists ${db} with (force)`);
    await c.query(`create database ${db}`);
  });
  return urlFor(db);
}

export async function dropDatabase(url: string) {
  const db = new URL(url).pathname.slice(1);
  if (!db.startsWith("duka_bench_")) throw new Error(`refusing to drop ${db}`);
  await withAdmin((c) => c.query(`drop database if exists ${db} with (force)`));
}

export async function databaseSizeMb(url: string): Promise<number> {
  return withAdmin(async (c) => {
    const r = await c.query("select pg_database_size(current_database())::bigint as size");
    return Math.round(Number(r.rows[0].size) / 1048576);
  }, url);
}
