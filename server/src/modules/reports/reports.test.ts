import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";
import { addStaff } from "../../test/fixtures.js";
import { expectLedgerMatchesLevels } from "../../test/invariants.js";
import { makeProduct, saleBody } from "../../test/sales.js";

describe("GET /reports/daily and /reports/monthly", () => {
  const t = useTestApp();

  it("counts a sale at 23:30 in Nairobi (UTC+3) on that local day, and 00:30 on the next", async () => {
    t.clock.set("2026-05-04T20:00:00Z");
    const owner = await signUp(t.app, { timeZone: "Africa/Nairobi" });
    const p = await makeProduct(owner, { price: 1000, stock: 10 });
    t.clock.set("2026-05-04T20:30:00Z"); // 23:30 local, 4 May
    const late = await owner.post("/sales", saleBody([{ productId: p.id, quantity: 1 }]));
    expect(late.json().businessDate).toBe("2026-05-04");
    t.clock.set("2026-05-04T21:30:00Z"); // 00:30 local, 5 May
    await owner.post("/sales", saleBody([{ productId: p.id, quantity: 2 }]));
    const report = (await owner.get("/reports/daily?from=2026-05-04&to=2026-05-05")).json();
    expect(report.days.map((d: { date: string; netSales: number }) => [d.date, d.netSales])).toEqual([
      ["2026-05-04", 1000],
      ["2026-05-05", 2000],
    ]);
    expect(report.totals.netSales).toBe(3000);
  });

  it("reports sales, discounts, refunds, voids, cost and margin, with breakdowns", async () => {
    t.clock.set("2026-06-10T07:00:00Z");
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner, { name: "Juma" });
    const tea = await makeProduct(owner, { name: "Tea", price: 500, cost: 300, stock: 100 });
    const salt = await makeProduct(owner, { name: "Salt", price: 200, stock: 100 });
    const a = (
      await owner.post("/sales", saleBody([{ productId: tea.id, quantity: 4, discount: 100 }], { discount: 100 }))
    ).json();
    await staff.post(
      "/sales",
      saleBody([{ productId: salt.id, quantity: 1.5 }], { payment: { method: "mobile_money" } }),
    );
    const voided = (await owner.post("/sales", saleBody([{ productId: tea.id, quantity: 1 }]))).json();
    t.clock.set("2026-06-10T08:30:00Z");
    const refunded = await owner.post(`/sales/${a.id}/refunds`, {
      id: randomUUID(),
      lines: [{ lineNo: 1, quantity: 1 }],
      reason: "Returned",
    });
    expect(refunded.json().amount).toBe(450); // 1800 net over 4 → 450 each
    const day = () => owner.get("/reports/daily?from=2026-06-10&to=2026-06-10");
    const before = (await day()).json().days[0];
    expect(before.salesCount).toBe(3);
    expect((await owner.post(`/sales/${voided.id}/void`, { reason: "Mistake" })).statusCode).toBe(200);
    const d = (await day()).json().days[0];
    expect(d).toMatchObject({
      salesCount: 2,
      itemsSold: 4.5, // 3 tea (one refunded) + 1.5 salt
      grossSales: 2300,
      discounts: 200,
      refunds: 450,
      netSales: 1650, // 1800 + 300 − 450
      voidsCount: 1,
      voidedAmount: 500,
      costOfGoods: 900,
      grossMargin: 450, // tea only: 1350 kept revenue − 900 cost; salt has no cost, so no margin
      linesWithoutCost: 1,
    });
    expect(d.byPaymentMethod).toEqual([
      { method: "cash", salesCount: 1, netSales: 1350 },
      { method: "mobile_money", salesCount: 1, netSales: 300 },
    ]);
    expect(d.byStaff.map((s: { name: string }) => s.name)).toEqual(["Amina", "Juma"]);
    expect(d.byLocation).toHaveLength(1);
    expect(before.netSales - d.netSales).toBe(500);
    const month = (await owner.get("/reports/monthly?from=2026-05&to=2026-06")).json();
    expect(month.months.map((m: { month: string; netSales: number }) => [m.month, m.netSales])).toEqual([
      ["2026-05", 0],
      ["2026-06", 1650],
    ]);
    expect(month.totals.voidsCount).toBe(1);
    await expectLedgerMatchesLevels(t.database);
  });

  it("gives the same report as a CSV file", async () => {
    t.clock.set("2026-07-01T09:00:00Z");
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { name: "Milk", price: 6050, stock: 10 });
    await owner.post("/sales", saleBody([{ productId: p.id, quantity: 2 }]));
    const res = await owner.get("/reports/daily?from=2026-07-01&to=2026-07-02&format=csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toBe('attachment; filename="sales-daily-2026-07-01-2026-07-02.csv"');
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toMatch(/^day,sales,items sold,gross sales \(KES\),discounts \(KES\)/);
    expect(lines[0]).toContain("net sales: Cash (KES)");
    expect(lines[1]).toMatch(/^2026-07-01,1,2,121\.00,0\.00,0\.00,121\.00,0,/);
    expect(lines[2]).toMatch(/^2026-07-02,0,0,0\.00/);
    expect(lines[3]).toMatch(/^total,1,2,121\.00/);
    const monthly = await owner.get("/reports/monthly?from=2026-07&to=2026-07&format=csv");
    expect(monthly.body).toContain("2026-07,1,2,121.00");
  });

  it("names the CSV's columns in the shop's language, and its payment methods as the shop does", async () => {
    t.clock.set("2026-07-01T09:00:00Z");
    const owner = await signUp(t.app, { locale: "fr", currency: "XOF", timeZone: "Africa/Dakar" });
    const renamed = await owner.patch("/business", {
      settings: { paymentMethods: [{ method: "cash" }, { method: "mobile_money", label: "Wave" }] },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const p = await makeProduct(owner, { price: 500, stock: 10 });
    for (const method of ["cash", "mobile_money"])
      await owner.post("/sales", saleBody([{ productId: p.id, quantity: 1 }], { payment: { method } }));
    const csv = (await owner.get("/reports/daily?from=2026-07-01&to=2026-07-01&format=csv")).body;
    const [header, , total] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(header).toMatch(/^jour,ventes,articles vendus,ventes brutes \(XOF\),remises \(XOF\)/);
    expect(header).toContain("ventes nettes : Espèces (XOF)");
    expect(header).toContain("ventes nettes : Wave (XOF)");
    expect(header).not.toMatch(/mobile_money|cash/);
    expect(total).toMatch(/^total,2,2,/);
  });

  it("refuses ranges that are reversed or too long, other locations, and staff", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner);
    expect((await owner.get("/reports/daily?from=2026-01-02&to=2026-01-01")).statusCode).toBe(400);
    expect((await owner.get("/reports/daily?from=2025-01-01&to=2026-01-01")).statusCode).toBe(200);
    expect((await owner.get("/reports/daily?from=2025-01-01&to=2026-01-02")).statusCode).toBe(400);
    expect((await owner.get("/reports/monthly?from=2024-01&to=2026-12")).statusCode).toBe(200);
    expect((await owner.get("/reports/monthly?from=2024-01&to=2027-01")).statusCode).toBe(400);
    expect((await owner.get("/reports/monthly?from=2024-13&to=2025-01")).statusCode).toBe(400);
    const other = "00000000-0000-4000-8000-000000000000";
    expect((await owner.get(`/reports/daily?from=2026-01-01&to=2026-01-01&locationId=${other}`)).statusCode).toBe(404);
    expect((await staff.get("/reports/daily?from=2026-01-01&to=2026-01-01")).statusCode).toBe(403);
  });
});
