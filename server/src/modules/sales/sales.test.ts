import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";
import { addStaff } from "../../test/fixtures.js";
import { expectLedgerMatchesLevels, expectSummariesMatchSales } from "../../test/invariants.js";
import { makeProduct, saleBody, stockOf } from "../../test/sales.js";

describe("POST /sales", () => {
  const t = useTestApp();

  it("computes every amount on the server, rounding weighed goods half up, and takes the stock", async () => {
    const owner = await signUp(t.app);
    const sugar = await makeProduct(owner, { name: "Sugar", price: 333, cost: 250, stock: 10 });
    const soap = await makeProduct(owner, { name: "Soap", price: 120, stock: 5 });
    const body = {
      ...saleBody([
        { productId: sugar.id, quantity: 1.25 },
        { productId: soap.id, quantity: 2, discount: 20 },
      ]),
      total: 1,
      subtotal: 1,
    };
    const res = await owner.post("/sales", body);
    expect(res.statusCode, res.body).toBe(201);
    const sale = res.json();
    // 333 × 1.25 = 416.25 → 416; 120 × 2 − 20 = 220.
    expect(sale.lines.map((l: { lineTotal: number }) => l.lineTotal)).toEqual([416, 220]);
    expect(sale).toMatchObject({ number: 1, subtotal: 636, discount: 0, total: 636, status: "completed" });
    expect(sale.lines[0]).toMatchObject({ lineNo: 1, name: "Sugar", quantity: 1.25, unitPrice: 333 });
    expect(sale.receipt).toMatchObject({ businessName: "Mama Amina Shop", staffName: "Amina" });
    expect(await stockOf(owner, sugar.id)).toBe(8.75);
    expect(await stockOf(owner, soap.id)).toBe(3);
    await expectLedgerMatchesLevels(t.database);
    await expectSummariesMatchSales(t.database);
  });

  it("numbers sales in order, computes change, and merges a product on two lines into one movement", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 150, stock: 10 });
    const first = await owner.post("/sales", saleBody([{ productId: p.id, quantity: 1 }]));
    const second = await owner.post(
      "/sales",
      saleBody(
        [
          { productId: p.id, quantity: 2 },
          { productId: p.id, quantity: 3 },
        ],
        { payment: { method: "cash", amountTendered: 1000 }, discount: 50 },
      ),
    );
    expect(second.statusCode, second.body).toBe(201);
    expect(first.json().number).toBe(1);
    expect(second.json()).toMatchObject({ number: 2, subtotal: 750, discount: 50, total: 700, change: 300 });
    expect(await stockOf(owner, p.id)).toBe(4);
    const movements = (await owner.get(`/stock-movements?productId=${p.id}`)).json().items;
    expect(
      movements.filter((m: { kind: string }) => m.kind === "sale").map((m: { quantity: number }) => m.quantity),
    ).toEqual([-5, -1]);
    await expectLedgerMatchesLevels(t.database);
    await expectSummariesMatchSales(t.database);
  });

  it("refuses too little tendered, a hidden or unknown method, and credit without a customer", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 500, stock: 10 });
    const line = [{ productId: p.id, quantity: 1 }];
    const short = await owner.post("/sales", saleBody(line, { payment: { method: "cash", amountTendered: 499 } }));
    expect(short.statusCode).toBe(400);
    expect((await owner.post("/sales", saleBody(line, { payment: { method: "bitcoin" } }))).statusCode).toBe(400);
    await owner.patch("/business", {
      settings: {
        paymentMethods: [
          { method: "cash", label: "Pesa taslimu" },
          { method: "card", hidden: true },
        ],
      },
    });
    expect((await owner.post("/sales", saleBody(line, { payment: { method: "card" } }))).statusCode).toBe(400);
    const renamed = await owner.post("/sales", saleBody(line));
    expect(renamed.json().payment).toEqual({ method: "cash", label: "Pesa taslimu", reference: null });
    expect((await owner.post("/sales", saleBody(line, { payment: { method: "bank_transfer" } }))).statusCode).toBe(201);
    const credit = await owner.post("/sales", saleBody(line, { payment: { method: "credit" } }));
    expect(credit.statusCode).toBe(400);
    expect(credit.json().error.message).toMatch(/customer/);
    expect(await stockOf(owner, p.id)).toBe(8);
  });

  it("lets staff change prices and give discounts only as the owner allows", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner);
    const p = await makeProduct(owner, { name: "Rice", price: 1000, stock: 50 });
    const sell = (line: object, extra = {}) =>
      staff.post("/sales", saleBody([{ productId: p.id, quantity: 1, ...line }], extra));

    const price = await sell({ unitPrice: 900 });
    expect(price.statusCode).toBe(403);
    expect(price.json().error).toMatchObject({ code: "price_change_not_allowed" });
    expect((await sell({ unitPrice: 1000 })).statusCode).toBe(201);
    // Default rules: staff may discount up to 10%.
    expect((await sell({ discount: 100 })).statusCode).toBe(201);
    const big = await sell({ discount: 101 });
    expect(big.json().error.code).toBe("discount_too_large");
    expect((await sell({}, { discount: 101 })).statusCode).toBe(403);
    expect(
      (await owner.post("/sales", saleBody([{ productId: p.id, quantity: 1, unitPrice: 1, discount: 1 }]))).statusCode,
    ).toBe(201);

    await owner.patch("/business", { settings: { staffMayChangePrice: true, staffMayDiscount: false } });
    expect((await sell({ unitPrice: 900 })).statusCode).toBe(201);
    expect((await sell({ discount: 1 })).json().error.code).toBe("discount_not_allowed");
    const tooMuch = await owner.post("/sales", saleBody([{ productId: p.id, quantity: 1, discount: 1001 }]));
    expect(tooMuch.statusCode).toBe(400);
    expect(await stockOf(owner, p.id)).toBe(46);
  });

  it("records a back-dated sale for the owner only, never in the future, and logs it", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner);
    const p = await makeProduct(owner, { price: 100, stock: 10 });
    t.clock.set("2026-03-10T09:00:00Z");
    const line = [{ productId: p.id, quantity: 1 }];
    const past = await owner.post("/sales", saleBody(line, { occurredAt: "2026-02-01T10:00:00+03:00" }));
    expect(past.statusCode, past.body).toBe(201);
    expect(past.json()).toMatchObject({ backdated: true, businessDate: "2026-02-01" });
    const future = await owner.post("/sales", saleBody(line, { occurredAt: "2026-03-10T09:05:00Z" }));
    expect(future.statusCode).toBe(400);
    expect((await staff.post("/sales", saleBody(line, { occurredAt: "2026-02-01T10:00:00Z" }))).statusCode).toBe(403);
    const log = (await owner.get("/audit")).json().items as { action: string; entityId: string }[];
    expect(log.find((e) => e.entityId === past.json().id)?.action).toBe("sale.backdated");
  });
});
