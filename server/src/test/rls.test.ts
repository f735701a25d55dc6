import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ROLE, type Database, queryRows } from "../db/client.js";
import { businessTables } from "../db/schema.js";
import { type Actor, signUp, useTestApp } from "./api.js";

/**
 * Row-level security, checked from below the app: a raw connection that plays the app role must see
 * nothing without a business, and only that business's rows with one.
 */
describe("row-level security", () => {
  const t = useTestApp();

  it("covers every table with a business_id column: enabled, not forced on its owner, with a policy, listed", async () => {
    const rows = await queryRows<{ table: string; rls: boolean; forced: boolean; policies: number }>(
      t.database.db,
      sql`select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
            (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r'
            and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'business_id'
                         and not a.attisdropped) or c.relname = any(string_to_array(${businessTables.join(",")}, ',')))
          order by 1`,
    );
    expect(rows.map((r) => r.table).sort()).toEqual([...businessTables].sort());
    for (const r of rows) expect(r, r.table).toMatchObject({ rls: true, forced: false, policies: expect.any(Number) });
    for (const r of rows) expect(r.policies, r.table).toBeGreaterThan(0);
  });

  describe("seen through a raw connection as the app role", () => {
    let raw: Raw;
    let a: Actor;
    let b: Actor;

    beforeAll(async () => {
      a = await signUp(t.app);
      b = await signUp(t.app);
      raw = await rawConnection(t.database);
      for (const owner of [a, b]) await raw.asOwner((q) => seedEveryTable(q, owner));
    });
    afterAll(async () => {
      await raw?.end();
    });

    const countAsApp = (table: string, businessId?: string) =>
      raw.asApp(async (q) => {
        if (businessId) await q("select set_config('app.business_id', $1, true)", [businessId]);
        return (await q(`select count(*)::int as n from ${table}`))[0]?.n as number;
      });

    const countAsOwner = (table: string, businessId?: string) =>
      raw.asOwner(async (q) => {
        const column = table === "businesses" ? "id" : "business_id";
        const where = businessId ? ` where ${column} = $1` : "";
        return (await q(`select count(*)::int as n from ${table}${where}`, businessId ? [businessId] : []))[0]
          ?.n as number;
      });

    it("finds no rows in any business table with no business set, and only A's with A set", async () => {
      const businessA = a.me.business.id;
      for (const table of businessTables) {
        const all = await countAsOwner(table);
        const ofA = await countAsOwner(table, businessA);
        expect(ofA, `${table} has data for A`).toBeGreaterThan(0);
        expect(all, `${table} has data for B too`).toBeGreaterThan(ofA);
        expect(await countAsApp(table), `${table} without a business`).toBe(0);
        expect(await countAsApp(table, businessA), `${table} as A`).toBe(ofA);
      }
    });
  });
});

type Query = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
interface Raw {
  asOwner<T>(fn: (q: Query) => Promise<T>): Promise<T>;
  asApp<T>(fn: (q: Query) => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

/**
 * Plain SQL below the app, in a transaction as the tables' owner or as the app role. PostgreSQL: a
 * connection of its own. PGlite: its one connection, the role switched for the transaction only.
 */
async function rawConnection(database: Database): Promise<Raw> {
  const role = (as: "owner" | "app") => (as === "owner" ? "set local role none" : `set local role ${APP_ROLE}`);
  if (database.pglite) {
    const pglite = database.pglite;
    const run =
      (as: "owner" | "app") =>
      <T>(fn: (q: Query) => Promise<T>) =>
        pglite.transaction(async (tx) => {
          await tx.query(role(as));
          return fn(async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows);
        });
    return { asOwner: run("owner"), asApp: run("app"), end: async () => undefined };
  }
  const client = new pg.Client({ connectionString: database.ownerUrl });
  await client.connect();
  const run =
    (as: "owner" | "app") =>
    async <T>(fn: (q: Query) => Promise<T>) => {
      await client.query("begin");
      try {
        await client.query(role(as));
        const result = await fn(async (text, params) => (await client.query(text, params)).rows);
        await client.query("commit");
        return result;
      } catch (err) {
        await client.query("rollback");
        throw err;
      }
    };
  return { asOwner: run("owner"), asApp: run("app"), end: () => client.end() };
}

/** One row in every business table for this business, written as the table owner. */
async function seedEveryTable(query: Query, owner: Actor) {
  const biz = owner.me.business.id;
  const user = owner.me.user.id;
  const q = async (text: string, params: unknown[]) => (await query(text, params))[0] as Record<string, string>;
  const { id: loc } = await q("select id from locations where business_id = $1 limit 1", [biz]);
  await q(
    "insert into password_resets (business_id, user_id, token_hash, expires_at) values ($1, $2, md5(random()::text), now())",
    [biz, user],
  );
  const { id: customer } = await q("insert into customers (business_id, name) values ($1, 'C') returning id", [biz]);
  const { id: product } = await q(
    "insert into products (business_id, name, price) values ($1, 'P', 100) returning id",
    [biz],
  );
  await q("insert into stock_levels (business_id, product_id, location_id, quantity) values ($1, $2, $3, 5)", [
    biz,
    product,
    loc,
  ]);
  await q(
    "insert into stock_movements (business_id, product_id, location_id, kind, quantity, level_after) values ($1, $2, $3, 'receive', 5, 5)",
    [biz, product, loc],
  );
  const { id: count } = await q("insert into stock_counts (business_id, location_id) values ($1, $2) returning id", [
    biz,
    loc,
  ]);
  await q("insert into stock_count_lines (business_id, count_id, product_id, counted) values ($1, $2, $3, 5)", [
    biz,
    count,
    product,
  ]);
  const { id: sale } = await q(
    `insert into sales (id, business_id, number, location_id, user_id, customer_id, business_date, subtotal, total,
       payment_method, request_hash) values (gen_random_uuid(), $1, 1, $2, $3, $4, current_date, 100, 100, 'cash', 'h')
     returning id`,
    [biz, loc, user, customer],
  );
  await q(
    "insert into sale_lines (business_id, sale_id, line_no, product_id, name, quantity, unit_price, line_total) values ($1, $2, 1, $3, 'P', 1, 100, 100)",
    [biz, sale, product],
  );
  await q("insert into payments (business_id, kind, sale_id, method, amount) values ($1, 'sale', $2, 'cash', 100)", [
    biz,
    sale,
  ]);
  await q("insert into customer_ledger (business_id, customer_id, kind, amount) values ($1, $2, 'advance', -50)", [
    biz,
    customer,
  ]);
  await q(
    "insert into documents (business_id, filename, content_type, size, storage_key) values ($1, 'r.pdf', 'application/pdf', 1, gen_random_uuid()::text)",
    [biz],
  );
  await q(
    `insert into imports (business_id, kind, format, filename, header_key, mapping, counts, expires_at)
     values ($1, 'products', 'csv', 'p.csv', 'h', '{}', '{"new":0,"update":0,"unchanged":0,"error":0}', now() + interval '1 hour')`,
    [biz],
  );
  await q(
    `insert into sales_daily (business_id, business_date, location_id, user_id, payment_method, sales_count, net)
     values ($1, current_date, $2, $3, 'cash', 1, 100)`,
    [biz, loc, user],
  );
  await q(
    `insert into sales_monthly (business_id, month, location_id, user_id, payment_method, sales_count, net)
     values ($1, date_trunc('month', current_date)::date, $2, $3, 'cash', 1, 100)`,
    [biz, loc, user],
  );
  await q(
    `insert into product_sales_daily (business_id, business_date, location_id, user_id, product_id, quantity, revenue)
     values ($1, current_date, $2, $3, $4, 1, 100)`,
    [biz, loc, user, product],
  );
  await q(
    `insert into product_sales_monthly (business_id, month, product_id, quantity, revenue)
     values ($1, date_trunc('month', current_date)::date, $2, 1, 100)`,
    [biz, product],
  );
  await q(
    `insert into sync_attention (business_id, client_id, user_id, kind, body, code, message)
     values ($1, gen_random_uuid(), $2, 'sale', '{}', 'not_found', 'm')`,
    [biz, user],
  );
  await q(
    `insert into drawer_closes (id, business_id, business_date, location_id, user_id, closed_by, cash_sales,
       cash_refunds, repayments, expected, counted, request_hash)
     values (gen_random_uuid(), $1, current_date, $2, $3, $3, 100, 0, 0, 100, 100, 'h')`,
    [biz, loc, user],
  );
}
