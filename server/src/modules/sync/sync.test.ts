import { randomUUID } from "node:crypto";
import { MAX_SYNC_ITEMS } from "@duka/contracts";
import { describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { addStaff } from "../../test/fixtures.js";
import { expectLedgerMatchesLevels, expectSummariesMatchSales } from "../../test/invariants.js";
import { makeProduct, saleBody, stockOf } from "../../test/sales.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A sale as the phone queues it: the phone's time and its provisional number. */
function offlineSale(
  lines: { productId: string; quantity: number; unitPrice?: number }[],
  at: Date,
  extra: Record<string, unknown> = {},
) {
  return {
    kind: "sale",
    body: { ...saleBody(lines), offline: { recordedAt: at.toISOString(), provisional: "K7Q-1" }, ...extra },
  };
}

const sync = async (actor: Actor, items: unknown[]) => {
  const res = await actor.post("/sync", { items });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results as {
    id: string;
    status: number;
    result?: { number?: number; balanceAfter?: number };
    error?: { code: string };
  }[];
};

describe("POST /sync", () => {
  const t = useTestApp();

  it("records a day's queue in order once: a customer added offline, a credit sale to them and a repayment", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner);
    const soap = await makeProduct(owner, { name: "Soap", price: 500, stock: 1 });
    const earlier = new Date(t.clock.current.getTime() - 3 * 60 * MINUTE);
    const customerId = randomUUID();
    const items = [
      { kind: "customer", body: { id: customerId, name: "Wanjiku", phone: "0722000111" } },
      offlineSale([{ productId: soap.id, quantity: 3 }], earlier, { payment: { method: "credit" }, customerId }),
      { kind: "repayment", customerId, body: { id: randomUUID(), amount: 400, method: "cash" } },
    ];
    const first = await sync(staff, items);
    expect(first.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(first[1]?.result?.number).toBe(1);
    expect(first[2]?.result?.balanceAfter).toBe(1100);
    // Sent again (the answer was lost): the same answers, nothing written twice.
    const again = await sync(staff, items);
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(again[1]?.result?.number).toBe(1);

    const sale = (await owner.get(`/sales/${items[1]?.body.id}`)).json();
    expect(sale).toMatchObject({
      occurredAt: earlier.toISOString(),
      total: 1500,
      offline: { provisional: "K7Q-1", recordedAt: earlier.toISOString(), overLimit: false, priceChanged: false },
    });
    const list = (await owner.get("/sales")).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ provisional: "K7Q-1" });
    // The goods had left the shop: stock below zero, for the owner to check.
    expect(await stockOf(owner, soap.id)).toBe(-2);
    expect((await owner.get(`/customers/${customerId}`)).json().balance).toBe(1100);
    const audit = (await owner.get("/audit")).json().items;
    expect(audit.find((a: { action: string }) => a.action === "sale.created").details.offline).toMatchObject({
      provisional: "K7Q-1",
    });
    await expectLedgerMatchesLevels(t.database);
    await expectSummariesMatchSales(t.database);
  });

  it("keeps the price the customer paid and takes a customer past the limit, flagging both", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner);
    const rice = await makeProduct(owner, { name: "Rice", price: 200, stock: 10 });
    await owner.patch(`/products/${rice.id}`, { price: 250 });
    const customer = (await owner.post("/customers", { name: "Otieno", creditLimit: 100 })).json();
    const queued = offlineSale([{ productId: rice.id, quantity: 1, unitPrice: 200 }], t.clock.now(), {
      payment: { method: "credit" },
      customerId: customer.id,
    });
    expect((await sync(staff, [queued])).map((r) => r.status)).toEqual([201]);
    const sale = (await owner.get(`/sales/${queued.body.id}`)).json();
    expect(sale).toMatchObject({ total: 200, offline: { overLimit: true, priceChanged: true } });
    // Flagged for the owner in the sales list and the activity log too.
    expect((await owner.get("/sales")).json().items[0]).toMatchObject({ overLimit: true, provisional: "K7Q-1" });
    const audit = (await owner.get("/audit")).json().items;
    expect(audit.find((a: { action: string }) => a.action === "sale.created").details.offline).toMatchObject({
      overLimit: true,
      priceChanged: true,
    });
    // Online, the same staff member may neither change the price nor pass the limit.
    const online = await staff.post("/sales", saleBody([{ productId: rice.id, quantity: 1, unitPrice: 200 }]));
    expect(online.statusCode).toBe(403);
  });

  it("refuses a phone clock far ahead; an old sale from staff waits for the owner, who accepts it", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner, { name: "Juma" });
    const p = await makeProduct(owner, { price: 100, stock: 5 });
    const ahead = offlineSale([{ productId: p.id, quantity: 1 }], new Date(t.clock.current.getTime() + 6 * MINUTE));
    const nearlyNow = offlineSale([{ productId: p.id, quantity: 1 }], new Date(t.clock.current.getTime() + 4 * MINUTE));
    const old = offlineSale([{ productId: p.id, quantity: 1 }], new Date(t.clock.current.getTime() - 8 * DAY));
    const results = await sync(staff, [ahead, nearlyNow, old]);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      [400, "offline_in_future"],
      [201, undefined],
      [422, "offline_too_old"],
    ]);
    const waiting = (await staff.get("/sync/attention")).json().items;
    expect(waiting.map((w: { id: string }) => w.id).sort()).toEqual([ahead.body.id, old.body.id].sort());
    expect(waiting[0].content.body.lines).toHaveLength(1);

    expect((await staff.post(`/sync/attention/${old.body.id}/accept`)).statusCode).toBe(403);
    expect((await owner.post(`/sync/attention/${ahead.body.id}/accept`)).statusCode).toBe(400);
    const accepted = await owner.post(`/sync/attention/${old.body.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ userId: staff.me.user.id, offline: { acceptedBy: owner.me.user.id } });
    expect((await owner.get("/sync/attention")).json().items.map((w: { id: string }) => w.id)).toEqual([ahead.body.id]);
    await expectSummariesMatchSales(t.database);
  });

  it("keeps a refused sale with its content until fixed and sent again, or discarded with a reason", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner, { name: "Juma" });
    const other = await addStaff(t, owner, { name: "Amani" });
    const gone = await makeProduct(owner, { name: "Old stock", price: 100, stock: 5 });
    const kept = await makeProduct(owner, { name: "Tea", price: 100, stock: 5 });
    await owner.patch(`/products/${gone.id}`, { archived: true });
    const a = offlineSale([{ productId: gone.id, quantity: 1 }], t.clock.now());
    const b = offlineSale([{ productId: gone.id, quantity: 2 }], t.clock.now());
    const statuses = (await sync(staff, [a, b])).map((r) => r.status);
    expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
    const seen = (await owner.get("/sync/attention")).json().items;
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ staffName: "Juma", kind: "sale" });
    expect((await other.get("/sync/attention")).json().items).toEqual([]);
    expect((await other.post(`/sync/attention/${a.body.id}/discard`, { reason: "Not mine" })).statusCode).toBe(404);

    // Fixed on the phone (the archived product swapped) and sent again: recorded, and no longer waiting.
    const fixed = { ...a, body: { ...a.body, lines: [{ productId: kept.id, quantity: 1 }] } };
    expect((await sync(staff, [fixed]))[0]?.status).toBe(201);
    expect((await staff.post(`/sync/attention/${b.body.id}/discard`, {})).statusCode).toBe(400);
    expect((await staff.post(`/sync/attention/${b.body.id}/discard`, { reason: "Customer left" })).statusCode).toBe(
      200,
    );
    expect((await owner.get("/sync/attention")).json().items).toEqual([]);
    const audit = (await owner.get("/audit")).json().items;
    const discarded = audit.find((x: { action: string }) => x.action === "sync.discarded");
    expect(discarded.details).toMatchObject({ reason: "Customer left", content: { body: { id: b.body.id } } });
  });

  it("refuses an empty or oversized batch, and a write the role may not make", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner);
    expect((await staff.post("/sync", { items: [] })).statusCode).toBe(400);
    const p = await makeProduct(owner, { price: 100, stock: 5 });
    const many = Array.from({ length: MAX_SYNC_ITEMS + 1 }, () =>
      offlineSale([{ productId: p.id, quantity: 1 }], t.clock.now()),
    );
    expect((await staff.post("/sync", { items: many })).statusCode).toBe(400);
    const limited = { kind: "customer", body: { id: randomUUID(), name: "Big spender", creditLimit: 100 } };
    expect((await sync(staff, [limited]))[0]).toMatchObject({ status: 403 });
  });
});

describe("POST /customers with a client-made id", () => {
  const t = useTestApp();

  it("answers the first customer again for the same id, and refuses the id for someone else", async () => {
    const owner = await signUp(t.app);
    const other = await signUp(t.app);
    const id = randomUUID();
    expect((await owner.post("/customers", { id, name: "Wanjiku", phone: "0722000222" })).statusCode).toBe(201);
    const replay = await owner.post("/customers", { id, name: "Wanjiku", phone: "0722000222" });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json().id).toBe(id);
    expect((await owner.post("/customers", { id, name: "Someone else" })).statusCode).toBe(409);
    expect((await other.post("/customers", { id, name: "Wanjiku" })).statusCode).toBe(409);
    expect((await owner.get("/customers")).json().items).toHaveLength(1);
  });
});

describe("a sale sent online, unanswered, then queued", () => {
  const t = useTestApp();

  it("is the same sale when the queued copy arrives (a replay), not a clash", async () => {
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner);
    const p = await makeProduct(owner, { price: 100, stock: 5 });
    const body = saleBody([{ productId: p.id, quantity: 1 }]);
    expect((await staff.post("/sales", body)).statusCode).toBe(201);
    const queued = {
      kind: "sale",
      body: {
        ...body,
        lines: body.lines.map((l) => ({ ...l, unitPrice: 100 })),
        offline: { recordedAt: t.clock.now().toISOString(), provisional: "AB-1" },
      },
    };
    expect((await sync(staff, [queued]))[0]).toMatchObject({ status: 200, result: { number: 1 } });
    expect(await stockOf(owner, p.id)).toBe(4);
  });
});
