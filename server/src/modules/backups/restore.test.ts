import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { type TestContext, useTestApp } from "../../test/api.js";
import { appOn, dumpAll, type Seeded, seedBusiness } from "../../test/backups.js";
import { createTestDatabase } from "../../test/db.js";
import { runBackup } from "./create.js";
import { withOwner } from "./owner.repository.js";
import { restoreBackup } from "./restore.js";

/** What an owner reads back: the figures a restore must not change. */
async function figures(app: Awaited<ReturnType<typeof appOn>>, s: Seeded) {
  const headers = { cookie: s.owner.cookie };
  const products = await app.inject({ method: "GET", url: "/api/v1/products", headers });
  const customer = await app.inject({ method: "GET", url: `/api/v1/customers/${s.customerId}`, headers });
  const content = await app.inject({ method: "GET", url: `/api/v1/documents/${s.documentId}/content`, headers });
  // The seeded sale is stamped with the real clock: a few days around today cover it in any time zone.
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const report = await app.inject({
    method: "GET",
    url: `/api/v1/reports/daily?from=${day(-2)}&to=${day(2)}`,
    headers,
  });
  expect(products.statusCode).toBe(200);
  expect(customer.statusCode).toBe(200);
  expect(report.statusCode, report.body).toBe(200);
  const sales = report.json().totals;
  expect(sales.salesCount).toBeGreaterThan(0);
  return { products: products.json(), customer: customer.json(), document: content.body, sales };
}

/** A fresh embedded database migrates from nothing (no test image on a PostgreSQL run): allow for it. */
const FRESH_PGLITE_MS = 120_000;

const engine = () => (process.env.TEST_DATABASE_URL ? "postgres" : "pglite");

describe("backup and restore", () => {
  const t = useTestApp();
  async function roundTrip(target: Database, source: TestContext = t) {
    const seeded = await seedBusiness(source);
    const backup = await runBackup(
      { database: source.database, files: t.app.deps.files, clock: t.clock.now },
      "manual",
    );
    expect(backup, backup.error ?? "").toMatchObject({ status: "succeeded", trigger: "manual" });
    expect(backup.size).toBeGreaterThan(0);
    expect(backup.verifiedAt).toBeInstanceOf(Date);
    try {
      const report = await restoreBackup(target, t.app.deps.files, backup.id);
      expect(report.documents).toEqual({ listed: expect.any(Number), missing: [] });
      expect(report.tables.find((r) => r.name === "stock_movements")?.rows).toBeGreaterThan(0);
      // Row for row, every table: the restored database is the one that was backed up.
      expect(await dumpAll(target)).toEqual(await dumpAll(source.database));
      const restored = await appOn(target, t.app.deps.files, t.clock.now);
      try {
        expect(await figures(restored, seeded)).toEqual(await figures(source.app as never, seeded));
        // Sequences continue after the restored rows: new rows get new ids, not a duplicate-key error.
        const more = await restored.inject({
          method: "POST",
          url: "/api/v1/stock-movements",
          headers: { cookie: seeded.owner.cookie },
          payload: { productId: seeded.productId, locationId: seeded.locationId, kind: "receive", quantity: 1 },
        });
        expect(more.statusCode, more.body).toBe(201);
      } finally {
        await restored.close();
      }
    } finally {
      await target.close();
    }
  }

  it(`round-trips every table into a fresh ${engine()} database`, async () => {
    await roundTrip(await createTestDatabase());
  });

  it("works out the daily summaries when the backup has none (made before they existed)", async () => {
    const older = await createTestDatabase();
    const app = await appOn(older, t.app.deps.files, t.clock.now);
    const target = await createTestDatabase();
    try {
      const seeded = await seedBusiness({ app: app as never, database: older, clock: t.clock } as TestContext);
      const before = await figures(app, seeded);
      await withOwner(older, "write", (tx) =>
        tx.query("drop table sales_daily, sales_monthly, product_sales_daily, product_sales_monthly"),
      );
      const backup = await runBackup({ database: older, files: t.app.deps.files, clock: t.clock.now }, "manual");
      expect(backup.status, backup.error ?? "").toBe("succeeded");
      await restoreBackup(target, t.app.deps.files, backup.id);
      const restored = await appOn(target, t.app.deps.files, t.clock.now);
      try {
        expect((await figures(restored, seeded)).sales).toEqual(before.sales);
      } finally {
        await restored.close();
      }
    } finally {
      await app.close();
      await older.close();
      await target.close();
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    "restores a PostgreSQL backup into PGlite",
    async () => {
      await roundTrip(await createTestDatabase("pglite"));
    },
    FRESH_PGLITE_MS,
  );

  it.runIf(process.env.TEST_DATABASE_URL)(
    "restores a PGlite backup into PostgreSQL",
    async () => {
      const embedded = await createTestDatabase("pglite");
      const app = await appOn(embedded, t.app.deps.files, t.clock.now);
      try {
        await roundTrip(await createTestDatabase("postgres"), {
          app: app as never,
          database: embedded,
          clock: t.clock,
        });
      } finally {
        await app.close();
        await embedded.close();
      }
    },
    FRESH_PGLITE_MS,
  );
});
