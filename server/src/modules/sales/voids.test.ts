import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";
import { addStaff } from "../../test/fixtures.js";
import { expectLedgerMatchesLevels, expectSummariesMatchSales } from "../../test/invariants.js";
import { makeProduct, saleBody, stockOf, written } from "../../test/sales.js";
import { lineNets, refundAmount } from "./refund-amounts.js";

describe("voids and refunds", () => {
  const t = useTestApp();

  it("voids a sale once: stock comes back, the credit is reversed, the sale stays visible as voided", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 400, stock: 10 });
    const customer = (await owner.post("/customers", { name: "Neema" })).json().id;
    const sale = (
      await owner.post(
        "/sales",
        saleBody([{ productId: p.id, quantity: 3 }], { payment: { method: "credit" }, customerId: customer }),
      )
    ).json();
    expect((await owner.get(`/customers/${customer}`)).json().balance).toBe(1200);
    const staff = await addStaff(t, owner);
    expect((await staff.post(`/sales/${sale.id}/void`, { reason: "mistake" })).statusCode).toBe(403);
    expect((await owner.post(`/sales/${sale.id}/void`, {})).statusCode).toBe(400);

    const voided = await owner.post(`/sales/${sale.id}/void`, { reason: "Wrong customer" });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ status: "voided", voidReason: "Wrong customer" });
    expect(await stockOf(owner, p.id)).toBe(10);
    expect((await owner.get(`/customers/${customer}`)).json().balance).toBe(0);
    const before = await written(t.database, owner.me.user.businessId);
    const twice = await owner.post(`/sales/${sale.id}/void`, { reason: "again" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("already_voided");
    expect(await written(t.database, owner.me.user.businessId)).toEqual(before);
    expect((await owner.get(`/sales/${sale.id}`)).json().status).toBe("voided");
    const refund = await owner.post(`/sales/${sale.id}/refunds`, {
      id: randomUUID(),
      lines: [{ lineNo: 1, quantity: 1 }],
      reason: "late",
    });
    expect(refund.statusCode).toBe(409);
    await expectLedgerMatchesLevels(t.database);
    await expectSummariesMatchSales(t.database);
  });

  it("refunds part of a sale in pieces that add up to the whole, idempotently, never past what was sold", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { name: "Flour", price: 333, stock: 10 });
    const q = await makeProduct(owner, { price: 100, stock: 10 });
    const sale = (
      await owner.post(
        "/sales",
        saleBody(
          [
            { productId: p.id, quantity: 3 },
            { productId: q.id, quantity: 1 },
          ],
          { discount: 99 },
        ),
      )
    ).json();
    expect(sale.total).toBe(1000);
    const piece = { id: randomUUID(), lines: [{ lineNo: 1, quantity: 1 }], reason: "Damp bag" };
    const first = await owner.post(`/sales/${sale.id}/refunds`, piece);
    expect(first.statusCode, first.body).toBe(201);
    const replay = await owner.post(`/sales/${sale.id}/refunds`, piece);
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual(first.json());
    expect(await stockOf(owner, p.id)).toBe(8);
    const damaged = await owner.post(`/sales/${sale.id}/refunds`, {
      id: randomUUID(),
      lines: [{ lineNo: 1, quantity: 2 }],
      reason: "Torn",
      restock: false,
    });
    expect(damaged.statusCode).toBe(201);
    expect(await stockOf(owner, p.id)).toBe(8);
    const over = await owner.post(`/sales/${sale.id}/refunds`, {
      id: randomUUID(),
      lines: [{ lineNo: 1, quantity: 0.001 }],
      reason: "more",
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe("refund_exceeds_sold");
    const rest = await owner.post(`/sales/${sale.id}/refunds`, {
      id: randomUUID(),
      lines: [{ lineNo: 2, quantity: 1 }],
      reason: "Unwanted",
    });
    // Everything refunded: exactly the sale's total came back.
    expect(first.json().amount + damaged.json().amount + rest.json().amount).toBe(1000);
    expect(rest.json().sale).toMatchObject({ refunded: 1000, status: "completed" });
    expect(rest.json().sale.lines.map((l: { refundedQuantity: number }) => l.refundedQuantity)).toEqual([3, 1]);
    const otherSale = (await owner.post("/sales", saleBody([{ productId: q.id, quantity: 1 }]))).json();
    expect((await owner.post(`/sales/${otherSale.id}/refunds`, piece)).statusCode).toBe(409);
    await expectLedgerMatchesLevels(t.database);
    await expectSummariesMatchSales(t.database);
  });

  it("takes a refunded credit sale off the customer's book and off what they spent", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 500, stock: 10 });
    const customer = (await owner.post("/customers", { name: "Zawadi" })).json().id;
    const sale = (
      await owner.post(
        "/sales",
        saleBody([{ productId: p.id, quantity: 2 }], { payment: { method: "credit" }, customerId: customer }),
      )
    ).json();
    const res = await owner.post(`/sales/${sale.id}/refunds`, {
      id: randomUUID(),
      lines: [{ lineNo: 1, quantity: 1 }],
      reason: "Returned",
    });
    expect(res.json().amount).toBe(500);
    expect((await owner.get(`/customers/${customer}`)).json().balance).toBe(500);
    expect((await owner.get(`/customers/${customer}/sales`)).json().summary.totalSpent).toBe(500);
  });

  it("shares a sale discount over lines without losing a cent", () => {
    expect(lineNets([1, 1, 1], 2)).toEqual([0, 0, 1]);
    for (const [totals, discount] of [
      [[999, 1], 500],
      [[333, 333, 334], 1000],
      [[7, 0, 13], 3],
    ] as [number[], number][]) {
      const nets = lineNets(totals, discount);
      expect(nets.reduce((a, b) => a + b, 0)).toBe(totals.reduce((a, b) => a + b, 0) - discount);
      for (const [i, n] of nets.entries()) expect(n >= 0 && n <= (totals[i] ?? 0)).toBe(true);
    }
    expect(refundAmount(1000, 3000, 0, 1000) + refundAmount(1000, 3000, 1000, 2000)).toBe(1000);
  });
});
