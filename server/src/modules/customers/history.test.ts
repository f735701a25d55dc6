import { beforeAll, describe, expect, it } from "vitest";
import { payments } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { addProduct, addSale, addStaff, ctxOf } from "../../test/fixtures.js";
import { recordCreditSale } from "./credit.service.js";

const t = useTestApp();
let owner: Actor;
let customerId: string;

beforeAll(async () => {
  owner = await signUp(t.app, { timeZone: "Africa/Nairobi" });
  customerId = (
    await owner.post("/customers", { name: "=Zawadi", phone: "0711 222 333", email: "z@example.com", tags: ["vip"] })
  ).json().id;
  const businessId = owner.me.user.businessId;
  const [sugar, rice, soap] = [
    await addProduct(t.database, businessId, "Sugar 1kg", 150),
    await addProduct(t.database, businessId, "Rice 2kg", 300),
    await addProduct(t.database, businessId, "Soap", 50),
  ];
  // 31 Jan 22:30 UTC is 1 Feb 01:30 in Nairobi: a February sale.
  await addSale(t.database, owner, {
    customerId,
    at: new Date("2026-01-10T09:00:00Z"),
    lines: [{ product: sugar, quantity: 2, unitPrice: 150 }],
  });
  await addSale(t.database, owner, {
    customerId,
    at: new Date("2026-01-10T15:00:00Z"),
    lines: [{ product: soap, quantity: 1, unitPrice: 50 }],
  });
  const feb = await addSale(t.database, owner, {
    customerId,
    at: new Date("2026-01-31T22:30:00Z"),
    lines: [
      { product: rice, quantity: 1.5, unitPrice: 300 },
      { product: sugar, quantity: 1, unitPrice: 150 },
    ],
  });
  await addSale(t.database, owner, {
    customerId,
    at: new Date("2026-02-05T10:00:00Z"),
    status: "voided",
    lines: [{ product: soap, quantity: 40, unitPrice: 50 }],
  });
  await addSale(t.database, owner, { lines: [{ product: soap, quantity: 9, unitPrice: 50 }] }); // no customer
  await inBusiness(t.database.db, businessId, (tx) =>
    tx.insert(payments).values({ businessId, kind: "refund", saleId: feb.id, method: "cash", amount: 100 }),
  );
  const ctx = ctxOf(owner);
  await inBusiness(t.database.db, businessId, (tx) =>
    recordCreditSale(tx, ctx, { customerId, saleId: feb.id, amount: 600 }),
  );
});

describe("GET /customers/:id/sales", () => {
  it("lists every sale newest first with lines, and sums completed sales by local month", async () => {
    const res = await owner.get(`/customers/${customerId}/sales`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((s: { status: string }) => s.status)).toEqual([
      "voided",
      "completed",
      "completed",
      "completed",
    ]);
    expect(body.items[1]).toMatchObject({ businessDate: "2026-02-01", total: 600 });
    expect(body.items[1].lines.map((l: { name: string; quantity: number }) => [l.name, l.quantity])).toEqual([
      ["Rice 2kg", 1.5],
      ["Sugar 1kg", 1],
    ]);
    expect(body.summary).toEqual({
      totalSpent: 300 + 50 + 600 - 100,
      salesCount: 3,
      visits: 2,
      firstVisit: "2026-01-10",
      lastVisit: "2026-02-01",
      months: [
        { month: "2026-01", salesCount: 2, total: 350 },
        { month: "2026-02", salesCount: 1, total: 600 - 100 }, // the refund comes off its sale's month
      ],
      favouriteProducts: [
        { productId: expect.any(String), name: "Sugar 1kg", quantity: 3 },
        { productId: expect.any(String), name: "Rice 2kg", quantity: 1.5 },
        { productId: expect.any(String), name: "Soap", quantity: 1 },
      ],
    });
  });

  it("pages with a cursor without skipping or repeating a sale", async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/customers/${customerId}/sales?limit=1${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await owner.get(url)).json();
      ids.push(...page.items.map((s: { id: string }) => s.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
  });

  it("shows staff the customer's last visit but not the history", async () => {
    const staff = await addStaff(t, owner);
    expect((await staff.get(`/customers/${customerId}/sales`)).statusCode).toBe(403);
    expect((await staff.get(`/customers/${customerId}`)).json().lastVisitAt).toBe("2026-01-31T22:30:00.000Z");
  });
});

describe("GET /customers/export.csv", () => {
  it("exports every customer with balance, total spent and last visit, formulas defused", async () => {
    await owner.post("/customers", { name: "Baraka", address: 'Plot 4, "Green" Lane' });
    const res = await owner.get("/customers/export.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/csv/);
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"/);
    const [header, ...rows] = res.body.trimEnd().split("\n");
    expect(header).toBe("name,phone,email,address,tags,balance (KES),total spent (KES),last visit");
    // Sorted here: whether "=" sorts before letters depends on the database's collation.
    expect(rows.sort()).toEqual([
      "'=Zawadi,+254711222333,z@example.com,,vip,6.00,8.50,2026-02-01",
      'Baraka,,,"Plot 4, ""Green"" Lane",,0.00,0.00,',
    ]);
  });

  it("holds only the caller's own business's customers", async () => {
    const other = await signUp(t.app);
    expect((await other.get("/customers/export.csv")).body.trimEnd().split("\n")).toHaveLength(1);
  });
});
