import { describe, expect, it } from "vitest";
import { signUp, useTestApp } from "../../test/api.js";
import { fixture, uploadImport } from "../../test/imports.js";

interface Product {
  id: string;
  name: string;
  sku: string | null;
  barcode: string | null;
  price: number;
  stock: number;
  stockState: string;
}

describe("imports: preview, commit, history", () => {
  const t = useTestApp();

  it("previews a Duka template file without writing, then commits it in one go", async () => {
    const owner = await signUp(t.app);
    const csv =
      "name,sku,barcode,category,unit,price,cost,low stock threshold,stock: Main shop\n" +
      "Sugar 1 kg,SUG-1,,Groceries,piece,150.00,120,5,24\n" +
      "Tomatoes,,,Vegetables,kg,80,,2,12.5\n";
    const res = await uploadImport(owner, "products", { name: "my shop.csv", data: csv });
    expect(res.statusCode, res.body).toBe(201);
    const preview = res.json();
    expect(preview).toMatchObject({
      kind: "products",
      format: "duka",
      counts: { new: 2, update: 0, unchanged: 0, error: 0 },
      errors: [],
      mappingSource: "format",
      newLocations: [],
    });
    expect(preview.preview[0]).toMatchObject({ row: 2, action: "new", values: { name: "Sugar 1 kg", price: 15000 } });
    expect((await owner.get("/products")).json().items).toHaveLength(0);

    const done = await owner.post(`/imports/${preview.id}/commit`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().counts).toEqual({ new: 2, update: 0, unchanged: 0, error: 0 });
    const items = (await owner.get("/products")).json().items as Product[];
    expect(items.map((p) => [p.name, p.price, p.stock])).toEqual([
      ["Sugar 1 kg", 15000, 24],
      ["Tomatoes", 8000, 12.5],
    ]);
    const sugar = (await owner.get(`/products/${items[0]?.id}`)).json();
    expect(sugar.recentMovements[0]).toMatchObject({ kind: "import", quantity: 24, reason: "Import: my shop.csv" });
    // An opening stock from the file is a count: nothing imported with stock waits on the "count me" list.
    expect(items.map((p) => p.stockState)).not.toContain("uncounted");
    expect((await owner.get("/stock/attention")).json().notCounted).toEqual([]);

    const again = await owner.post(`/imports/${preview.id}/commit`, {});
    expect(again.statusCode).toBe(409);
    const history = (await owner.get("/imports")).json().items;
    expect(history).toEqual([
      expect.objectContaining({ filename: "my shop.csv", format: "duka", kind: "products", userName: "Amina" }),
    ]);
  });

  it("updates rather than duplicates when the same file comes again", async () => {
    const owner = await signUp(t.app);
    const file = { name: "loyverse.csv", data: fixture("loyverse-items.csv") };
    const first = (await uploadImport(owner, "products", file)).json();
    expect((await owner.post(`/imports/${first.id}/commit`, { createLocations: true })).statusCode).toBe(200);
    const second = (await uploadImport(owner, "products", file)).json();
    expect(second.counts).toEqual({ new: 0, update: 0, unchanged: 5, error: 0 });
    expect(second.newLocations).toEqual([]);
    const changed = fixture("loyverse-items.csv").toString().replace(",150,120,", ",175,120,");
    const third = (await uploadImport(owner, "products", { name: "loyverse.csv", data: changed })).json();
    expect(third.counts).toEqual({ new: 0, update: 1, unchanged: 4, error: 0 });
    expect((await owner.post(`/imports/${third.id}/commit`, {})).json().counts.update).toBe(1);
    const items = (await owner.get("/products?limit=50")).json().items as Product[];
    expect(items).toHaveLength(5);
    expect(items.find((p) => p.sku === "10001")?.price).toBe(17500);
  });

  it("asks before creating a store the business does not have", async () => {
    const owner = await signUp(t.app);
    const preview = (
      await uploadImport(owner, "products", { name: "l.csv", data: fixture("loyverse-items.csv") })
    ).json();
    expect(preview.newLocations).toEqual(["Gate kiosk"]);
    const refused = await owner.post(`/imports/${preview.id}/commit`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: "confirm_locations", details: { locations: ["Gate kiosk"] } });
    expect((await owner.get("/locations")).json().items).toHaveLength(1);
    expect((await owner.post(`/imports/${preview.id}/commit`, { createLocations: true })).statusCode).toBe(200);
    const names = (await owner.get("/locations")).json().items.map((l: { name: string }) => l.name);
    expect(names).toEqual(expect.arrayContaining(["Main shop", "Gate kiosk"]));
  });

  it("keeps a preview for an hour only", async () => {
    const owner = await signUp(t.app);
    const preview = (
      await uploadImport(owner, "customers", { name: "c.csv", data: fixture("loyverse-customers.csv") })
    ).json();
    t.clock.advance(61 * 60 * 1000);
    const res = await owner.post(`/imports/${preview.id}/commit`, {});
    expect(res.statusCode).toBe(410);
    expect(res.json().error.message).toMatch(/Upload the file again/);
    expect((await owner.get("/customers")).json().items).toHaveLength(0);
  });

  it("serves templates in the business's language that import back as they are", async () => {
    const owner = await signUp(t.app, { locale: "fr" });
    for (const kind of ["products", "customers"]) {
      const csv = await owner.request("GET", `/imports/templates/${kind}.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toMatch(/text\/csv/);
      const xlsx = await owner.request("GET", `/imports/templates/${kind}.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
      for (const [name, data] of [
        [`t.csv`, csv.rawPayload],
        [`t.xlsx`, xlsx.rawPayload],
      ] as const) {
        const preview = await uploadImport(owner, kind, { name, data });
        expect(preview.statusCode, preview.body).toBe(201);
        expect(preview.json()).toMatchObject({ format: "duka", counts: { new: 2, error: 0 } });
      }
    }
    const header = (await owner.request("GET", "/imports/templates/products.csv")).body.split("\n")[0];
    expect(header).toContain("prix");
  });
});
