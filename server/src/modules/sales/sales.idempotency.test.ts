import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";
import { expectLedgerMatchesLevels, expectSummariesMatchSales } from "../../test/invariants.js";
import { makeProduct, saleBody, stockOf, written } from "../../test/sales.js";

describe("POST /sales is idempotent by its client id", () => {
  const t = useTestApp();

  it("answers a replay with the original body and writes nothing; a different body is 409", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 250, stock: 10 });
    const body = saleBody([{ productId: p.id, quantity: 2 }], { note: "first" });
    const first = await owner.post("/sales", body);
    expect(first.statusCode).toBe(201);
    const before = await written(t.database, owner.me.user.businessId);
    // The same request with its fields in another order is the same request.
    const reordered = { note: body.note, payment: body.payment, lines: body.lines, id: body.id };
    const again = await owner.post("/sales", reordered);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await written(t.database, owner.me.user.businessId)).toEqual(before);
    expect(await stockOf(owner, p.id)).toBe(8);

    const changed = await owner.post("/sales", { ...body, lines: [{ productId: p.id, quantity: 3 }] });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe("idempotency_conflict");
    expect(await written(t.database, owner.me.user.businessId)).toEqual(before);
    // The counter did not move for the replay or the conflict.
    expect((await owner.post("/sales", saleBody([{ productId: p.id, quantity: 1 }]))).json().number).toBe(2);
  });

  it("replays even when the product has since changed price or run out", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 100, stock: 1 });
    const body = saleBody([{ productId: p.id, quantity: 1 }]);
    const first = await owner.post("/sales", body);
    await owner.patch(`/products/${p.id}`, { price: 999 });
    const again = await owner.post("/sales", body);
    expect(again.statusCode).toBe(200);
    expect(again.json().total).toBe(first.json().total);
  });

  it("takes an id another business used as a new sale of this one, revealing nothing of the other", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const pa = await makeProduct(a, { name: "Secret Tonic", price: 100, stock: 5 });
    const pb = await makeProduct(b, { price: 250, stock: 5 });
    const body = saleBody([{ productId: pa.id, quantity: 1 }]);
    const first = await a.post("/sales", body);
    expect(first.statusCode).toBe(201);
    const res = await b.post("/sales", { ...body, lines: [{ productId: pb.id, quantity: 2 }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.body).not.toContain("Secret Tonic");
    expect(res.json()).toMatchObject({ id: body.id, number: 1, total: 500 });
    expect(await stockOf(b, pb.id)).toBe(3);
    // Each business keeps its own sale under the one id; a retry in either answers its own.
    expect((await a.get(`/sales/${body.id}`)).json().total).toBe(100);
    expect((await b.get(`/sales/${body.id}`)).json().total).toBe(500);
    expect((await a.post("/sales", body)).json()).toEqual(first.json());
    expect((await written(t.database, b.me.user.businessId))?.sales).toBe(1);
    await expectLedgerMatchesLevels(t.database);
    await expectSummariesMatchSales(t.database);
  });

  it("makes one sale of two identical requests racing", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 100, stock: 10 });
    for (let round = 0; round < 5; round++) {
      const body = saleBody([{ productId: p.id, quantity: 1 }]);
      const answers = await Promise.all([
        owner.post("/sales", body),
        owner.post("/sales", body),
        owner.post("/sales", body),
      ]);
      expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
      const bodies = answers.map((r) => r.json());
      expect(bodies[1]).toEqual(bodies[0]);
      expect(bodies[2]).toEqual(bodies[0]);
    }
    expect(await stockOf(owner, p.id)).toBe(5);
    expect((await written(t.database, owner.me.user.businessId))?.sales).toBe(5);
    await expectLedgerMatchesLevels(t.database);
    await expectSummariesMatchSales(t.database);
  });
});
