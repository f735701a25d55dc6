import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { uploadImport } from "../../test/imports.js";
import { firstLocation, saleBody } from "../../test/sales.js";

const DAYS = ["2025-06-02", "2025-06-03"];

/** Each day's report, without the ids that belong to one business (locations and staff keep their names). */
async function daily(owner: Actor) {
  const res = await owner.get(`/reports/daily?from=${DAYS[0]}&to=${DAYS.at(-1)}&format=json`);
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body, (k, v) => (k === "locationId" || k === "userId" ? undefined : v)).days as {
    date: string;
  }[];
}

async function sell(owner: Actor, body: ReturnType<typeof saleBody>) {
  const res = await owner.post("/sales", body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: number };
}

async function product(owner: Actor, body: Record<string, unknown>) {
  const res = await owner.post("/products", {
    ...body,
    initialStock: [{ locationId: await firstLocation(owner), quantity: 50 }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function bringIn(owner: Actor, zip: Buffer) {
  const preview = await uploadImport(owner, "sales", { name: "duka-export.zip", data: zip });
  expect(preview.statusCode, preview.body).toBe(201);
  expect(preview.json()).toMatchObject({ format: "duka_export", errors: [] });
  const done = await owner.post(`/imports/${preview.json().id}/commit`, { createLocations: true });
  expect(done.statusCode, done.body).toBe(200);
  return { preview: preview.json(), counts: done.json().counts };
}

describe("imports: Duka's own export brings past sales into another business", () => {
  const t = useTestApp();

  it("B's daily report equals A's for each day, and a second import changes nothing", async () => {
    // Late on one day in Nairobi, then just past midnight: two business days, one signed-in session.
    t.clock.set("2025-06-02T20:50:00Z");
    const a = await signUp(t.app);
    const sugar = await product(a, { name: "Sugar 1 kg", sku: "SUG-1", price: 150_00, cost: 120_00 });
    const bread = await product(a, { name: "Bread", price: 60_00, cost: 40_00 });
    const customer = await a.post("/customers", { name: "Wanjiku Kamau", phone: "0712 345 678" });
    expect(customer.statusCode, customer.body).toBe(201);

    // Day one: a plain sale, a discounted sale to a customer, a voided sale, a partly refunded one.
    await sell(a, saleBody([{ productId: sugar, quantity: 2 }]));
    t.clock.advance(60_000);
    await sell(
      a,
      saleBody(
        [
          { productId: sugar, quantity: 1 },
          { productId: bread, quantity: 3, discount: 5_00 },
        ],
        { discount: 10_00, customerId: customer.json().id },
      ),
    );
    t.clock.advance(60_000);
    const voided = await sell(a, saleBody([{ productId: bread, quantity: 1 }]));
    expect((await a.post(`/sales/${voided.id}/void`, { reason: "typed twice" })).statusCode).toBe(200);
    t.clock.advance(60_000);
    const refunded = await sell(
      a,
      saleBody([
        { productId: sugar, quantity: 3 },
        { productId: bread, quantity: 2 },
      ]),
    );
    const refund = await a.post(`/sales/${refunded.id}/refunds`, {
      id: randomUUID(),
      lines: [{ lineNo: 1, quantity: 1 }],
      reason: "torn bag",
    });
    expect(refund.statusCode, refund.body).toBe(201);
    // Day two.
    t.clock.set("2025-06-02T21:05:00Z");
    await sell(a, saleBody([{ productId: bread, quantity: 5 }], { customerId: customer.json().id }));

    const exported = await a.request("GET", "/export.zip");
    expect(exported.statusCode, exported.body).toBe(200);
    const zip = exported.rawPayload;

    const b = await signUp(t.app);
    // B has sugar under the same SKU and another name; bread is matched by its name, or added archived.
    await product(b, { name: "Sukari 1kg", sku: "SUG-1", price: 155_00, cost: 121_00 });
    const first = await bringIn(b, zip);
    expect(first.counts).toEqual({ new: 6, update: 0, unchanged: 0, error: 0 });

    const [fromA, toB] = [await daily(a), await daily(b)];
    expect(fromA.map((d) => d.date)).toEqual(DAYS);
    expect(toB).toEqual(fromA);

    // The receipt numbers are the key: the same zip again is recognised, nothing is added twice.
    const again = await bringIn(b, zip);
    expect(again.counts).toEqual({ new: 0, update: 0, unchanged: 6, error: 0 });
    expect(await daily(b)).toEqual(fromA);
    const sold = (await b.get(`/sales?from=${DAYS[0]}&to=${DAYS.at(-1)}`)).json().items as { imported: boolean }[];
    expect(sold).toHaveLength(6);
    expect(sold.every((s) => s.imported)).toBe(true);
  });

  it("a Duka export sent as products is named as past sales", async () => {
    const a = await signUp(t.app);
    const zip = (await a.request("GET", "/export.zip")).rawPayload;
    const res = await uploadImport(a, "products", { name: "duka-export.zip", data: zip });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: "wrong_kind", details: { kind: "sales" } });
  });
});
