import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { type Database, openDatabase, queryRows } from "../../db/client.js";
import { signUp, testStorage } from "../../test/api.js";
import { dumpAll } from "../../test/backups.js";

const adminUrl = process.env.TEST_DATABASE_URL;

/**
 * A managed database's master user (RDS's) is no superuser and cannot grant itself BYPASSRLS. As the
 * tables' owner it still backs up every business, because the policies are not forced on the owner,
 * while the app's own login stays confined.
 */
describe.runIf(adminUrl)("backups when the owner is no superuser and has no BYPASSRLS, as on RDS", () => {
  const name = `duka_managed_${randomBytes(5).toString("hex")}`;
  const files = testStorage();
  let database: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;
  const admin = async (statements: string[]) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    for (const s of statements) await c.query(s);
    await c.end();
  };

  beforeAll(async () => {
    await admin([
      `CREATE ROLE ${name} LOGIN CREATEROLE NOSUPERUSER NOBYPASSRLS`,
      `CREATE DATABASE ${name} OWNER ${name}`,
    ]);
    const ownerUrl = new URL(adminUrl ?? "");
    ownerUrl.username = name;
    ownerUrl.pathname = `/${name}`;
    const url = new URL(ownerUrl);
    url.username = `${name}_app`;
    database = await openDatabase({ url: url.toString(), ownerUrl: ownerUrl.toString(), poolMax: 3 });
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", WEB_DIST: "/nonexistent" });
    app = await buildApp({ config, database, storage: files.storage, keyRing: files.keyRing, logger: false });
    await app.ready();
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await admin([
      `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`,
      `DROP ROLE IF EXISTS ${name}_app`,
      `DROP ROLE IF EXISTS ${name}`,
    ]);
    fs.rmSync(files.filesDir, { recursive: true, force: true });
  });

  it("reads every business's rows as the owner, while the app sees none without a business", async () => {
    const a = await signUp(app);
    const b = await signUp(app);
    const rows = await dumpAll(database);
    const businesses = rows.businesses?.join("\n") ?? "";
    expect(businesses).toContain(a.me.business.id);
    expect(businesses).toContain(b.me.business.id);
    expect(rows.users?.length).toBeGreaterThanOrEqual(2);
    expect(await queryRows(database.db, sql`select count(*)::int as n from businesses`)).toEqual([{ n: 0 }]);
  }, 120_000);
});
