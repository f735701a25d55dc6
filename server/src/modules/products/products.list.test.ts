import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inBusiness } from "../../db/tenancy.js";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { mainLocation } from "../../test/fixtures.js";

interface Item {
  id: string;
  name: string;
  stock: number;
  stockState: string;
}

describe("product list: search, filters, cursor pages", () => {
  const t = useTestApp();
  let owner: Actor;
  let main: string;

  beforeAll(async () => {
    owner = await signUp(t.app);
    main = await mainLocation(t, owner);
    const businessId = owner.me.user.businessId;
    // 230 products written in one statement, so the walk below crosses several pages cheaply;
    // stock varies so the stock sort has ties (broken by id).
    await inBusiness(t.database.db, businessId, async (tx) => {
      await tx.execute(sql`insert into products (business_id, name, sku, price, category, low_stock_threshold)
        select ${businessId}, 'Item ' || lpad(g::text, 3, '0'), 'SKU-' || g, 100 + g, case when g % 2 = 0 then 'Even' else 'Odd' end, 3
        from generate_series(1, 230) g`);
      // Imported, so counted.
      await tx.execute(sql`insert into stock_levels (business_id, product_id, location_id, quantity, counted_at)
        select business_id, id, ${main}, (right(name, 3)::int % 7), now() from products where business_id = ${businessId}`);
      await tx.execute(sql`insert into stock_movements (business_id, product_id, location_id, kind, quantity, level_after)
        select business_id, product_id, location_id, 'import', quantity, quantity from stock_levels
        where business_id = ${businessId} and quantity <> 0`);
    });
  });

  async function walk(query: string, limit: number): Promise<Item[]> {
    const seen: Item[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const res = await owner.get(`/products?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: Item[]; nextCursor: string | null };
      seen.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error("the cursor never ended");
  }

  it.each(["name", "stock", "updated"])("walks every product exactly once sorted by %s", async (sort) => {
    const items = await walk(`sort=${sort}`, 37);
    expect(items).toHaveLength(230);
    expect(new Set(items.map((i) => i.id)).size).toBe(230);
    if (sort === "name") expect(items.map((i) => i.name)).toEqual([...items.map((i) => i.name)].sort());
    if (sort === "stock")
      expect(items.map((i) => i.stock)).toEqual([...items.map((i) => i.stock)].sort((a, b) => a - b));
  });

  it("walks a filtered list exactly once", async () => {
    const items = await walk(`category=Even&stock=low&locationId=${main}`, 10);
    // Even numbers 2..230 whose number mod 7 is 1, 2 or 3.
    const expected = Array.from({ length: 115 }, (_, i) => (i + 1) * 2).filter((g) => [1, 2, 3].includes(g % 7));
    expect(items.map((i) => i.name)).toEqual(expected.map((g) => `Item ${String(g).padStart(3, "0")}`));
    expect(items.every((i) => i.stockState === "low")).toBe(true);
  });

  it("finds by name substring, exact SKU and state", async () => {
    expect((await owner.get("/products?q=item 12")).json().items.map((i: Item) => i.name)).toEqual([
      "Item 120",
      "Item 121",
      "Item 122",
      "Item 123",
      "Item 124",
      "Item 125",
      "Item 126",
      "Item 127",
      "Item 128",
      "Item 129",
    ]);
    expect((await owner.get("/products?q=SKU-77")).json().items.map((i: Item) => i.name)).toEqual(["Item 077"]);
    expect((await owner.get("/products?q=SKU-7")).json().items.map((i: Item) => i.name)).toEqual(["Item 007"]);
    // A % typed by someone is a character, not a wildcard.
    expect((await owner.get("/products?q=%25")).json().items).toEqual([]);
    const out = (await owner.get("/products?stock=out&limit=200")).json().items as Item[];
    expect(out).toHaveLength(32); // multiples of 7 up to 230
    expect(out.every((i) => i.stock === 0 && i.stockState === "out")).toBe(true);
  });

  it("refuses a tampered cursor or one from another sort with 400", async () => {
    const page = (await owner.get("/products?limit=5")).json();
    expect((await owner.get(`/products?cursor=${page.nextCursor}&sort=stock`)).statusCode).toBe(400);
    expect((await owner.get("/products?cursor=not-a-cursor")).statusCode).toBe(400);
    expect((await owner.get("/products?limit=0")).statusCode).toBe(400);
    expect((await owner.get("/products?stock=lots")).statusCode).toBe(400);
  });
});
