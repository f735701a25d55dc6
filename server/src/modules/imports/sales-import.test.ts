import { describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { fixture, uploadImport } from "../../test/imports.js";

/** The fixtures' own net sales per day: receipts closed, minus refund receipts, cancelled ones left out. */
const FILE_NET = { "2025-03-14": 350_00 + 120_00, "2025-03-15": 240_00 - 150_00 };

async function daily(owner: Actor) {
  const res = await owner.get("/reports/daily?from=2025-03-14&to=2025-03-15&format=json");
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json().days as { date: string }[]).map((d) => [d.date, d])) as unknown as Record<
    string,
    Record<string, number | { method: string; netSales: number }[]>
  >;
}

async function bringIn(owner: Actor, name: string) {
  const res = await uploadImport(owner, "sales", { name, data: fixture(name) });
  expect(res.statusCode, res.body).toBe(201);
  const preview = res.json();
  const done = await owner.post(`/imports/${preview.id}/commit`, {});
  expect(done.statusCode, done.body).toBe(200);
  return { preview, counts: done.json().counts };
}

describe("imports: past sales from Loyverse receipts", () => {
  const t = useTestApp();

  it("brings in receipts by item: each day's report equals the file's net sales, refunds on their own day", async () => {
    const owner = await signUp(t.app);
    const sugar = await owner.post("/products", { name: "Sugar 1 kg", sku: "SUG-1", price: 150_00, cost: 120_00 });
    expect(sugar.statusCode, sugar.body).toBe(201);
    const customer = await owner.post("/customers", { name: "Wanjiku Kamau", phone: "0712 345 678" });
    expect(customer.statusCode, customer.body).toBe(201);
    const stockBefore = (await owner.get(`/products/${sugar.json().id}`)).json().stock;

    const res = await uploadImport(owner, "sales", {
      name: "receipts-by-item.csv",
      data: fixture("loyverse-receipt-items.csv"),
    });
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview).toMatchObject({
      kind: "sales",
      format: "loyverse_receipt_items",
      counts: { new: 5, update: 0, unchanged: 0, error: 0 },
      errors: [],
      newLocations: [],
    });
    expect(preview.preview[0]).toMatchObject({
      action: "new",
      values: { receipt: "1-1001", register: "POS 1", total: 350_00, lines: 2, cashier: "Neema" },
    });
    // Items the shop has no product for are named, and kept as archived products.
    expect(preview.warnings.map((w: { row: number }) => w.row)).toEqual([3, 4, 5]);
    // A preview writes nothing.
    expect((await daily(owner))["2025-03-14"]?.netSales ?? 0).toBe(0);

    const done = await owner.post(`/imports/${preview.id}/commit`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().counts).toEqual({ new: 5, update: 0, unchanged: 0, error: 0 });

    const days = await daily(owner);
    expect(days["2025-03-14"]).toMatchObject({
      netSales: FILE_NET["2025-03-14"],
      salesCount: 2,
      grossSales: 300_00 + 60_00 + 120_00,
      discounts: 10_00,
      voidsCount: 1,
      voidedAmount: 195_00,
      costOfGoods: 240_00 + 40_00 + 90_00,
    });
    expect(days["2025-03-15"]).toMatchObject({
      netSales: FILE_NET["2025-03-15"],
      refunds: 150_00,
      salesCount: 1,
      costOfGoods: 160_00 - 120_00,
    });
    const month = (await owner.get("/reports/monthly?from=2025-03&to=2025-03&format=json")).json();
    expect(month.months[0].netSales).toBe(FILE_NET["2025-03-14"] + FILE_NET["2025-03-15"]);

    // Past sales move no stock, and keep their receipt number, register and cashier as text.
    expect((await owner.get(`/products/${sugar.json().id}`)).json().stock).toBe(stockBefore);
    const history = (await owner.get(`/customers/${customer.json().id}/sales`)).json();
    expect(history.items.map((s: { total: number }) => s.total)).toEqual([240_00]);
    const archived = (await owner.get("/products?archived=true")).json().items as { name: string }[];
    expect(archived.map((p) => p.name).sort()).toEqual(
      expect.arrayContaining(["Bar soap — Lavender", "Bread", "Milk 500 ml"]),
    );
  });

  it("a receipts file adds payment types to the same sales, and a second upload changes nothing", async () => {
    const owner = await signUp(t.app);
    await bringIn(owner, "loyverse-receipt-items.csv");
    const withLines = await daily(owner);

    const second = await bringIn(owner, "loyverse-receipts.csv");
    expect(second.preview.format).toBe("loyverse_receipts");
    expect(second.counts).toEqual({ new: 0, update: 5, unchanged: 0, error: 0 });
    const days = await daily(owner);
    // The lines stay the finer record: the same figures, now with each receipt's payment type.
    for (const day of Object.keys(FILE_NET) as (keyof typeof FILE_NET)[]) {
      expect(days[day]?.netSales).toBe(FILE_NET[day]);
      expect(days[day]?.costOfGoods).toBe(withLines[day]?.costOfGoods);
    }
    expect(days["2025-03-14"]?.byPaymentMethod).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: "cash", netSales: 350_00 }),
        expect.objectContaining({ method: "mobile_money", netSales: 120_00 }),
      ]),
    );

    const again = await uploadImport(owner, "sales", { name: "r.csv", data: fixture("loyverse-receipts.csv") });
    expect(again.json().counts).toEqual({ new: 0, update: 0, unchanged: 5, error: 0 });
    const history = (await owner.get("/imports")).json().items;
    expect(history.map((h: { kind: string; format: string }) => `${h.kind}:${h.format}`).sort()).toEqual([
      "sales:loyverse_receipt_items",
      "sales:loyverse_receipts",
    ]);
  });

  it("a receipts file alone gives each day its net sales", async () => {
    const owner = await signUp(t.app);
    await bringIn(owner, "loyverse-receipts.csv");
    const days = await daily(owner);
    expect(days["2025-03-14"]).toMatchObject({ netSales: FILE_NET["2025-03-14"], grossSales: 480_00, voidsCount: 1 });
    expect(days["2025-03-15"]).toMatchObject({ netSales: FILE_NET["2025-03-15"], refunds: 150_00 });
  });

  it("refuses a sales file sent as products, and a file of products sent as sales", async () => {
    const owner = await signUp(t.app);
    const asProducts = await uploadImport(owner, "products", { name: "r.csv", data: fixture("loyverse-receipts.csv") });
    expect(asProducts.statusCode).toBe(400);
    expect(asProducts.json().error).toMatchObject({ code: "wrong_kind", details: { kind: "sales" } });
    const items = await uploadImport(owner, "sales", { name: "i.csv", data: fixture("loyverse-items.csv") });
    expect(items.statusCode).toBe(400);
    expect(items.json().error).toMatchObject({ code: "wrong_kind", details: { kind: "products" } });
    const unknown = await uploadImport(owner, "sales", { name: "x.csv", data: "when,what\n2025-01-01,tea\n" });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe("import_sales_unknown");
  });

  it("names a row whose amounts do not add up, and keeps its whole receipt out", async () => {
    const owner = await signUp(t.app);
    const text = fixture("loyverse-receipt-items.csv").toString().replace("60.00,10.00,50.00", "60.00,10.00,55.00");
    const res = await uploadImport(owner, "sales", { name: "bad.csv", data: text });
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview.counts).toMatchObject({ new: 4, error: 1 });
    expect(preview.errors[0]).toMatchObject({ row: 3, column: "Net sales", value: "55.00", code: "amounts_mismatch" });
    // A warning travels as a code with its parameters, for the screen to word in the shop's language.
    expect(preview.warnings[0]).toMatchObject({ code: "product_added", params: { name: "Milk 500 ml" } });
  });
});
