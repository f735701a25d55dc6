import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { addLocation, addStaff, mainLocation } from "../../test/fixtures.js";
import { expectLedgerMatchesLevels } from "../../test/invariants.js";

describe("stock counts", () => {
  const t = useTestApp();
  let owner: Actor;
  let staff: Actor;
  let main: string;
  let branch: string;
  const product = async (name: string, stock: number) =>
    (
      await owner.post("/products", {
        name,
        price: 10,
        initialStock: stock ? [{ locationId: main, quantity: stock }] : [],
      })
    ).json().id as string;

  beforeAll(async () => {
    owner = await signUp(t.app);
    main = await mainLocation(t, owner);
    branch = await addLocation(t, owner);
    staff = await addStaff(t, owner, { locationId: main });
  });

  it("staff count, the owner sees expected vs counted and applies it once", async () => {
    const flour = await product("Flour", 10);
    const oil = await product("Oil", 4);
    const salt = await product("Salt", 0);
    const opened = await staff.post("/stock-counts", { locationId: main, note: "Month end" });
    expect(opened.statusCode).toBe(201);
    const id = opened.json().id;
    const put = await staff.request("PUT", `/stock-counts/${id}/lines`, {
      lines: [
        { productId: flour, counted: 8 },
        { productId: oil, counted: 4 },
        { productId: salt, counted: 1.5 },
      ],
    });
    expect(put.statusCode).toBe(200);
    // Entering a product again replaces its count.
    await staff.request("PUT", `/stock-counts/${id}/lines`, { lines: [{ productId: flour, counted: 7 }] });
    const view = (await owner.get(`/stock-counts/${id}`)).json();
    expect(view.lines).toEqual([
      expect.objectContaining({ productName: "Flour", counted: 7, expected: 10, difference: -3 }),
      expect.objectContaining({ productName: "Oil", counted: 4, expected: 4, difference: 0 }),
      expect.objectContaining({ productName: "Salt", counted: 1.5, expected: 0, difference: 1.5 }),
    ]);
    expect((await staff.post(`/stock-counts/${id}/apply`)).statusCode).toBe(403);
    const applied = await owner.post(`/stock-counts/${id}/apply`);
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ status: "applied", appliedAt: expect.any(String) });
    const movements = (await owner.get(`/stock-movements?locationId=${main}`))
      .json()
      .items.filter((m: { kind: string }) => m.kind === "count");
    expect(
      movements
        .map((m: { productName: string; quantity: number; levelAfter: number }) => [
          m.productName,
          m.quantity,
          m.levelAfter,
        ])
        .sort(),
    ).toEqual([
      ["Flour", -3, 7],
      ["Salt", 1.5, 1.5],
    ]);
    const again = await owner.post(`/stock-counts/${id}/apply`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("count_not_open");
    expect(
      (await staff.request("PUT", `/stock-counts/${id}/lines`, { lines: [{ productId: oil, counted: 1 }] })).statusCode,
    ).toBe(409);
    // After applying, expected is the level the count corrected, not today's level.
    await owner.post("/stock-movements", { productId: flour, locationId: main, kind: "receive", quantity: 5 });
    expect((await owner.get(`/stock-counts/${id}`)).json().lines[0]).toMatchObject({ expected: 10, counted: 7 });
    await expectLedgerMatchesLevels(t.database);
  });

  it("cancels an open count, which then cannot be applied", async () => {
    const id = (await owner.post("/stock-counts", { locationId: main })).json().id;
    expect((await staff.post(`/stock-counts/${id}/cancel`)).json().status).toBe("cancelled");
    expect((await owner.post(`/stock-counts/${id}/apply`)).statusCode).toBe(409);
    const listed = (await owner.get(`/stock-counts?status=cancelled&locationId=${main}`)).json().items;
    expect(listed.map((c: { id: string }) => c.id)).toContain(id);
  });

  it("refuses bad lines, other locations and other businesses", async () => {
    const id = (await owner.post("/stock-counts", { locationId: main })).json().id;
    const p = await product("Matches", 2);
    const put = (lines: unknown) => staff.request("PUT", `/stock-counts/${id}/lines`, { lines });
    expect((await put([{ productId: p, counted: -1 }])).statusCode).toBe(400);
    expect((await put([{ productId: p, counted: 0.0005 }])).statusCode).toBe(400);
    expect((await put([])).statusCode).toBe(400);
    expect((await put([{ productId: "00000000-0000-4000-8000-000000000000", counted: 1 }])).statusCode).toBe(404);
    expect((await staff.post("/stock-counts", { locationId: branch })).statusCode).toBe(403);
    const branchCount = (await owner.post("/stock-counts", { locationId: branch })).json().id;
    expect((await staff.get(`/stock-counts/${branchCount}`)).statusCode).toBe(403);
    const other = await signUp(t.app);
    expect((await other.get(`/stock-counts/${id}`)).statusCode).toBe(404);
    expect((await other.post(`/stock-counts/${id}/apply`)).statusCode).toBe(404);
    expect((await other.post("/stock-counts", { locationId: main })).statusCode).toBe(404);
    const staffList = (await staff.get("/stock-counts")).json().items;
    expect(staffList.every((c: { locationId: string }) => c.locationId === main)).toBe(true);
  });
});
