import { beforeAll, describe, expect, it } from "vitest";
import { inBusiness } from "../../db/tenancy.js";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { addLocation, addSale, addStaff, ctxOf, mainLocation, type SaleFixture } from "../../test/fixtures.js";
import { recordCreditSale } from "../customers/credit.service.js";
import { resolvePeriod } from "./period.js";

const NOW = new Date("2026-03-11T20:45:00Z"); // 23:45 on Wednesday 11 March in Nairobi (UTC+3)

describe("GET /dashboard", () => {
  const t = useTestApp();
  let owner: Actor;
  let staff: Actor;
  let branch: string;
  let main: string;
  const seeded: (SaleFixture & { date: string })[] = [];
  let soap: { id: string; name: string };
  let rice: { id: string; name: string };
  let oil: { id: string; name: string };

  async function sale(date: string, fixture: SaleFixture, by: Actor = owner) {
    await addSale(t.database, owner, { ...fixture, userId: fixture.userId ?? by.me.user.id });
    seeded.push({ ...fixture, userId: fixture.userId ?? by.me.user.id, date });
  }

  beforeAll(async () => {
    t.clock.set(NOW);
    owner = await signUp(t.app);
    main = await mainLocation(t, owner);
    branch = await addLocation(t, owner, "Market stall");
    staff = await addStaff(t, owner, { locationId: branch, name: "Juma" });
    const product = async (body: object) => (await owner.post("/products", body)).json();
    soap = await product({ name: "Soap", price: 150, cost: 100, lowStockThreshold: 5 });
    rice = await product({ name: "Rice 1 kg", price: 1000 });
    oil = await product({ name: "Oil 1 l", price: 400, cost: 300, lowStockThreshold: 2 });
    await owner.post("/stock-movements", { productId: soap.id, locationId: main, kind: "receive", quantity: 20 });
    await owner.post("/stock-movements", { productId: oil.id, locationId: main, kind: "receive", quantity: 2 });

    // Today, 00:30 in Nairobi — still the 10th in UTC. Discounted, part costed.
    await sale("2026-03-11", {
      at: new Date("2026-03-10T21:30:00Z"),
      discount: 100,
      lines: [
        { product: soap, quantity: 2, unitPrice: 150, unitCost: 100 },
        { product: rice, quantity: 1, unitPrice: 1000 },
      ],
    });
    // Today 23:30: one of three refunded, paid by M-Pesa.
    await sale("2026-03-11", {
      at: new Date("2026-03-11T20:30:00Z"),
      paymentMethod: "mpesa",
      refunded: 150,
      lines: [{ product: soap, quantity: 3, unitPrice: 150, unitCost: 100, refundedQuantity: 1 }],
    });
    // Today, voided: counts nowhere.
    await sale("2026-03-11", {
      at: new Date("2026-03-11T08:00:00Z"),
      status: "voided",
      lines: [{ product: rice, quantity: 5, unitPrice: 1000 }],
    });
    // Today at the stall, by the staff member: weighed oil.
    await sale(
      "2026-03-11",
      {
        at: new Date("2026-03-11T09:15:00Z"),
        locationId: branch,
        lines: [{ product: oil, quantity: 1.5, unitPrice: 400, unitCost: 300 }],
      },
      staff,
    );
    // Yesterday 23:30 in Nairobi: the previous day, though the 10th at 20:30 UTC.
    await sale("2026-03-10", {
      at: new Date("2026-03-10T20:30:00Z"),
      lines: [{ product: rice, quantity: 2, unitPrice: 1000 }],
    });
    // Earlier this month and in February.
    await sale("2026-03-02", {
      at: new Date("2026-03-02T10:00:00Z"),
      lines: [{ product: soap, quantity: 10, unitPrice: 150, unitCost: 100 }],
    });
    await sale("2026-02-05", {
      at: new Date("2026-02-05T10:00:00Z"),
      lines: [{ product: rice, quantity: 1, unitPrice: 1000 }],
    });
  });

  /** The figures, computed here from the seeded sales, independently of the SQL. */
  function expected(from: string, to: string, filter: (s: (typeof seeded)[number]) => boolean = () => true) {
    const inRange = seeded.filter((s) => s.date >= from && s.date <= to && s.status !== "voided" && filter(s));
    let net = 0;
    let items = 0;
    let revenue = 0;
    let margin = 0;
    for (const s of inRange) {
      const subtotal = s.lines.reduce((sum, l) => sum + Math.round(l.quantity * l.unitPrice), 0);
      const total = subtotal - (s.discount ?? 0);
      net += total - (s.refunded ?? 0);
      for (const l of s.lines) {
        const kept = l.quantity - (l.refundedQuantity ?? 0);
        items += kept;
        const lineRevenue = ((Math.round(l.quantity * l.unitPrice) * kept) / l.quantity) * (total / subtotal);
        if (l.unitCost !== undefined) {
          revenue += lineRevenue;
          margin += lineRevenue - l.unitCost * kept;
        }
      }
    }
    return {
      salesCount: inRange.length,
      netSales: net,
      itemsSold: Math.round(items * 1000) / 1000,
      grossMargin: Math.round(margin),
      coveredRevenue: Math.round(revenue),
    };
  }

  it("gives today's figures against yesterday, in the business's time zone", async () => {
    const res = await owner.get("/dashboard?period=today");
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    const today = expected("2026-03-11", "2026-03-11");
    const yesterday = expected("2026-03-10", "2026-03-10");
    expect(d.range).toEqual({ from: "2026-03-11", to: "2026-03-11" });
    expect(d.previousRange).toEqual({ from: "2026-03-10", to: "2026-03-10" });
    // 1200 (1300 less 100 discount) + 450 − 150 refunded + 600 at the stall; the voided 5000 is not here.
    expect(today.netSales).toBe(2100);
    expect(d.netSales).toEqual({
      value: today.netSales,
      previous: yesterday.netSales,
      change: today.netSales - yesterday.netSales,
      changePercent: 5,
    });
    expect(d.salesCount.value).toBe(3);
    expect(d.salesCount.previous).toBe(1);
    expect(d.averageSale.value).toBe(700);
    expect(d.itemsSold.value).toBe(today.itemsSold);
    expect(d.itemsSold.value).toBe(6.5);
    expect(d.grossMargin.value).toBe(today.grossMargin);
    expect(d.grossMargin.coveredRevenue).toBe(today.coveredRevenue);

    expect(d.salesOverTime.unit).toBe("hour");
    expect(d.salesOverTime.points).toHaveLength(24);
    const hour = (h: string) => d.salesOverTime.points.find((p: { at: string }) => p.at === `2026-03-11T${h}:00`);
    expect(hour("00")).toEqual({ at: "2026-03-11T00:00", netSales: 1200, salesCount: 1 });
    expect(hour("23")).toEqual({ at: "2026-03-11T23:00", netSales: 300, salesCount: 1 });
    expect(hour("12")).toEqual({ at: "2026-03-11T12:00", netSales: 600, salesCount: 1 });
    expect(d.salesOverTime.points.reduce((s: number, p: { netSales: number }) => s + p.netSales, 0)).toBe(2100);
  });

  it("ranks best sellers by quantity and by revenue, net of refunds and voids", async () => {
    const d = (await owner.get("/dashboard?period=today")).json();
    expect(d.bestSellers.byQuantity.map((s: { name: string; quantity: number }) => [s.name, s.quantity])).toEqual([
      ["Soap", 4],
      ["Oil 1 l", 1.5],
      ["Rice 1 kg", 1],
    ]);
    const byRevenue = d.bestSellers.byRevenue.map((s: { name: string; revenue: number }) => [s.name, s.revenue]);
    // Sale one: 1200 of 1300 kept, so soap 300 → 277 (276.9) and rice 1000 → 923; then soap 300 more.
    expect(byRevenue).toEqual([
      ["Rice 1 kg", 923],
      ["Oil 1 l", 600],
      ["Soap", 577],
    ]);
  });

  it("ranks by number, not by text, across digit counts (9 vs 10, 99 vs 100, 9.00 vs 10.00)", async () => {
    const shop = await signUp(t.app);
    const product = async (name: string) => (await shop.post("/products", { name, price: 100 })).json();
    // Quantities 9, 10, 99, 100; revenue 900, 1000 (9.00 and 10.00 in cents), 99, 100.
    for (const [name, quantity, unitPrice] of [
      ["Nine", 9, 100],
      ["Ten", 10, 100],
      ["Ninety-nine", 99, 1],
      ["Hundred", 100, 1],
    ] as const) {
      await addSale(t.database, shop, { at: NOW, lines: [{ product: await product(name), quantity, unitPrice }] });
    }
    const d = (await shop.get("/dashboard?period=today")).json();
    expect(d.bestSellers.byQuantity.map((s: { name: string; quantity: number }) => [s.name, s.quantity])).toEqual([
      ["Hundred", 100],
      ["Ninety-nine", 99],
      ["Ten", 10],
      ["Nine", 9],
    ]);
    expect(d.bestSellers.byRevenue.map((s: { name: string; revenue: number }) => [s.name, s.revenue])).toEqual([
      ["Ten", 1000],
      ["Nine", 900],
      ["Hundred", 100],
      ["Ninety-nine", 99],
    ]);
  });

  it("splits sales by location, staff member and payment method", async () => {
    const d = (await owner.get("/dashboard?period=today")).json();
    expect(d.byLocation).toEqual([
      { id: main, name: "Main shop", salesCount: 2, netSales: 1500 },
      { id: branch, name: "Market stall", salesCount: 1, netSales: 600 },
    ]);
    expect(d.byStaff).toEqual([
      { id: owner.me.user.id, name: "Amina", salesCount: 2, netSales: 1500 },
      { id: staff.me.user.id, name: "Juma", salesCount: 1, netSales: 600 },
    ]);
    expect(d.byPaymentMethod).toEqual([
      { method: "cash", salesCount: 2, netSales: 1800 },
      { method: "mpesa", salesCount: 1, netSales: 300 },
    ]);
  });

  it("compares this month and this week with the same days before", async () => {
    const month = (await owner.get("/dashboard?period=month")).json();
    expect(month.range).toEqual({ from: "2026-03-01", to: "2026-03-11" });
    expect(month.previousRange).toEqual({ from: "2026-02-01", to: "2026-02-11" });
    const march = expected("2026-03-01", "2026-03-11");
    expect(month.netSales.value).toBe(march.netSales);
    expect(month.netSales.previous).toBe(expected("2026-02-01", "2026-02-11").netSales);
    expect(month.salesOverTime.unit).toBe("day");
    expect(month.salesOverTime.points).toHaveLength(11);
    expect(month.salesOverTime.points[9]).toEqual({ at: "2026-03-10", netSales: 2000, salesCount: 1 });

    const week = (await owner.get("/dashboard?period=week")).json();
    expect(week.range).toEqual({ from: "2026-03-09", to: "2026-03-11" });
    expect(week.netSales.value).toBe(expected("2026-03-09", "2026-03-11").netSales);

    const custom = (await owner.get("/dashboard?period=custom&from=2026-03-01&to=2026-03-10")).json();
    expect(custom.previousRange).toEqual({ from: "2026-02-19", to: "2026-02-28" });
    expect(custom.netSales.value).toBe(expected("2026-03-01", "2026-03-10").netSales);
  });

  it("counts best sellers of a long period from whole months less the days outside it", async () => {
    const sold = (from: string, to: string) => {
      const qty = new Map<string, number>();
      for (const s of seeded.filter((x) => x.date >= from && x.date <= to && x.status !== "voided")) {
        for (const l of s.lines) {
          qty.set(l.product.name, (qty.get(l.product.name) ?? 0) + l.quantity - (l.refundedQuantity ?? 0));
        }
      }
      return [...qty].filter(([, q]) => q > 0).sort(([a], [b]) => a.localeCompare(b));
    };
    // February from the 6th: its month less the 1st–5th (the sale of the 5th left out); March's days.
    // Then all of February and March's first two days.
    for (const [from, to] of [
      ["2026-02-06", "2026-03-11"],
      ["2026-02-01", "2026-03-02"],
    ] as const) {
      const d = (await owner.get(`/dashboard?period=custom&from=${from}&to=${to}`)).json();
      const got = d.bestSellers.byQuantity.map((s: { name: string; quantity: number }) => [s.name, s.quantity]);
      expect(
        got.sort(([a]: [string], [b]: [string]) => a.localeCompare(b)),
        `${from}..${to}`,
      ).toEqual(sold(from, to));
    }
  });

  it("filters by location, and refuses another business's location", async () => {
    const d = (await owner.get(`/dashboard?period=today&locationId=${branch}`)).json();
    expect(d.netSales.value).toBe(600);
    expect(d.salesCount.value).toBe(1);
    const other = await signUp(t.app);
    expect((await other.get(`/dashboard?locationId=${branch}`)).statusCode).toBe(404);
    expect((await other.get("/dashboard?period=month")).json().netSales.value).toBe(0);
  });

  it("gives staff only their own sales and a smaller answer", async () => {
    const res = await staff.get("/dashboard?period=today");
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.scope).toBe("own");
    expect(d.netSales.value).toBe(expected("2026-03-11", "2026-03-11", (s) => s.userId === staff.me.user.id).netSales);
    expect(d.salesCount.value).toBe(1);
    expect(d.bestSellers.byQuantity.map((s: { name: string }) => s.name)).toEqual(["Oil 1 l"]);
    for (const hidden of ["byLocation", "byStaff", "byPaymentMethod", "owed"]) expect(d).not.toHaveProperty(hidden);
    expect(d.stock).not.toHaveProperty("valueAtCost");
    expect((await staff.get(`/dashboard?locationId=${main}`)).statusCode).toBe(403);
  });

  it("shows stock status, its value, low stock and who owes", async () => {
    const customer = (await owner.post("/customers", { name: "Mzee Otieno" })).json();
    const credit = await addSale(t.database, owner, {
      at: new Date("2026-02-05T10:00:00Z"),
      customerId: customer.id,
      paymentMethod: "credit",
      lines: [{ product: rice, quantity: 3, unitPrice: 1000 }],
    });
    await inBusiness(t.database.db, owner.me.user.businessId, (tx) =>
      recordCreditSale(tx, ctxOf(owner), { customerId: customer.id, saleId: credit.id, amount: 3000 }),
    );
    await owner.post(`/customers/${customer.id}/payments`, { amount: 1000, method: "cash" });

    const d = (await owner.get("/dashboard")).json();
    // One per product and location carrying it. At the main shop soap 20 (over 5): in; oil 2 (at
    // its threshold 2): low; rice never received: not counted, not out. Nothing counted at the stall.
    expect(d.stock).toEqual({
      inStock: 1,
      low: 1,
      out: 0,
      notCounted: 4,
      valueAtCost: 20 * 100 + 2 * 300,
      valueAtPrice: 20 * 150 + 2 * 400,
    });
    expect(d.lowStock.some((l: { name: string }) => l.name === "Rice 1 kg")).toBe(false);
    expect(
      d.lowStock.some((l: { name: string; stockState: string }) => l.name === "Oil 1 l" && l.stockState === "low"),
    ).toBe(true);
    expect(d.owed).toEqual({
      totalOwed: 2000,
      customers: 1,
      top: [{ id: customer.id, name: "Mzee Otieno", balance: 2000 }],
    });
  });

  it("refuses a period that makes no sense", async () => {
    expect((await owner.get("/dashboard?period=custom")).statusCode).toBe(400);
    expect((await owner.get("/dashboard?period=custom&from=2026-03-10&to=2026-03-01")).statusCode).toBe(400);
    expect((await owner.get("/dashboard?period=custom&from=2020-01-01&to=2026-03-01")).statusCode).toBe(400);
    expect((await owner.get("/dashboard?period=year")).statusCode).toBe(400);
  });
});

describe("resolvePeriod", () => {
  it("clamps last month's day to its end", () => {
    const at = new Date("2026-03-31T09:00:00Z");
    expect(resolvePeriod("month", at, "Africa/Nairobi").previous).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(resolvePeriod("week", new Date("2026-03-15T09:00:00Z"), "Africa/Nairobi").range).toEqual({
      from: "2026-03-09",
      to: "2026-03-15",
    });
  });
});
