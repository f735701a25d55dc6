import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../test/api.js";
import { expectSummariesMatchSales } from "../test/invariants.js";
import { asOwner } from "../test/owner.js";
import { makeProduct, saleBody } from "../test/sales.js";
import { APP_ROLE, type Database, migrationsFolder, queryRows } from "./client.js";
import * as schema from "./schema.js";

const SUMMARIES = "0003_sales_summaries";
/** The migrations replayed: the summaries' and the one after it, which the summaries' era wrote. */
const REPLAYED_UP_TO = "0004_constraints";

interface Journal {
  entries: { tag: string; when: number }[];
}
const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as Journal;
const whenOf = (tag: string) => journal.entries.find((e) => e.tag === tag)?.when ?? Number.NaN;
const replayed = journal.entries.filter((e) => e.when >= whenOf(SUMMARIES) && e.when <= whenOf(REPLAYED_UP_TO));

/** The migrations folder as it was up to `REPLAYED_UP_TO`: later migrations stay applied, untouched. */
function folderUpToReplayed(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const kept = journal.entries.filter((e) => e.when <= whenOf(REPLAYED_UP_TO));
  for (const e of kept) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify({ ...journal, entries: kept }));
  return dir;
}

/** Runs the replayed migrations again, as the tables' owner, on the test's own database. */
async function migrateAgain(database: Database) {
  const folder = folderUpToReplayed();
  if (database.pglite) {
    await database.pglite.exec("reset role");
    try {
      await migratePglite(drizzlePglite({ client: database.pglite }), { migrationsFolder: folder });
    } finally {
      await database.pglite.exec(`set role ${APP_ROLE}`);
    }
    return;
  }
  const owner = new pg.Client({ connectionString: database.ownerUrl });
  await owner.connect();
  try {
    await migrateNodePg(drizzle({ client: owner, schema }), { migrationsFolder: folder });
  } finally {
    await owner.end();
  }
}

/** The constraints that the replayed migrations add, as [table, constraint]. */
function constraintsAddedByReplayed(): [string, string][] {
  return replayed
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
      for (const [table, constraint] of constraintsAddedByReplayed()) {
        await tx.execute(sql.raw(`alter table if exists "${table}" drop constraint if exists "${constraint}"`));
      }
    });
    // The later migrations' records are put back after the replay: they stay applied, untouched.
    const later = await asOwner(t.database, (tx) =>
      queryRows<{ hash: string; created_at: string }>(
        tx,
        sql`select hash, created_at::text from drizzle.__drizzle_migrations where created_at > ${whenOf(REPLAYED_UP_TO)}`,
      ),
    );
    await asOwner(t.database, (tx) =>
      tx.execute(sql`delete from drizzle.__drizzle_migrations where created_at >= ${whenOf(SUMMARIES)}`),
    );
    await migrateAgain(t.database);
    await asOwner(t.database, async (tx) => {
      for (const m of later) {
        await tx.execute(
          sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.created_at}::bigint)`,
        );
      }
    });

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
