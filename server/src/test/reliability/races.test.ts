import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../api.js";
import { expectLedgerMatchesLevels, expectSummariesMatchSales } from "../invariants.js";
import { makeProduct, saleBody } from "../sales.js";

/** The race probes, kept: many clients at once on the same last unit and on the same sale. */
describe("races on the same stock and the same sale", () => {
  const t = useTestApp();

  it("32 buyers of the last unit: one sale, never oversold", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 250, stock: 1 });
    const results = await Promise.all(
      Array.from({ length: 32 }, () => owner.post("/sales", saleBody([{ productId: p.id, quantity: 1 }]))),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c !== 201).every((c) => c === 409)).toBe(true);
    expect((await owner.get(`/products/${p.id}`)).json().stock).toBe(0);
    await expectLedgerMatchesLevels(t.database);
  });

  it("16 refunds and voids of the same sale at once: never more refunded than sold", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 1000, stock: 10 });
    const sale = (await owner.post("/sales", saleBody([{ productId: p.id, quantity: 3 }]))).json();
    const requests = Array.from({ length: 16 }, (_, i) =>
      i % 4 === 3
        ? owner.post(`/sales/${sale.id}/void`, { reason: "Customer changed their mind" })
        : owner.post(`/sales/${sale.id}/refunds`, {
            id: randomUUID(),
            lines: [{ lineNo: 1, quantity: 1 }],
            reason: "Returned",
          }),
    );
    const results = await Promise.all(requests);
    for (const r of results) expect(r.statusCode, r.body).toBeLessThan(500);

    const after = (await owner.get(`/sales/${sale.id}`)).json();
    const refundedQty = after.lines[0].refundedQuantity as number;
    const refunds = results.filter((r, i) => i % 4 !== 3 && r.statusCode === 201);
    const refundedMoney = refunds.reduce((sum, r) => sum + (r.json().amount as number), 0);
    expect(refundedQty).toBeLessThanOrEqual(3);
    expect(refundedQty).toBe(refunds.length);
    expect(refundedMoney).toBeLessThanOrEqual(sale.total);
    // A voided sale gives back everything once: a void after refunds, or refunds after a void, never both in full.
    const stock = (await owner.get(`/products/${p.id}`)).json().stock as number;
    expect(stock).toBeLessThanOrEqual(10);
    expect(stock).toBe(after.status === "voided" ? 10 : 7 + refundedQty);
    await expectLedgerMatchesLevels(t.database);
    await expectSummariesMatchSales(t.database);
  });
});
