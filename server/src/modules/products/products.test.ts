import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, send, signUp, useTestApp } from "../../test/api.js";
import { addLocation, addStaff, mainLocation } from "../../test/fixtures.js";
import { expectLedgerMatchesLevels } from "../../test/invariants.js";

describe("products", () => {
  const t = useTestApp();
  let owner: Actor;
  let main: string;
  let branch: string;

  beforeAll(async () => {
    owner = await signUp(t.app);
    main = await mainLocation(t, owner);
    branch = await addLocation(t, owner, "Market stall");
  });

  it("creates a product with opening stock and shows it at every location", async () => {
    const res = await owner.post("/products", {
      name: "Sugar 1kg",
      price: 16_000,
      cost: 14_000,
      sku: "SUG-1",
      barcode: "6161100000017",
      category: "Groceries",
      unit: "kg",
      lowStockThreshold: 5,
      initialStock: [{ locationId: main, quantity: 12.5 }],
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ name: "Sugar 1kg", price: 16_000, cost: 14_000, stock: 12.5, stockState: "in" });
    expect(p.locations).toEqual([
      expect.objectContaining({ locationId: main, quantity: 12.5, stockState: "in" }),
      // Carried at every location by default; nobody has counted the branch's yet.
      expect.objectContaining({
        locationId: branch,
        quantity: 0,
        stockState: "uncounted",
        carried: true,
        counted: false,
      }),
    ]);
    expect(p.recentMovements).toEqual([expect.objectContaining({ kind: "receive", quantity: 12.5, levelAfter: 12.5 })]);
    await expectLedgerMatchesLevels(t.database);
  });

  it("refuses a duplicate SKU or barcode with 409 naming the field, writing nothing", async () => {
    await owner.post("/products", { name: "Rice", price: 200, sku: "RICE-1", barcode: "111" });
    const sku = await owner.post("/products", { name: "Rice 2", price: 200, sku: "RICE-1" });
    expect(sku.statusCode).toBe(409);
    expect(sku.json().error).toMatchObject({ code: "duplicate_sku", details: { fields: { sku: expect.any(Array) } } });
    const barcode = await owner.post("/products", { name: "Rice 3", price: 200, barcode: "111" });
    expect(barcode.statusCode).toBe(409);
    expect(barcode.json().error.code).toBe("duplicate_barcode");
    const other = (await owner.post("/products", { name: "Beans", price: 100 })).json();
    const patch = await owner.patch(`/products/${other.id}`, { sku: "RICE-1" });
    expect(patch.statusCode).toBe(409);
    const list = (await owner.get("/products?q=rice")).json();
    expect(list.items.map((i: { name: string }) => i.name)).toEqual(["Rice"]);
  });

  it("lets another business use the same SKU", async () => {
    const other = await signUp(t.app);
    expect((await other.post("/products", { name: "Rice", price: 1, sku: "RICE-1" })).statusCode).toBe(201);
  });

  it.each([
    [{ name: "", price: 1 }, "name"],
    [{ name: "X", price: -1 }, "price"],
    [{ name: "X", price: 1.5 }, "price"],
    [{ name: "X", price: "12" }, "price"],
    [{ name: "X", price: 1, cost: -5 }, "cost"],
    [{ name: "X", price: 1, lowStockThreshold: -1 }, "lowStockThreshold"],
    [{ name: "X", price: 1, lowStockThreshold: 0.0001 }, "lowStockThreshold"],
    [{ name: "X", price: 1, initialStock: [{ locationId: "nope", quantity: 1 }] }, "initialStock.0.locationId"],
    [
      { name: "X", price: 1, initialStock: [{ locationId: "00000000-0000-4000-8000-000000000000", quantity: -1 }] },
      "initialStock.0.quantity",
    ],
  ])("refuses bad input %j with 400", async (body, field) => {
    const res = await owner.post("/products", body);
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.details.fields)).toContain(field);
  });

  it("refuses opening stock at another business's location with 404 and writes no product", async () => {
    const other = await signUp(t.app);
    const theirs = await mainLocation(t, other);
    const res = await owner.post("/products", {
      name: "Ghost",
      price: 1,
      initialStock: [{ locationId: theirs, quantity: 1 }],
    });
    expect(res.statusCode).toBe(404);
    expect((await owner.get("/products?q=ghost")).json().items).toEqual([]);
  });

  it("edits, archives and restores; archived products leave the default list", async () => {
    const p = (await owner.post("/products", { name: "Soap", price: 50, category: "Home" })).json();
    const edited = await owner.patch(`/products/${p.id}`, { price: 60, name: "Soap bar", category: "" });
    expect(edited.json()).toMatchObject({ price: 60, name: "Soap bar", category: null });
    await owner.patch(`/products/${p.id}`, { archived: true });
    expect((await owner.get("/products?q=soap")).json().items).toEqual([]);
    expect((await owner.get("/products?q=soap&archived=true")).json().items).toHaveLength(1);
    await owner.patch(`/products/${p.id}`, { archived: false });
    expect((await owner.get("/products?q=soap")).json().items).toHaveLength(1);
  });

  it("lists distinct categories of active products", async () => {
    await owner.post("/products", { name: "Milk", price: 60, category: "Dairy" });
    await owner.post("/products", { name: "Yoghurt", price: 80, category: "Dairy" });
    const res = await owner.get("/products/categories");
    expect(res.json().categories).toEqual(expect.arrayContaining(["Dairy", "Groceries"]));
    expect(res.json().categories.filter((c: string) => c === "Dairy")).toHaveLength(1);
  });

  it("answers 404 for another business's product and for an unknown one", async () => {
    const other = await signUp(t.app);
    const theirs = (await other.post("/products", { name: "Theirs", price: 1 })).json();
    expect((await owner.get(`/products/${theirs.id}`)).statusCode).toBe(404);
    expect((await owner.patch(`/products/${theirs.id}`, { price: 2 })).statusCode).toBe(404);
    expect((await other.get(`/products/${theirs.id}`)).json().price).toBe(1);
    expect((await owner.get("/products/00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
  });

  it("lets staff read but not write, hides cost, and shows only their location's stock", async () => {
    const staff = await addStaff(t, owner, { locationId: branch });
    const p = (
      await owner.post("/products", {
        name: "Tea leaves",
        price: 100,
        cost: 70,
        initialStock: [
          { locationId: main, quantity: 9 },
          { locationId: branch, quantity: 2 },
        ],
      })
    ).json();
    expect((await staff.post("/products", { name: "X", price: 1 })).statusCode).toBe(403);
    expect((await staff.patch(`/products/${p.id}`, { price: 1 })).statusCode).toBe(403);
    expect((await staff.get("/products/export.csv")).statusCode).toBe(403);
    const detail = (await staff.get(`/products/${p.id}`)).json();
    expect(detail).not.toHaveProperty("cost");
    expect(detail.stock).toBe(2);
    expect(detail.locations.map((l: { locationId: string }) => l.locationId)).toEqual([branch]);
    const listed = (await staff.get("/products?q=tea")).json().items[0];
    expect(listed).toMatchObject({ stock: 2 });
    expect(listed).not.toHaveProperty("cost");
    expect((await staff.get(`/products?locationId=${main}`)).statusCode).toBe(403);
    expect((await owner.get("/products?q=tea")).json().items[0].stock).toBe(11);
  });

  it("refuses anonymous callers", async () => {
    expect((await send(t.app, "GET", "/products")).statusCode).toBe(401);
    expect((await send(t.app, "POST", "/products", { name: "X", price: 1 })).statusCode).toBe(401);
  });

  it("sets a per-location threshold that decides the stock state there", async () => {
    const p = (
      await owner.post("/products", {
        name: "Bread",
        price: 55,
        lowStockThreshold: 2,
        initialStock: [{ locationId: main, quantity: 5 }],
      })
    ).json();
    const res = await owner.patch(`/products/${p.id}`, {
      locationThresholds: [{ locationId: main, lowStockThreshold: 6 }],
    });
    const here = res.json().locations.find((l: { locationId: string }) => l.locationId === main);
    expect(here).toMatchObject({ quantity: 5, lowStockThreshold: 6, thresholdOverride: 6, stockState: "low" });
    expect((await owner.get(`/products?q=bread&locationId=${main}`)).json().items[0].stockState).toBe("low");
    expect((await owner.get("/products?q=bread")).json().items[0].stockState).toBe("in");
    await expectLedgerMatchesLevels(t.database);
  });

  it("exports the product list with stock per location as CSV", async () => {
    await owner.post("/products", {
      name: "=HYPERLINK(1)",
      price: 1050,
      initialStock: [{ locationId: branch, quantity: 3 }],
    });
    const res = await owner.get("/products/export.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toMatch(/attachment; filename="products-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe(
      "name,sku,barcode,category,unit,price (KES),cost (KES),low stock threshold,archived,stock: Main shop,stock: Market stall,stock: total",
    );
    expect(lines).toContain("Sugar 1kg,SUG-1,6161100000017,Groceries,kg,160.00,140.00,5,no,12.5,0,12.5");
    expect(lines).toContain("'=HYPERLINK(1),,,,piece,10.50,,0,no,0,3,3");
  });
});
