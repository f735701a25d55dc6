import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { addLocation, addStaff, mainLocation } from "../../test/fixtures.js";
import { expectLedgerMatchesLevels } from "../../test/invariants.js";

describe("low-stock alerts", () => {
  const t = useTestApp();
  let owner: Actor;
  let main: string;
  let branch: string;

  beforeAll(async () => {
    owner = await signUp(t.app);
    main = await mainLocation(t, owner);
    branch = await addLocation(t, owner, "Branch");
  });

  it("lists products at or below their threshold per location, out of stock first", async () => {
    const make = async (name: string, threshold: number, atMain: number, atBranch: number) => {
      // Zero is typed in, so counted: out there, not "not counted yet".
      const initialStock = [
        { locationId: main, quantity: atMain },
        { locationId: branch, quantity: atBranch },
      ];
      return (await owner.post("/products", { name, price: 1, lowStockThreshold: threshold, initialStock })).json()
        .id as string;
    };
    const plenty = await make("Plenty", 2, 10, 10);
    const low = await make("Lowish", 5, 5, 10);
    await make("Gone here", 1, 0, 3);
    const archived = await make("Archived", 5, 1, 1);
    await owner.patch(`/products/${archived}`, { archived: true });
    // The branch keeps more bread than the product's default asks for.
    await owner.patch(`/products/${plenty}`, { locationThresholds: [{ locationId: branch, lowStockThreshold: 10 }] });

    const list = (await owner.get("/alerts/low-stock")).json().items;
    const seen = list.map((i: { name: string; locationName: string; stockState: string }) => [
      i.name,
      i.locationName,
      i.stockState,
    ]);
    expect(seen).toEqual([
      ["Gone here", "Main shop", "out"],
      ["Lowish", "Main shop", "low"],
      ["Plenty", "Branch", "low"],
    ]);
    const here = (await owner.get(`/alerts/low-stock?locationId=${main}`)).json().items;
    expect(here.map((i: { name: string }) => i.name)).toEqual(["Gone here", "Lowish"]);
    expect((await owner.get("/alerts/low-stock/count")).json()).toEqual({ low: 2, out: 1, total: 3 });

    // Receiving lifts Lowish above its threshold; taking it back down reports the crossing.
    await owner.post("/stock-movements", { productId: low, locationId: main, kind: "receive", quantity: 1 });
    expect((await owner.get(`/alerts/low-stock/count?locationId=${main}`)).json()).toEqual({
      low: 0,
      out: 1,
      total: 1,
    });
    const down = await owner.post("/stock-movements", {
      productId: low,
      locationId: main,
      kind: "adjust",
      quantity: -1,
      reason: "expired",
    });
    expect(down.json().lowStock).toEqual([{ productId: low, locationId: main, level: 5, threshold: 5 }]);
    const further = await owner.post("/stock-movements", {
      productId: low,
      locationId: main,
      kind: "adjust",
      quantity: -1,
      reason: "expired",
    });
    expect(further.json().lowStock).toEqual([]);
    await expectLedgerMatchesLevels(t.database);
  });

  it("shows staff their location only", async () => {
    const staff = await addStaff(t, owner, { locationId: branch });
    const items = (await staff.get("/alerts/low-stock")).json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i: { locationId: string }) => i.locationId === branch)).toBe(true);
    expect((await staff.get(`/alerts/low-stock?locationId=${main}`)).statusCode).toBe(403);
    const other = await signUp(t.app);
    expect((await other.get(`/alerts/low-stock?locationId=${main}`)).statusCode).toBe(404);
    expect((await other.get("/alerts/low-stock")).json().items).toEqual([]);
  });
});
