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
const FIRST_WEEK = "0006_first_week";
/** The migrations replayed: the summaries' and the one after it, which the summaries' era wrote. */
const REPLAYED_UP_TO = "0004_constraints";
/** The monthly summary, filled from the daily one: replayed after the summaries' era. */
const MONTHLY = "0015_sales_monthly";

interface Journal {
  entries: { tag: string; when: number }[];
}
const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as Journal;
const whenOf = (tag: string) => journal.entries.find((e) => e.tag === tag)?.when ?? Number.NaN;
const replayed = journal.entries.filter((e) => e.when >= whenOf(SUMMARIES) && e.when <= whenOf(REPLAYED_UP_TO));

/** The migrations folder as it was up to `upTo`: later migrations stay applied, untouched. */
function folderUpTo(upTo: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const kept = journal.entries.filter((e) => e.when <= whenOf(upTo));
  for (const e of kept) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify({ ...journal, entries: kept }));
  return dir;
}

/**
 * Runs the migrations from `from` to `upTo` again, as the tables' owner, on the test's own database;
 * the later migrations' records are put back after, so they stay applied, untouched.
 */
async function migrateAgain(database: Database, from = SUMMARIES, upTo = REPLAYED_UP_TO) {
  const later = await asOwner(database, (tx) =>
    queryRows<{ hash: string; created_at: string }>(
      tx,
      sql`select hash, created_at::text from drizzle.__drizzle_migrations where created_at > ${whenOf(upTo)}`,
    ),
  );
  await asOwner(database, (tx) =>
    tx.execute(sql`delete from drizzle.__drizzle_migrations where created_at >= ${whenOf(from)}`),
  );
  await replay(database, folderUpTo(upTo));
  await asOwner(database, async (tx) => {
    for (const m of later) {
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.created_at}::bigint)`,
      );
    }
  });
}

async function replay(database: Database, folder: string) {
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
      await tx.execute(sql`drop table sales_daily, sales_monthly, product_sales_daily, product_sales_monthly`);
      for (const [table, constraint] of constraintsAddedByReplayed()) {
        await tx.execute(sql.raw(`alter table if exists "${table}" drop constraint if exists "${constraint}"`));
      }
    });
    await migrateAgain(t.database);
    await migrateAgain(t.database, MONTHLY, MONTHLY);

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

  it("infer a business's country from its time zone, and which stock was counted and is carried", async () => {
    const owner = await signUp(t.app);
    const received = await makeProduct(owner, { name: "Soap", price: 150, stock: 5 });
    const added = (await owner.post("/products", { name: "Tea", price: 100 })).json() as { id: string };
    const businessId = owner.me.user.businessId;

    // Back to the schema before the first week's: no country yet, no counted or carried stock, no level rows for Tea.
    await asOwner(t.database, async (tx) => {
      await tx.execute(sql`update businesses set country = null where id = ${businessId}`);
      await tx.execute(sql`delete from stock_levels where product_id = ${added.id}`);
      await tx.execute(sql`alter table stock_levels drop column counted_at, drop column carried`);
    });
    await migrateAgain(t.database, FIRST_WEEK, FIRST_WEEK);

    const rows = await asOwner(t.database, (tx) =>
      queryRows<{ country: string | null; product_id: string; counted: boolean; carried: boolean }>(
        tx,
        sql`select b.country, s.product_id, s.counted_at is not null as counted, s.carried
            from businesses b join stock_levels s on s.business_id = b.id where b.id = ${businessId}`,
      ),
    );
    expect(rows.every((r) => r.country === "KE")).toBe(true);
    expect(rows.find((r) => r.product_id === received.id)).toMatchObject({ counted: true, carried: true });
    expect(rows.find((r) => r.product_id === added.id)).toMatchObject({ counted: false, carried: true });
  });
});
