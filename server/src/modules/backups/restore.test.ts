import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { type TestContext, useTestApp } from "../../test/api.js";
import { appOn, dumpAll, type Seeded, seedBusiness } from "../../test/backups.js";
import { createTestDatabase } from "../../test/db.js";
import { runBackup } from "./create.js";
import { restoreBackup } from "./restore.js";

/** What an owner reads back: the figures a restore must not change. */
async function figures(app: Awaited<ReturnType<typeof appOn>>, s: Seeded) {
  const headers = { cookie: s.owner.cookie };
  const products = await app.inject({ method: "GET", url: "/api/v1/products", headers });
  const customer = await app.inject({ method: "GET", url: `/api/v1/customers/${s.customerId}`, headers });
  const content = await app.inject({ method: "GET", url: `/api/v1/documents/${s.documentId}/content`, headers });
  expect(products.statusCode).toBe(200);
  expect(customer.statusCode).toBe(200);
  return { products: products.json(), customer: customer.json(), document: content.body };
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
