import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { uploadImport } from "../../test/imports.js";

interface Detail {
  name: string;
  sku: string | null;
  barcode: string | null;
  category: string | null;
  unit: string;
  price: number;
  priceAtSale: boolean;
  cost: number | null;
  lowStockThreshold: number;
  locations: { locationName: string; quantity: number }[];
}

/** Every product as the owner sees it, by name, with stock per location name. */
async function catalogue(owner: Actor) {
  const items = (await owner.get("/products?limit=200")).json().items as { id: string }[];
  const details = await Promise.all(items.map(async (p) => (await owner.get(`/products/${p.id}`)).json() as Detail));
  return details
    .map((d) => ({
      name: d.name,
      sku: d.sku,
      barcode: d.barcode,
      category: d.category,
      unit: d.unit,
      price: d.price,
      priceAtSale: d.priceAtSale,
      cost: d.cost,
      lowStockThreshold: d.lowStockThreshold,
      stock: Object.fromEntries(d.locations.filter((l) => l.quantity !== 0).map((l) => [l.locationName, l.quantity])),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function people(owner: Actor) {
  const items = (await owner.get("/customers?limit=100")).json().items as { id: string }[];
  const all = await Promise.all(
    items.map(async (c) => {
      const d = (await owner.get(`/customers/${c.id}`)).json();
      return { name: d.name, phone: d.phone, email: d.email, address: d.address, balance: d.balance };
    }),
  );
  return all.sort((a, b) => a.name.localeCompare(b.name));
}

async function bringIn(owner: Actor, kind: string, name: string, data: string) {
  const preview = await uploadImport(owner, kind, { name, data });
  expect(preview.statusCode, preview.body).toBe(201);
  expect(preview.json().errors).toEqual([]);
  const done = await owner.post(`/imports/${preview.json().id}/commit`, { createLocations: true });
  expect(done.statusCode, done.body).toBe(200);
}

describe("imports: export from one business, import into a new one", () => {
  const t = useTestApp();

  it("gives the same products, stock, customers and balances", async () => {
    const a = await signUp(t.app);
    const main = (await a.get("/locations")).json().items[0].id as string;
    const kiosk = (await a.post("/locations", { name: "Gate kiosk" })).json().id as string;
    const made = async (body: object) => (await a.post("/products", body)).json().id as string;
    const sugar = await made({
      name: "Sugar 1 kg",
      sku: "SUG-1",
      barcode: "6001234500012",
      category: "Groceries",
      price: 15000,
      cost: 12000,
      lowStockThreshold: 5,
      initialStock: [
        { locationId: main, quantity: 24 },
        { locationId: kiosk, quantity: 6 },
      ],
    });
    await made({ name: "Tomatoes", unit: "kg", price: 8050, initialStock: [{ locationId: main, quantity: 12.5 }] });
    await made({ name: "=Tailoring", price: 0, priceAtSale: true, category: "@Services" });
    const amina = (
      await a.post("/customers", { name: "Amina Otieno", phone: "0712345678", address: "Market St" })
    ).json();
    await a.post("/customers", { name: "Joseph Kamau", phone: "+254723456789", email: "joseph@example.com" });
    const credit = await a.post("/sales", {
      id: randomUUID(),
      lines: [{ productId: sugar, quantity: 2 }],
      locationId: main,
      customerId: amina.id,
      payment: { method: "credit" },
    });
    expect(credit.statusCode, credit.body).toBe(201);
    await a.post(`/customers/${amina.id}/payments`, { amount: 5000, method: "cash" });

    const b = await signUp(t.app, { businessName: "New shop", locationName: "Main shop" });
    await bringIn(b, "products", "products.csv", (await a.get("/products/export.csv")).body);
    await bringIn(b, "customers", "customers.csv", (await a.get("/customers/export.csv")).body);

    expect(await catalogue(b)).toEqual(await catalogue(a));
    expect(await people(b)).toEqual(await people(a));
    expect((await people(b)).find((p) => p.name === "Amina Otieno")?.balance).toBe(25000);
  });

  it("names the columns in the shop's language, and a French export imports into a Swahili shop", async () => {
    const a = await signUp(t.app, {
      locale: "fr",
      currency: "XOF",
      timeZone: "Africa/Dakar",
      locationName: "Boutique",
    });
    const main = (await a.get("/locations")).json().items[0].id as string;
    await a.post("/products", {
      name: "Sucre 1 kg",
      sku: "SUC-1",
      category: "Épicerie",
      price: 650,
      cost: 500,
      lowStockThreshold: 5,
      initialStock: [{ locationId: main, quantity: 24 }],
    });
    await a.post("/products", { name: "=Couture", price: 0, priceAtSale: true, category: "@Services" });
    await a.post("/customers", { name: "Awa Diallo", phone: "+221771234567", address: "Rue du Marché" });

    const products = (await a.get("/products/export.csv")).body;
    const customers = (await a.get("/customers/export.csv")).body;
    const firstLine = (csv: string) => csv.replace(/^\uFEFF/, "").split(/\r?\n/)[0];
    expect(firstLine(products)).toBe(
      "nom,référence,code-barres,catégorie,unité,prix (XOF),coût (XOF),seuil de stock bas,archivé,stock: Boutique,stock: total",
    );
    expect(firstLine(customers)).toBe(
      "nom,téléphone,e-mail,adresse,étiquettes,solde (XOF),total dépensé (XOF),dernière visite",
    );
    // Formula-looking text stays neutralised whatever the language.
    expect(products).toContain("'=Couture");

    const b = await signUp(t.app, {
      locale: "sw",
      currency: "XOF",
      timeZone: "Africa/Dakar",
      locationName: "Boutique",
    });
    await bringIn(b, "products", "bidhaa.csv", products);
    await bringIn(b, "customers", "wateja.csv", customers);
    expect(await catalogue(b)).toEqual(await catalogue(a));
    expect(await people(b)).toEqual(await people(a));
    // And the Swahili shop writes its own words, which an English shop reads back.
    expect(firstLine((await b.get("/products/export.csv")).body)).toMatch(/^jina,nambari ya bidhaa,.*,stoo: jumla$/);
    const c = await signUp(t.app, { currency: "XOF", timeZone: "Africa/Dakar", locationName: "Boutique" });
    await bringIn(c, "products", "products.csv", (await b.get("/products/export.csv")).body);
    await bringIn(c, "customers", "customers.csv", (await b.get("/customers/export.csv")).body);
    expect(await catalogue(c)).toEqual(await catalogue(a));
    expect(await people(c)).toEqual(await people(a));
  });
});
