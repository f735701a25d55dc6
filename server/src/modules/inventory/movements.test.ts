import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { addLocation, addStaff, mainLocation } from "../../test/fixtures.js";
import { expectLedgerMatchesLevels } from "../../test/invariants.js";

describe("stock movements", () => {
  const t = useTestApp();
  let owner: Actor;
  let main: string;
  let branch: string;
  const newProduct = async (stock = 0, extra: Record<string, unknown> = {}) =>
    (
      await owner.post("/products", {
        name: `Item ${Math.random().toString(36).slice(2, 8)}`,
        price: 100,
        ...extra,
        ...(stock ? { initialStock: [{ locationId: main, quantity: stock }] } : {}),
      })
    ).json() as { id: string; name: string };
  const level = async (productId: string, locationId: string) =>
    (await owner.get(`/products/${productId}`))
      .json()
      .locations.find((l: { locationId: string }) => l.locationId === locationId).quantity;

  beforeAll(async () => {
    owner = await signUp(t.app);
    main = await mainLocation(t, owner);
    branch = await addLocation(t, owner, "Branch");
  });

  it("receives, adjusts and records who, why and the level after", async () => {
    const p = await newProduct();
    const rec = await owner.post("/stock-movements", {
      productId: p.id,
      locationId: main,
      kind: "receive",
      quantity: 2.75,
      unitCost: 900,
      note: "From Kamau wholesale",
    });
    expect(rec.statusCode).toBe(201);
    expect(rec.json().movements).toEqual([
      expect.objectContaining({ kind: "receive", quantity: 2.75, levelAfter: 2.75, unitCost: 900, userName: "Amina" }),
    ]);
    const adj = await owner.post("/stock-movements", {
      productId: p.id,
      locationId: main,
      kind: "adjust",
      quantity: -0.25,
      reason: "damaged",
    });
    expect(adj.json().movements[0]).toMatchObject({
      kind: "adjust",
      quantity: -0.25,
      levelAfter: 2.5,
      reason: "damaged",
    });
    expect(await level(p.id, main)).toBe(2.5);
    const ledger = (await owner.get(`/stock-movements?productId=${p.id}`)).json();
    expect(ledger.items.map((m: { kind: string }) => m.kind)).toEqual(["adjust", "receive"]);
    await expectLedgerMatchesLevels(t.database);
  });

  it("refuses taking more than there is with 409 insufficient_stock, naming what is available", async () => {
    const p = await newProduct(3);
    const res = await owner.post("/stock-movements", {
      productId: p.id,
      locationId: main,
      kind: "adjust",
      quantity: -4,
      reason: "lost",
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "insufficient_stock",
      details: { productId: p.id, productName: p.name, locationId: main, available: 3 },
    });
    expect(res.json().error.message).toContain(p.name);
    expect(res.json().error.message).toContain("3 available");
    // Where nothing was ever received, 0 is available.
    const none = await owner.post("/stock-movements", {
      productId: p.id,
      locationId: branch,
      kind: "adjust",
      quantity: -1,
      reason: "lost",
    });
    expect(none.json().error.details.available).toBe(0);
    expect(await level(p.id, main)).toBe(3);
    await expectLedgerMatchesLevels(t.database);
  });

  it("transfers atomically: one out, one in, sharing a transfer id", async () => {
    const p = await newProduct(5);
    const res = await owner.post("/stock-movements", {
      productId: p.id,
      locationId: main,
      toLocationId: branch,
      kind: "transfer",
      quantity: 2,
    });
    expect(res.statusCode).toBe(201);
    const [out, into] = res.json().movements;
    expect(out).toMatchObject({ kind: "transfer_out", quantity: -2, levelAfter: 3, locationId: main });
    expect(into).toMatchObject({ kind: "transfer_in", quantity: 2, levelAfter: 2, locationId: branch });
    expect(out.transferId).toBe(into.transferId);
    // Back the other way, the legs run in the opposite lock order; the result is the same.
    await owner.post("/stock-movements", {
      productId: p.id,
      locationId: branch,
      toLocationId: main,
      kind: "transfer",
      quantity: 1,
    });
    expect([await level(p.id, main), await level(p.id, branch)]).toEqual([4, 1]);
    await expectLedgerMatchesLevels(t.database);
  });

  it("writes nothing when a transfer would go negative, whichever leg runs first", async () => {
    const p = await newProduct(1);
    for (const [from, to] of [
      [main, branch],
      [branch, main],
    ]) {
      const before = (await owner.get(`/stock-movements?productId=${p.id}`)).json().items.length;
      const res = await owner.post("/stock-movements", {
        productId: p.id,
        locationId: from,
        toLocationId: to,
        kind: "transfer",
        quantity: 5,
      });
      expect(res.statusCode).toBe(409);
      expect((await owner.get(`/stock-movements?productId=${p.id}`)).json().items).toHaveLength(before);
    }
    expect([await level(p.id, main), await level(p.id, branch)]).toEqual([1, 0]);
    await expectLedgerMatchesLevels(t.database);
  });

  it("refuses a transfer to the same location with 400", async () => {
    const p = await newProduct(1);
    const res = await owner.post("/stock-movements", {
      productId: p.id,
      locationId: main,
      toLocationId: main,
      kind: "transfer",
      quantity: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.toLocationId).toBeDefined();
  });

  it.each([
    [{ kind: "receive", quantity: 0 }, "quantity"],
    [{ kind: "receive", quantity: -1 }, "quantity"],
    [{ kind: "receive", quantity: "5" }, "quantity"],
    [{ kind: "receive", quantity: 1.0001 }, "quantity"],
    [{ kind: "receive", quantity: 1, unitCost: -1 }, "unitCost"],
    [{ kind: "adjust", quantity: 0, reason: "damaged" }, "quantity"],
    [{ kind: "adjust", quantity: -1 }, "reason"],
    [{ kind: "adjust", quantity: -1, reason: "because" }, "reason"],
    [{ kind: "transfer", quantity: 1 }, "toLocationId"],
    [{ kind: "transfer", quantity: -1, toLocationId: "00000000-0000-4000-8000-000000000000" }, "quantity"],
    [{ kind: "sale", quantity: 1 }, "kind"],
  ])("refuses %j with 400", async (body, field) => {
    const p = await newProduct(1);
    const res = await owner.post("/stock-movements", { productId: p.id, locationId: main, ...body });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.details.fields).join(" ")).toContain(field);
  });

  it("answers 404 for another business's product or location, and an unknown one", async () => {
    const other = await signUp(t.app);
    const theirLocation = await mainLocation(t, other);
    const theirProduct = (await other.post("/products", { name: "Theirs", price: 1 })).json();
    const p = await newProduct();
    const cases = [
      { productId: theirProduct.id, locationId: main },
      { productId: p.id, locationId: theirLocation },
      { productId: "00000000-0000-4000-8000-000000000000", locationId: main },
    ];
    for (const c of cases) {
      const res = await owner.post("/stock-movements", { ...c, kind: "receive", quantity: 1 });
      expect(res.statusCode).toBe(404);
    }
    const transfer = await owner.post("/stock-movements", {
      productId: p.id,
      locationId: main,
      toLocationId: theirLocation,
      kind: "transfer",
      quantity: 1,
    });
    expect(transfer.statusCode).toBe(404);
    expect((await owner.get(`/stock-movements?locationId=${theirLocation}`)).statusCode).toBe(404);
  });

  it("refuses to move an archived product's stock with 409", async () => {
    const p = await newProduct(2);
    await owner.patch(`/products/${p.id}`, { archived: true });
    const res = await owner.post("/stock-movements", {
      productId: p.id,
      locationId: main,
      kind: "receive",
      quantity: 1,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("product_archived");
  });

  it("lets staff receive only at their location; adjust and transfer are the owner's (403)", async () => {
    const staff = await addStaff(t, owner, { locationId: branch });
    const p = await newProduct(4);
    const ok = await staff.post("/stock-movements", {
      productId: p.id,
      locationId: branch,
      kind: "receive",
      quantity: 1,
    });
    expect(ok.statusCode).toBe(201);
    const elsewhere = await staff.post("/stock-movements", {
      productId: p.id,
      locationId: main,
      kind: "receive",
      quantity: 1,
    });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.code).toBe("location_not_allowed");
    const adjust = await staff.post("/stock-movements", {
      productId: p.id,
      locationId: branch,
      kind: "adjust",
      quantity: 1,
      reason: "other",
    });
    expect(adjust.statusCode).toBe(403);
    const transfer = await staff.post("/stock-movements", {
      productId: p.id,
      locationId: branch,
      toLocationId: main,
      kind: "transfer",
      quantity: 1,
    });
    expect(transfer.statusCode).toBe(403);
    // Their ledger view holds only their location's rows.
    const seen = (await staff.get(`/stock-movements?productId=${p.id}`)).json().items;
    expect(seen.map((m: { locationId: string }) => m.locationId)).toEqual([branch]);
    expect((await staff.get(`/stock-movements?locationId=${main}`)).statusCode).toBe(403);
    await expectLedgerMatchesLevels(t.database);
  });

  it("allows negative stock only when the business setting says so", async () => {
    const p = await newProduct(1);
    const { businesses } = await import("../../db/schema.js");
    const { inBusiness } = await import("../../db/tenancy.js");
    const id = owner.me.user.businessId;
    await inBusiness(t.database.db, id, (tx) => tx.update(businesses).set({ settings: { allowNegativeStock: true } }));
    const res = await owner.post("/stock-movements", {
      productId: p.id,
      locationId: main,
      kind: "adjust",
      quantity: -3,
      reason: "other",
    });
    await inBusiness(t.database.db, id, (tx) => tx.update(businesses).set({ settings: {} }));
    expect(res.statusCode).toBe(201);
    expect(res.json().movements[0].levelAfter).toBe(-2);
    await expectLedgerMatchesLevels(t.database);
  });

  it("filters the ledger by dates in the business's time zone and pages with a cursor", async () => {
    const p = await newProduct();
    t.clock.set("2026-03-01T20:30:00Z"); // 23:30 on 1 March in Nairobi (UTC+3)
    await owner.post("/stock-movements", { productId: p.id, locationId: main, kind: "receive", quantity: 1 });
    t.clock.set("2026-03-01T21:30:00Z"); // 00:30 on 2 March in Nairobi
    for (let i = 0; i < 3; i++)
      await owner.post("/stock-movements", { productId: p.id, locationId: main, kind: "receive", quantity: 1 });
    t.clock.set(new Date());
    const first = (await owner.get(`/stock-movements?productId=${p.id}&from=2026-03-01&to=2026-03-01`)).json();
    expect(first.items).toHaveLength(1);
    const second = (await owner.get(`/stock-movements?productId=${p.id}&from=2026-03-02&limit=2`)).json();
    expect(second.items).toHaveLength(2);
    const rest = (
      await owner.get(`/stock-movements?productId=${p.id}&from=2026-03-02&limit=2&cursor=${second.nextCursor}`)
    ).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect((await owner.get("/stock-movements?cursor=abc")).statusCode).toBe(400);
    expect((await owner.get("/stock-movements?from=yesterday")).statusCode).toBe(400);
  });
});
