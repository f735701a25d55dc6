import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { addStaff, mainLocation } from "../../test/fixtures.js";
import { expectLedgerMatchesLevels } from "../../test/invariants.js";

/** Stock nobody has counted yet: sellable, on the "count me" list, never "out" (decision 014). */
describe("stock not counted yet", () => {
  const t = useTestApp();
  let owner: Actor;
  let main: string;

  const sell = (productId: string, quantity: number, by: Actor = owner) =>
    by.post("/sales", { id: randomUUID(), lines: [{ productId, quantity }], payment: { method: "cash" } });
  const product = async (name: string, body: Record<string, unknown> = {}) =>
    (await owner.post("/products", { name, price: 500, ...body })).json() as { id: string; stockState: string };
  const attention = async (as: Actor = owner) =>
    (await as.get("/stock/attention")).json() as {
      notCounted: { name: string; quantity: number }[];
      belowZero: { name: string; quantity: number }[];
    };
  const names = (list: { name: string }[]) => list.map((i) => i.name);

  beforeAll(async () => {
    owner = await signUp(t.app);
    main = await mainLocation(t, owner);
  });

  it("sells a product added without stock, records it in the ledger, and lists it until it is received", async () => {
    const tea = await product("Tea leaves");
    expect(tea.stockState).toBe("uncounted");
    expect(names((await attention()).notCounted)).toContain("Tea leaves");

    const sold = await sell(tea.id, 3);
    expect(sold.statusCode, sold.body).toBe(201);
    const detail = (await owner.get(`/products/${tea.id}`)).json();
    expect(detail).toMatchObject({ stock: -3, stockState: "uncounted" });
    expect(detail.locations[0]).toMatchObject({ locationId: main, quantity: -3, carried: true, counted: false });
    expect(detail.recentMovements).toEqual([expect.objectContaining({ kind: "sale", quantity: -3, levelAfter: -3 })]);
    const after = await attention();
    expect(after.notCounted).toEqual([expect.objectContaining({ name: "Tea leaves", quantity: -3, locationId: main })]);
    expect(after.belowZero).toEqual([expect.objectContaining({ name: "Tea leaves", quantity: -3 })]);

    // The first receipt makes it counted: off the "count me" list, and never oversold from then on.
    await owner.post("/stock-movements", { productId: tea.id, locationId: main, kind: "receive", quantity: 10 });
    expect((await owner.get(`/products/${tea.id}`)).json()).toMatchObject({ stock: 7, stockState: "in" });
    expect(names((await attention()).notCounted)).not.toContain("Tea leaves");
    const over = await sell(tea.id, 8);
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe("insufficient_stock");
    expect((await sell(tea.id, 7)).statusCode).toBe(201);
    expect((await owner.get(`/products/${tea.id}`)).json()).toMatchObject({ stock: 0, stockState: "out" });
    await expectLedgerMatchesLevels(t.database);
  });

  it("counts a stocktake that found exactly the record, zero included, and zero typed at creation", async () => {
    const salt = await product("Salt");
    const sugar = await product("Sugar", { initialStock: [{ locationId: main, quantity: 0 }] });
    expect(sugar.stockState).toBe("out");
    const count = (await owner.post("/stock-counts", { locationId: main })).json();
    await owner.request("PUT", `/stock-counts/${count.id}/lines`, { lines: [{ productId: salt.id, counted: 0 }] });
    expect((await owner.post(`/stock-counts/${count.id}/apply`)).statusCode).toBe(200);
    expect((await owner.get(`/products/${salt.id}`)).json().stockState).toBe("out");
    const list = await attention();
    expect(names(list.notCounted)).not.toContain("Salt");
    expect(names(list.notCounted)).not.toContain("Sugar");
    expect((await owner.get("/products?stock=uncounted")).json().items.map((i: { name: string }) => i.name)).toEqual(
      names(list.notCounted).filter((n, i, all) => all.indexOf(n) === i),
    );
  });

  it("counts them as not counted on the dashboard, not as out", async () => {
    const before = (await owner.get("/dashboard")).json().stock;
    await product("Matches");
    const after = (await owner.get("/dashboard")).json().stock;
    expect(after.notCounted).toBe(before.notCounted + 1);
    expect(after.out).toBe(before.out);
    expect((await owner.get("/alerts/low-stock")).json().items.map((i: { name: string }) => i.name)).not.toContain(
      "Matches",
    );
  });

  it("keeps the lists to the owner and to the business", async () => {
    const staff = await addStaff(t, owner);
    expect((await staff.get("/stock/attention")).statusCode).toBe(403);
    const other = await signUp(t.app);
    expect(await attention(other)).toEqual({ notCounted: [], belowZero: [] });
    expect((await other.get(`/stock/attention?locationId=${main}`)).statusCode).toBe(404);
    expect((await owner.get("/stock/attention?locationId=nope")).statusCode).toBe(400);
    // Staff may still sell stock nobody has counted.
    const bread = await product("Bread");
    expect((await sell(bread.id, 1, staff)).statusCode).toBe(201);
  });
});
