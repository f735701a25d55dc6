import type { CreateSaleBody } from "@duka/contracts";
import { describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { addStaff } from "../../test/fixtures.js";
import { expectLedgerMatchesLevels, expectSummariesMatchSales } from "../../test/invariants.js";
import { makeProduct, saleBody, stockOf, written } from "../../test/sales.js";

/**
 * Eight clients recording sales at once. On PostgreSQL: 2,000 sales over a real connection pool,
 * so transactions truly overlap. PGlite runs one transaction at a time in-process, so the same
 * test there proves only the bookkeeping; 300 sales keep it quick.
 */
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const SALES = onPostgres ? 2000 : 300;
const CLIENTS = 8;

async function runClients(clients: Actor[], bodies: CreateSaleBody[], expected: number) {
  const answers = new Array<{ status: number; body: unknown }>(bodies.length);
  let next = 0;
  await Promise.all(
    clients.map(async (client) => {
      while (next < bodies.length) {
        const i = next++;
        const res = await client.post("/sales", bodies[i]);
        answers[i] = { status: res.statusCode, body: res.json() };
        expect(res.statusCode, res.body).toBe(expected);
      }
    }),
  );
  return answers;
}

describe("recording sales under load", () => {
  const t = useTestApp();

  it(`stores ${SALES} concurrent sales once each; the report and the ledgers agree; replays change nothing`, async () => {
    t.clock.set("2026-08-01T07:00:00Z");
    const owner = await signUp(t.app);
    const staff = await Promise.all(
      Array.from({ length: CLIENTS - 1 }, (_, i) => addStaff(t, owner, { name: `S${i}` })),
    );
    // Each client is its own signed-in user, so every sale says who made it.
    const clients = [owner, ...staff];
    const products: { id: string }[] = [];
    for (let i = 0; i < 12; i++) products.push(await makeProduct(owner, { price: 50 + i * 37, stock: 100_000 }));

    const soldMilli = new Map<string, number>();
    const bodies = Array.from({ length: SALES }, (_, n) => {
      const lines = Array.from({ length: 1 + (n % 3) }, (_, k) => {
        const product = products[(n * 7 + k * 5) % products.length];
        if (!product) throw new Error("no product");
        const quantity = (n + k) % 4 === 0 ? 0.25 * (1 + (n % 5)) : 1 + (n % 3);
        soldMilli.set(product.id, (soldMilli.get(product.id) ?? 0) + Math.round(quantity * 1000));
        return { productId: product.id, quantity };
      });
      return saleBody(lines, { payment: { method: n % 2 ? "cash" : "mobile_money" } });
    });
    // Staff may only record their own sales again, so each body is sent by the same client both times.
    const assign = (list: CreateSaleBody[], c: number) => list.filter((_, i) => i % CLIENTS === c);
    const perClient = clients.map((_, c) => assign(bodies, c));
    const first = await Promise.all(clients.map((client, c) => runClients([client], perClient[c] ?? [], 201)));

    const acknowledged = first.flat();
    expect(acknowledged).toHaveLength(SALES);
    const totals = acknowledged.map((a) => (a.body as { total: number }).total);
    // Receipt numbers: each sale its own, and no gaps.
    const numbers = acknowledged.map((a) => (a.body as { number: number }).number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: SALES }, (_, i) => i + 1));
    const stored = await written(t.database, owner.me.user.businessId);
    expect(stored?.sales).toBe(SALES);
    const report = (await owner.get("/reports/daily?from=2026-08-01&to=2026-08-01")).json();
    expect(report.totals.salesCount).toBe(SALES);
    expect(report.totals.netSales).toBe(totals.reduce((a, b) => a + b, 0));
    for (const p of products)
      expect(await stockOf(owner, p.id)).toBe((100_000_000 - (soldMilli.get(p.id) ?? 0)) / 1000);
    await expectLedgerMatchesLevels(t.database);
    await expectSummariesMatchSales(t.database);

    const again = await Promise.all(clients.map((client, c) => runClients([client], perClient[c] ?? [], 200)));
    expect(again.flat().map((a) => a.body)).toEqual(acknowledged.map((a) => a.body));
    expect(await written(t.database, owner.me.user.businessId)).toEqual(stored);
    expect((await owner.get("/reports/daily?from=2026-08-01&to=2026-08-01")).json().totals).toEqual(report.totals);
  }, 300_000);
});
