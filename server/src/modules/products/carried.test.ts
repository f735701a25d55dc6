import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { mainLocation } from "../../test/fixtures.js";

/** "Carried at this location": a new branch carries nothing until the owner says (decision 014). */
describe("products carried at a location", () => {
  const t = useTestApp();
  let owner: Actor;
  let main: string;

  const badge = async () => (await owner.get("/alerts/low-stock/count")).json();
  const carried = async (id: string) =>
    Object.fromEntries(
      (await owner.get(`/products/${id}`))
        .json()
        .locations.map((l: { locationName: string; carried: boolean }) => [l.locationName, l.carried]),
    );

  beforeAll(async () => {
    owner = await signUp(t.app);
    main = await mainLocation(t, owner);
  });

  it("keeps the badge and the dashboard when a branch opens, and the summary agrees with the list", async () => {
    const made = [];
    for (const [name, qty] of [
      ["Soap", 0],
      ["Oil", 1],
      ["Salt", 30],
    ] as const) {
      const body = { name, price: 100, lowStockThreshold: 2, initialStock: [{ locationId: main, quantity: qty }] };
      made.push((await owner.post("/products", body)).json().id as string);
    }
    expect(await badge()).toEqual({ low: 1, out: 1, total: 2 });
    const before = (await owner.get("/dashboard")).json();

    const branch = (await owner.post("/locations", { name: "Market stall" })).json().id as string;
    expect(await badge()).toEqual({ low: 1, out: 1, total: 2 });
    const after = (await owner.get("/dashboard")).json();
    expect(after.stock).toEqual(before.stock);
    expect(after.stock).toMatchObject({ inStock: 1, low: 1, out: 1, notCounted: 0 });
    expect(after.lowStock.filter((l: { stockState: string }) => l.stockState === "out")).toHaveLength(after.stock.out);
    expect(after.lowStock.filter((l: { stockState: string }) => l.stockState === "low")).toHaveLength(after.stock.low);
    expect((await owner.get(`/products?locationId=${branch}`)).json().items).toEqual([]);

    // With two locations, a new product is carried where the owner says; the branch's stock is not counted yet.
    const sugar = (await owner.post("/products", { name: "Sugar", price: 200, carriedAt: [main, branch] })).json()
      .id as string;
    const tea = (await owner.post("/products", { name: "Tea", price: 50, carriedAt: [main] })).json().id as string;
    expect(await carried(sugar)).toEqual({ "Main shop": true, "Market stall": true });
    expect(await carried(tea)).toEqual({ "Main shop": true, "Market stall": false });
    const stall = (await owner.get(`/dashboard?locationId=${branch}`)).json().stock;
    expect(stall).toMatchObject({ inStock: 0, low: 0, out: 0, notCounted: 1 });

    // The owner chooses per product: the stall now sells Soap and no longer Sugar.
    const soap = made[0] as string;
    expect((await owner.patch(`/products/${soap}`, { carriedAt: [main, branch] })).statusCode).toBe(200);
    expect((await owner.patch(`/products/${sugar}`, { carriedAt: [main] })).statusCode).toBe(200);
    expect(await carried(soap)).toEqual({ "Main shop": true, "Market stall": true });
    expect(await carried(sugar)).toEqual({ "Main shop": true, "Market stall": false });
    const names = (await owner.get(`/products?locationId=${branch}`)).json().items.map((i: { name: string }) => i.name);
    expect(names).toEqual(["Soap"]);
  });

  it("refuses another business's location and bad ids", async () => {
    const p = (await owner.post("/products", { name: "Rice", price: 100 })).json().id as string;
    const other = await signUp(t.app);
    const theirs = (await other.get("/locations")).json().items[0].id as string;
    expect((await owner.patch(`/products/${p}`, { carriedAt: [theirs] })).statusCode).toBe(404);
    expect((await owner.post("/products", { name: "Beans", price: 1, carriedAt: [theirs] })).statusCode).toBe(404);
    expect((await owner.patch(`/products/${p}`, { carriedAt: ["nope"] })).statusCode).toBe(400);
    expect(await carried(p)).toMatchObject({ "Main shop": true });
  });
});
