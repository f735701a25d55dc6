import { describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { fixture, uploadImport } from "../../test/imports.js";

type Values = Record<string, unknown>;
const rows = (preview: { preview: { values: Values }[] }) => preview.preview.map((p) => p.values);

async function commit(owner: Actor, id: string) {
  const res = await owner.post(`/imports/${id}/commit`, { createLocations: true });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe("imports: formats recognised from the header row", () => {
  const t = useTestApp();

  it("reads a Loyverse item export: variants, stores, sold by weight, variable price, untracked stock", async () => {
    const owner = await signUp(t.app);
    const res = await uploadImport(owner, "products", { name: "items.csv", data: fixture("loyverse-items.csv") });
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview.format).toBe("loyverse_items");
    expect(preview.counts).toEqual({ new: 5, update: 0, unchanged: 0, error: 0 });
    expect(rows(preview)).toEqual([
      expect.objectContaining({
        name: "Sugar 1kg",
        sku: "10001",
        barcode: "6001234500012",
        price: 15000,
        cost: 12000,
        stock: "Main shop: 40; Gate kiosk: 10",
      }),
      expect.objectContaining({ name: "Rice loose", unit: "kg", price: 13050, stock: "Main shop: 25.5" }),
      expect.objectContaining({ name: "T-shirt — S / Red", category: "Clothes", price: 80000 }),
      expect.objectContaining({ name: "T-shirt — M / Red", category: "Clothes", stock: "Main shop: 4" }),
      expect.objectContaining({ name: "Phone repair", priceAtSale: true, price: 0, stock: null }),
    ]);
    await commit(owner, preview.id);
    const repair = (await owner.get("/products?q=Phone")).json().items[0];
    const detail = (await owner.get(`/products/${repair.id}`)).json();
    // Track stock = N: no movement anywhere, so its stock is "not counted yet".
    expect(detail.recentMovements).toEqual([]);
    expect(detail.priceAtSale).toBe(true);
  });

  it("reads a Square item library CSV with a byte-order mark, and drops a barcode in scientific notation", async () => {
    const owner = await signUp(t.app);
    const preview = (
      await uploadImport(owner, "products", { name: "square.csv", data: fixture("square-items.csv") })
    ).json();
    expect(preview.format).toBe("square_items");
    expect(rows(preview)).toEqual([
      expect.objectContaining({
        name: "Maize flour — 2 kg",
        sku: "MF-2",
        barcode: "4800020000001",
        price: 125000,
        cost: 100000,
        category: "Flour",
        stock: "Main shop: 30",
      }),
      expect.objectContaining({ name: "Maize flour — 5 kg", price: 290000 }),
      expect.objectContaining({ name: "Cooking oil", price: 32000, barcode: null }),
      expect.objectContaining({ name: "Tailoring", priceAtSale: true }),
    ]);
    expect(preview.warnings).toEqual([
      expect.objectContaining({
        row: 4,
        column: "GTIN",
        value: "4.80002E+12",
        message: expect.stringMatching(/rounded number/),
      }),
    ]);
    expect(preview.counts.error).toBe(0);
  });

  it("reads a Square item library XLSX", async () => {
    const owner = await signUp(t.app);
    const data = await writeXlsxFile([
      ["Token", "Item Name", "Variation Name", "SKU", "Price", "Current Quantity Main shop"],
      ["", "Soap bar", "Regular", "SP-1", 55, 48],
    ]).toBuffer();
    const preview = (await uploadImport(owner, "products", { name: "library.xlsx", data })).json();
    expect(preview).toMatchObject({ format: "square_items", counts: { new: 1, error: 0 } });
    expect(rows(preview)[0]).toMatchObject({ name: "Soap bar", price: 5500, stock: "Main shop: 48" });
  });

  it("reads OpenSourcePOS items and customers", async () => {
    const owner = await signUp(t.app);
    const items = (
      await uploadImport(owner, "products", { name: "items.csv", data: fixture("ospos-items.csv") })
    ).json();
    expect(items.format).toBe("ospos_items");
    expect(rows(items)[0]).toMatchObject({
      name: "Exercise book 96pg",
      barcode: "7001",
      price: 4000,
      cost: 2500,
      lowStockThreshold: 10,
      stock: "Main shop: 150",
    });
    const people = (
      await uploadImport(owner, "customers", { name: "c.csv", data: fixture("ospos-customers.csv") })
    ).json();
    expect(people.format).toBe("ospos_customers");
    expect(rows(people)).toEqual([
      expect.objectContaining({
        name: "Grace Wanjiru",
        phone: "+254711222333",
        email: "grace@example.com",
        address: "Plot 4, Thika, Kenya",
      }),
      expect.objectContaining({ name: "Omar Ali", phone: "+254722333444" }),
    ]);
  });

  it("reads Loyverse customers and matches them by phone on a second import", async () => {
    const owner = await signUp(t.app);
    const file = { name: "customers.csv", data: fixture("loyverse-customers.csv") };
    const first = (await uploadImport(owner, "customers", file)).json();
    expect(first.format).toBe("loyverse_customers");
    expect(rows(first)[1]).toMatchObject({ name: "Peter Njoroge", phone: "+254733000222" });
    await commit(owner, first.id);
    const second = (await uploadImport(owner, "customers", file)).json();
    expect(second.counts).toEqual({ new: 0, update: 0, unchanged: 2, error: 0 });
  });

  it("writes the opening balance as the first entry of the customer's statement", async () => {
    const owner = await signUp(t.app);
    const csv =
      "name,phone,email,address,credit limit,opening balance\nAmina Otieno,0712 345 678,,Market Street,5000,1200.50\n";
    const preview = (await uploadImport(owner, "customers", { name: "debts.csv", data: csv })).json();
    expect(preview.format).toBe("duka");
    await commit(owner, preview.id);
    const customer = (await owner.get("/customers")).json().items[0];
    expect(customer).toMatchObject({ name: "Amina Otieno", phone: "+254712345678" });
    const ledger = (await owner.get(`/customers/${customer.id}/ledger`)).json();
    expect(ledger.balance).toBe(120050);
    expect(ledger.entries).toEqual([
      expect.objectContaining({ kind: "opening", amount: 120050, note: "Import: debts.csv" }),
    ]);
    expect(ledger.text).toContain("Balance brought forward");
    const again = (await uploadImport(owner, "customers", { name: "debts.csv", data: csv })).json();
    expect(again.counts.unchanged).toBe(1);
  });

  it("reads Windows-1252 with semicolons and decimal commas, and tab-separated files", async () => {
    const owner = await signUp(t.app);
    const latin = Buffer.from("nom;prix;catégorie;stock: Main shop\r\nCafé moulu;1.250,50;Épicerie;3,5\r\n", "latin1");
    const fr = (await uploadImport(owner, "products", { name: "prix.csv", data: latin })).json();
    expect(fr.format).toBe("duka");
    expect(rows(fr)[0]).toMatchObject({
      name: "Café moulu",
      price: 125050,
      category: "Épicerie",
      stock: "Main shop: 3.5",
    });
    const tab = (await uploadImport(owner, "products", { name: "t.tsv", data: "name\tprice\nSoda\tKSh 80\n" })).json();
    expect(rows(tab)[0]).toMatchObject({ name: "Soda", price: 8000 });
  });

  it("proposes a mapping for an unknown file, and remembers the owner's choice for the same headers", async () => {
    const owner = await signUp(t.app);
    const csv = "Item,Selling price,Qty,Shelf\nBread,60,20,A1\n";
    const proposed = (await uploadImport(owner, "products", { name: "mine.csv", data: csv })).json();
    expect(proposed).toMatchObject({
      format: "mapped",
      mappingSource: "proposed",
      mapping: { name: "Item", price: "Selling price", stock: "Qty" },
      headers: ["Item", "Selling price", "Qty", "Shelf"],
    });
    const given = { name: "Item", price: "Selling price", stock: "Qty", category: "Shelf" };
    const chosen = (
      await uploadImport(owner, "products", { name: "mine.csv", data: csv }, { mapping: JSON.stringify(given) })
    ).json();
    expect(chosen).toMatchObject({ mappingSource: "given", mapping: given });
    expect(rows(chosen)[0]).toMatchObject({ name: "Bread", category: "A1", stock: "Main shop: 20" });
    await commit(owner, chosen.id);
    const next = (
      await uploadImport(owner, "products", { name: "next.csv", data: "Item,Selling price,Qty,Shelf\nBuns,30,5,B2\n" })
    ).json();
    expect(next).toMatchObject({ mappingSource: "remembered", mapping: given });
  });

  it("asks for the name column when it cannot propose one", async () => {
    const owner = await signUp(t.app);
    const res = (await uploadImport(owner, "products", { name: "odd.csv", data: "Col A,Col B\nx,1\ny,2\n" })).json();
    expect(res.errors).toEqual([
      expect.objectContaining({ row: 1, message: "Choose the column that holds the name and the price." }),
    ]);
    expect(res.counts).toEqual({ new: 0, update: 0, unchanged: 0, error: 2 });
    expect((await owner.post(`/imports/${res.id}/commit`, {})).statusCode).toBe(409);
  });
});
