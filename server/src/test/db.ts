import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../db/client.js";

/**
 * A fresh, migrated database for one test file: a real PostgreSQL database when TEST_DATABASE_URL
 * is set. Cross-engine tests ask for an engine; "postgres" needs TEST_DATABASE_URL too.
 */
export async function createTestDatabase(engine?: "pglite" | "postgres"): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (engine === "postgres" && !adminUrl) throw new Error("a PostgreSQL test database needs TEST_DATABASE_URL");
  if (!adminUrl || engine === "pglite") {
    const template = inject("pgliteTemplate");
    const loadDataDir = template ? new Blob([Buffer.from(template, "base64")]) : undefined;
    return openDatabase({ loadDataDir });
  }
  const name = `duka_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  // As in production: the owner migrates, and the app logs in as a role of its own (one per file).
  const ownerUrl = new URL(adminUrl);
  ownerUrl.pathname = `/${name}`;
  const url = new URL(ownerUrl);
  url.username = `${name}_app`;
  url.password = "";
  const database = await openDatabase({ url: url.toString(), ownerUrl: ownerUrl.toString(), poolMax: 10 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.query(`DROP ROLE IF EXISTS ${name}_app`);
      await drop.end();
    },
  };
}
