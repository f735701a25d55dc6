import { MAX_LINE_QUANTITY, MAX_MONEY } from "@duka/contracts";
import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";
import { expectLedgerMatchesLevels } from "../../test/invariants.js";
import { makeProduct, saleBody, stockOf, written } from "../../test/sales.js";

const UNKNOWN = "00000000-0000-4000-8000-000000000000";

describe("POST /sales with bad input writes nothing", () => {
  const t = useTestApp();

  it("answers 4xx with a clear message for every bad request, and leaves sales and stock untouched", async () => {
    const owner = await signUp(t.app);
    const other = await signUp(t.app);
    const p = await makeProduct(owner, { name: "Maize flour", price: 200, stock: 5 });
    const archived = await makeProduct(owner, { name: "Old stock", price: 100, stock: 5 });
    await owner.patch(`/products/${archived.id}`, { archived: true });
    const foreign = await makeProduct(other, { name: "Their soap", price: 100, stock: 5 });
    const foreignCustomer = (await other.post("/customers", { name: "Their customer" })).json().id;
    const ok = { productId: p.id, quantity: 1 };
    const before = await written(t.database, owner.me.user.businessId);

    const cases: [string, unknown, number, RegExp?][] = [
      ["no lines", saleBody([]), 400, /at least one line/],
      ["zero quantity", saleBody([{ productId: p.id, quantity: 0 }]), 400, /more than zero/],
      ["negative quantity", saleBody([{ productId: p.id, quantity: -1 }]), 400],
      ["four decimals", saleBody([{ productId: p.id, quantity: 1.0005 }]), 400],
      ["a slipped finger's quantity", saleBody([{ productId: p.id, quantity: 99_999_999 }]), 400, /at most 100000/],
      ["unknown product", saleBody([ok, { productId: UNKNOWN, quantity: 1 }]), 404, /product/i],
      ["archived product", saleBody([ok, { productId: archived.id, quantity: 1 }]), 409, /Old stock is archived/],
      ["another business's product", saleBody([ok, { productId: foreign.id, quantity: 1 }]), 404],
      ["another business's customer", saleBody([ok], { customerId: foreignCustomer }), 404, /Customer/],
      ["negative price", saleBody([{ ...ok, unitPrice: -5 }]), 400],
      ["price above the maximum", saleBody([{ ...ok, unitPrice: MAX_MONEY + 1 }]), 400],
      ["line amount overflow", saleBody([{ ...ok, quantity: 2, unitPrice: MAX_MONEY }]), 400, /too large/],
      [
        "sale total overflow",
        saleBody([
          { ...ok, unitPrice: MAX_MONEY },
          { ...ok, unitPrice: MAX_MONEY },
        ]),
        400,
        /too large/,
      ],
      ["too many lines", saleBody(Array.from({ length: 501 }, () => ok)), 400, /at most 500/],
      ["discount above the line", saleBody([{ ...ok, discount: 201 }]), 400],
      ["sale discount above the sale", saleBody([ok], { discount: 201 }), 400],
      ["not a uuid", { ...saleBody([ok]), id: "sale-1" }, 400],
      ["unknown location", saleBody([ok], { locationId: UNKNOWN }), 404],
      ["insufficient stock", saleBody([{ productId: p.id, quantity: 6 }]), 409, /Not enough Maize flour.*5 available/],
    ];
    for (const [name, body, status, message] of cases) {
      const res = await owner.post("/sales", body);
      expect(res.statusCode, `${name}: ${res.body}`).toBe(status);
      if (message) expect(res.json().error.message, name).toMatch(message);
    }
    expect(await written(t.database, owner.me.user.businessId)).toEqual(before);
    expect(await stockOf(owner, p.id)).toBe(5);
    // The cap is a field problem with its code, which the app words in the shop's language.
    const huge = await owner.post("/sales", saleBody([{ productId: p.id, quantity: MAX_LINE_QUANTITY + 1 }]));
    expect(huge.json().error.details.fields["lines.0.quantity"]).toEqual([
      { code: "too_big", message: `must be at most ${MAX_LINE_QUANTITY}`, params: { maximum: MAX_LINE_QUANTITY } },
    ]);
    // Nothing was used up either: the next sale is still number 1.
    expect((await owner.post("/sales", saleBody([ok]))).json().number).toBe(1);
  });

  it("names the product and what is available when stock runs out, and sells below zero only when allowed", async () => {
    const owner = await signUp(t.app);
    const a = await makeProduct(owner, { name: "Beans", price: 100, stock: 3 });
    const b = await makeProduct(owner, { name: "Oil", price: 100, stock: 1 });
    const res = await owner.post(
      "/sales",
      saleBody([
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 1.5 },
      ]),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "insufficient_stock",
      details: { productName: "Oil", available: 1 },
    });
    expect(await stockOf(owner, a.id)).toBe(3);
    await owner.patch("/business", { settings: { allowNegativeStock: true } });
    expect((await owner.post("/sales", saleBody([{ productId: b.id, quantity: 1.5 }]))).statusCode).toBe(201);
    expect(await stockOf(owner, b.id)).toBe(-0.5);
    await expectLedgerMatchesLevels(t.database);
  });

  it("refuses a credit sale over the customer's limit and writes nothing; the owner may allow it", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 1000, stock: 10 });
    const customer = (await owner.post("/customers", { name: "Baraka", creditLimit: 1500 })).json().id;
    const credit = (quantity: number, extra = {}) =>
      saleBody([{ productId: p.id, quantity }], { payment: { method: "credit" }, customerId: customer, ...extra });
    expect((await owner.post("/sales", credit(1))).statusCode).toBe(201);
    const before = await written(t.database, owner.me.user.businessId);
    const refused = credit(1);
    const over = await owner.post("/sales", refused);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe("credit_limit_exceeded");
    expect(await written(t.database, owner.me.user.businessId)).toEqual(before);
    expect(await stockOf(owner, p.id)).toBe(9);
    // The till's "Sell anyway" resends the refused sale under its own id: nothing was kept, so it is new.
    const allowed = await owner.post("/sales", { ...refused, allowOverLimit: true });
    expect(allowed.statusCode).toBe(201);
    expect(allowed.json().id).toBe(refused.id);
    expect((await owner.get(`/customers/${customer}`)).json().balance).toBe(2000);
  });
});
