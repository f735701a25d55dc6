import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../test/api.js";
import { type Database, openDatabase, queryRows } from "./client.js";
import { guardStatement } from "./guard.js";
import { loginOf, scramVerifier, withPassword } from "./roles.js";

/** What a statement injected on the app's connection would try, to get past row-level security. */
const escapes = (owner: string) => [
  "SET ROLE NONE",
  "RESET ROLE",
  `SET ROLE ${owner}`,
  `SET SESSION AUTHORIZATION ${owner}`,
  "RESET SESSION AUTHORIZATION",
  "SET LOCAL ROLE NONE",
  "SET role TO DEFAULT",
  "select set_config('role', 'none', false)",
  '/* a /* nested */ comment */ sEt "role" none',
  "DO $$ BEGIN EXECUTE 'SET ROLE NONE'; END $$",
  "DISCARD ALL",
];

/** Every escape, in a transaction bound to business A and outside any: still only A's rows, never B's. */
async function expectConfined(database: Database, a: Actor, b: Actor) {
  const owner = database.ownerUrl ? loginOf(database.ownerUrl).user : "postgres";
  const db = database.db;
  for (const statement of escapes(owner)) {
    const seen = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.business_id', ${a.me.business.id}, true)`);
      // A savepoint, so a refused statement leaves the transaction usable for the check.
      await tx.transaction((inner) => inner.execute(sql.raw(statement))).catch(() => undefined);
      return queryRows<{ id: string }>(tx, sql`select id from businesses`);
    });
    expect(
      seen.map((r) => r.id),
      statement,
    ).toEqual([a.me.business.id]);

    await db.execute(sql.raw(statement)).catch(() => undefined);
    // Whichever pooled connection answers: no business set, no rows, and no way past the policies.
    for (let i = 0; i < 5; i++) {
      const [row] = await queryRows<{ n: number; free: boolean }>(
        db,
        sql`select (select count(*)::int from businesses) as n,
              (select count(*)::int from sales where business_id = ${b.me.business.id}) as b_sales,
              (select rolsuper or rolbypassrls from pg_roles where rolname = current_user) as free`,
      );
      expect(row, statement).toMatchObject({ n: 0, free: false });
    }
  }
}

describe("the app's connection cannot leave row-level security", () => {
  const t = useTestApp();
  let a: Actor;
  let b: Actor;
  beforeAll(async () => {
    a = await signUp(t.app);
    b = await signUp(t.app);
  });

  it("refuses every role-changing statement, in and out of a transaction", async () => {
    expect(t.database.confinedBy).toBe(t.database.driver === "pglite" ? "statement-guard" : "login-role");
    await expectConfined(t.database, a, b);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("on PostgreSQL the app logs in as a role that owns nothing", async () => {
    const app = loginOf(t.database.url as string).user;
    const owner = new pg.Client({ connectionString: t.database.ownerUrl });
    await owner.connect();
    try {
      const { rows } = await owner.query(
        `select r.rolsuper, r.rolbypassrls, pg_has_role(r.oid, 'duka_app', 'MEMBER') as app,
           (select count(*)::int from pg_class where relowner = r.oid) as owns
         from pg_roles r where rolname = $1`,
        [app],
      );
      expect(rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, app: true, owns: 0 });
    } finally {
      await owner.end();
    }
  });

  describe.runIf(process.env.TEST_DATABASE_URL)("on PostgreSQL with one URL for both (one machine)", () => {
    let same: Database;
    beforeAll(async () => {
      same = await openDatabase({ url: t.database.ownerUrl, poolMax: 3 });
    });
    afterAll(() => same?.close());

    it("closes the same door with the statement guard", async () => {
      expect(same.confinedBy).toBe("statement-guard");
      await expectConfined(same, a, b);
    });
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("the app's login role, set up by the owner", () => {
  const t = useTestApp();
  const name = `duka_roles_${process.pid}`;
  const admin = () => new pg.Client({ connectionString: t.database.ownerUrl });
  afterAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`DROP ROLE IF EXISTS ${name}_pw`);
    await c.query(`DROP ROLE IF EXISTS ${name}_bypass`);
    await c.end();
  });

  const appUrl = (user: string, password = "") => {
    const u = new URL(t.database.ownerUrl as string);
    u.username = user;
    u.password = password;
    return u.toString();
  };

  it("logs in with the app URL's password, stored as a SCRAM verifier PostgreSQL accepts", async () => {
    const database = await openDatabase({
      url: withPassword(appUrl(`${name}_pw`), "s3cret:/@?pass"),
      ownerUrl: t.database.ownerUrl,
      poolMax: 1,
    });
    await database.close();
    const c = admin();
    await c.connect();
    const { rows } = await c.query<{ v: string }>("select rolpassword as v from pg_authid where rolname = $1", [
      `${name}_pw`,
    ]);
    await c.end();
    const stored = rows[0]?.v ?? "";
    const [, iterations, salt] = /^SCRAM-SHA-256\$(\d+):([^$]+)\$/.exec(stored) ?? [];
    // The same password with the stored salt gives the stored verifier: the server would accept it.
    expect(scramVerifier("s3cret:/@?pass", Buffer.from(salt ?? "", "base64"), Number(iterations))).toBe(stored);
  });

  it("refuses to start when the app's user could see past row-level security", async () => {
    const c = admin();
    await c.connect();
    await c.query(`CREATE ROLE ${name}_bypass LOGIN BYPASSRLS`);
    await c.end();
    await expect(
      openDatabase({ url: appUrl(`${name}_bypass`), ownerUrl: t.database.ownerUrl, poolMax: 1 }),
    ).rejects.toThrow(/has BYPASSRLS: it could read every business's rows/);
  });
});

describe("the statement guard", () => {
  it("lets through what the app sends", () => {
    for (const ok of [
      "select set_config('app.business_id', $1, true)",
      'update "users" set "role" = $1 where "users"."id" = $2',
      'select "id", "role" from "users"',
      "SET LOCAL TimeZone = 'UTC'",
      "insert into notes (text) values ($1) on conflict do nothing",
    ]) {
      expect(() => guardStatement(ok), ok).not.toThrow();
    }
  });

  it("refuses role changes however they are spelled", () => {
    for (const bad of [
      ...escapes("postgres"),
      "select 1; set role none",
      "select pg_catalog.set_config('role', 'none', false)",
      "select \"set_config\"('session_authorization', 'postgres', false)",
      "create function pg_temp.f() returns void language sql as 'select 1'",
      "ALTER ROLE duka_app BYPASSRLS",
      "select U&'\\0072ole'",
      "set /* unterminated role none",
    ]) {
      expect(() => guardStatement(bad), bad).toThrow(/may not run on the app's connection/);
    }
  });
});
