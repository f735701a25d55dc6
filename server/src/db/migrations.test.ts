import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../test/api.js";
import { expectSummariesMatchSales } from "../test/invariants.js";
import { asOwner } from "../test/owner.js";
import { makeProduct, saleBody } from "../test/sales.js";
import { APP_ROLE, type Database, migrationsFolder, queryRows } from "./client.js";
import { runMigrations } from "./migrate.js";
import * as schema from "./schema.js";

/** Runs the pending migrations again, as the tables' owner, on the test's own database. */
async function migrateAgain(database: Database) {
  if (database.pglite) {
    await database.pglite.exec("reset role");
    try {
      await runMigrations(drizzlePglite({ client: database.pglite }), "pglite");
    } finally {
      await database.pglite.exec(`set role ${APP_ROLE}`);
    }
    return;
  }
  const owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  try {
    await runMigrations(drizzle({ client: owner, schema }), "postgres");
  } finally {
    await owner.end();
  }
}

const SUMMARIES = "0003_sales_summaries";
const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
  entries: { tag: string; when: number }[];
};
const whenOf = (tag: string) => journal.entries.find((e) => e.tag === tag)?.when ?? Number.NaN;

/** The constraints that migrations after `tag` add, as [table, constraint]. */
function constraintsAddedAfter(tag: string): [string, string][] {
  return journal.entries
    .filter((e) => e.when > whenOf(tag))
    .flatMap((e) => [
      ...fs
        .readFileSync(path.join(migrationsFolder, `${e.tag}.sql`), "utf8")
        .matchAll(/ALTER TABLE "(\w+)" ADD CONSTRAINT "(\w+)"/g),
    ])
    .map((m) => [m[1] as string, m[2] as string]);
}

describe("migrations", () => {
  const t = useTestApp();

  it("fill the sales summaries from sales recorded before the summaries existed", async () => {
    const owner = await signUp(t.app);
    const soap = await makeProduct(owner, { name: "Soap", price: 150, cost: 90, stock: 20 });
    const rice = await makeProduct(owner, { name: "Rice", price: 1000, stock: 20 });
    const kept = await owner.post(
      "/sales",
      saleBody([
        { productId: soap.id, quantity: 3 },
        { productId: rice.id, quantity: 1 },
      ]),
    );
    const voided = await owner.post("/sales", saleBody([{ productId: rice.id, quantity: 2 }]));
    expect([kept.statusCode, voided.statusCode]).toEqual([201, 201]);
    expect((await owner.post(`/sales/${voided.json().id}/void`, { reason: "Rang up twice" })).statusCode).toBe(200);

    // Back to the schema before the summaries: their tables gone, the constraints added since then
    // gone, and those migrations not yet applied.
    await asOwner(t.database, async (tx) => {
      await tx.execute(sql`drop table sales_daily, product_sales_daily`);
      for (const [table, constraint] of constraintsAddedAfter(SUMMARIES)) {
        await tx.execute(sql.raw(`alter table if exists "${table}" drop constraint if exists "${constraint}"`));
      }
      await tx.execute(sql`delete from drizzle.__drizzle_migrations where created_at >= ${whenOf(SUMMARIES)}`);
    });
    await migrateAgain(t.database);

    const [row] = await asOwner(t.database, async (tx) => {
      return queryRows<{ sales: number; voids: number; net: string }>(
        tx,
        sql`select sum(sales_count)::int as sales, sum(voids_count)::int as voids, sum(net)::text as net from sales_daily`,
      );
    });
    expect(row).toEqual({ sales: 1, voids: 1, net: String(kept.json().total) });
    await expectSummariesMatchSales(t.database);
    // The policies are back in force: the app, with no business set, sees no summary row.
    const seen = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from sales_daily`);
    expect(seen[0]?.n).toBe(0);
  });
});
