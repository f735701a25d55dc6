import type { PGlite, Transaction } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { signUp, useTestApp } from "../../test/api.js";
import { expectLedgerMatchesLevels, expectSummariesMatchSales } from "../../test/invariants.js";
import { makeProduct, saleBody } from "../../test/sales.js";

/**
 * Counts what reaches the database driver: every query node-postgres sends (BEGIN and COMMIT
 * included), or on PGlite every query and exec, with a transaction's BEGIN and COMMIT.
 */
function countRoundTrips(database: Database) {
  let count = 0;
  const texts: string[] = [];
  const seen = (text: unknown) => {
    count++;
    texts.push(String(typeof text === "object" && text && "text" in text ? text.text : text).slice(0, 60));
  };
  const undo: (() => void)[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: wraps any driver method taking the SQL first
  const counted = <F extends (...args: any[]) => any>(f: F, self: unknown): F =>
    ((text: unknown, ...rest: unknown[]) => {
      seen(text);
      return f.call(self, text, ...rest);
    }) as F;
  if (database.pglite) {
    const db = database.pglite as PGlite;
    const { query, exec, transaction } = db;
    db.query = counted(query, db);
    db.exec = counted(exec, db);
    db.transaction = (<T>(fn: (tx: Transaction) => Promise<T>) =>
      transaction.call(db, async (tx) => {
        seen("BEGIN");
        const wrapped: Transaction = Object.create(tx);
        wrapped.query = counted(tx.query, tx);
        wrapped.exec = counted(tx.exec, tx);
        const result = await fn(wrapped);
        seen("COMMIT");
        return result;
      })) as PGlite["transaction"];
    undo.push(() => Object.assign(db, { query, exec, transaction }));
  } else {
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      seen(args[0]);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    undo.push(() => {
      pg.Client.prototype.query = original;
    });
  }
  return {
    during: async <T>(fn: () => Promise<T>) => {
      count = 0;
      texts.length = 0;
      const result = await fn();
      return { result, count, texts: [...texts] };
    },
    stop: () => {
      for (const u of undo) u();
    },
  };
}

describe("recording a sale takes few round trips to the database", () => {
  const t = useTestApp();
  let counter: ReturnType<typeof countRoundTrips>;
  beforeAll(() => {
    counter = countRoundTrips(t.database);
  });
  afterAll(() => counter.stop());

  it("a cash sale of 3 lines: at most 6, the session check included; a credit sale at most 7", async () => {
    const owner = await signUp(t.app);
    const products = await Promise.all(
      [100, 250, 999].map((price, i) => makeProduct(owner, { price, cost: Math.round(price / 3), stock: 10 + i })),
    );
    const customer = (await owner.post("/customers", { name: "Amina", creditLimit: 100_000 })).json().id;
    const lines = products.map((p, i) => ({ productId: p.id, quantity: i + 1 }));
    // Warm: the first request of a session may refresh it.
    expect((await owner.post("/sales", saleBody(lines))).statusCode).toBe(201);

    const cash = await counter.during(() => owner.post("/sales", saleBody(lines)));
    expect(cash.result.statusCode, cash.result.body).toBe(201);
    expect(cash.count, cash.texts.join("\n")).toBeLessThanOrEqual(6);

    const credit = await counter.during(() =>
      owner.post("/sales", saleBody(lines, { payment: { method: "credit" }, customerId: customer })),
    );
    expect(credit.result.statusCode, credit.result.body).toBe(201);
    expect(credit.count, credit.texts.join("\n")).toBeLessThanOrEqual(7);

    // The answer built in memory is the sale as stored.
    const sale = credit.result.json();
    expect((await owner.get(`/sales/${sale.id}`)).json()).toEqual(sale);
    expect((await owner.get(`/customers/${customer}`)).json().balance).toBe(sale.total);
    await expectLedgerMatchesLevels(t.database);
    await expectSummariesMatchSales(t.database);
  });
});
