import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { openDatabase } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import { createKeyRing } from "../../lib/storage/keyring.js";
import { createLocalStorage } from "../../lib/storage/local.js";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { addLocation, addProduct, addStaff, mainLocation } from "../../test/fixtures.js";
import { SseStream } from "../../test/sse.js";
import { publish } from "./events.service.js";

describe("GET /events", () => {
  const t = useTestApp({ EVENTS_HEARTBEAT_SECONDS: "1" });
  let base: string;
  const open: SseStream[] = [];
  const stream = async (actor: Actor, headers?: Record<string, string>) => {
    const s = await SseStream.open(base, actor.cookie, headers);
    open.push(s);
    return s;
  };
  const receive = (actor: Actor, productId: string, locationId: string) =>
    actor.post("/stock-movements", { productId, locationId, kind: "receive", quantity: 1 });

  beforeAll(async () => {
    base = await t.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => {
    for (const s of open) s.close();
  });

  it("refuses anonymous callers", async () => {
    const res = await fetch(`${base}/api/v1/events`);
    expect(res.status).toBe(401);
  });

  it("delivers a committed stock movement, and never another business's", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const soapA = await addProduct(t.database, a.me.user.businessId, "Soap");
    const soapB = await addProduct(t.database, b.me.user.businessId, "Soap");
    const streamA = await stream(a);
    const streamB = await stream(b);
    expect(streamA.status).toBe(200);
    await streamA.until(() => streamA.comments.includes("connected"), "greeting");

    const mainA = await mainLocation(t, a);
    expect((await receive(a, soapA.id, mainA)).statusCode).toBe(201);
    const event = await streamA.next("stock.changed");
    expect(JSON.parse(event.data)).toEqual({ type: "stock.changed", locationId: mainA });
    expect(Number(event.id)).toBeGreaterThan(0);

    // B's stream gets B's own change, and before it nothing of A's.
    await receive(b, soapB.id, await mainLocation(t, b));
    await streamB.next("stock.changed");
    expect(streamB.ofType("stock.changed")).toHaveLength(1);
    expect(streamB.events.some((e) => e.data.includes(mainA))).toBe(false);
  });

  it("announces nothing from a transaction that rolls back", async () => {
    const owner = await signUp(t.app);
    const s = await stream(owner);
    const businessId = owner.me.user.businessId;
    await inBusiness(t.database.db, businessId, async (tx) => {
      await publish(tx, businessId, { type: "sale.created", payload: { saleId: "rolled-back" } });
      throw new Error("changed my mind");
    }).catch(() => undefined);
    await inBusiness(t.database.db, businessId, (tx) =>
      publish(tx, businessId, { type: "sale.created", payload: { saleId: "kept" } }),
    );
    await s.next("sale.created");
    expect(s.ofType("sale.created").map((e) => e.saleId)).toEqual(["kept"]);
  });

  it("shows staff tied to a location only what happens there", async () => {
    const owner = await signUp(t.app);
    const main = await mainLocation(t, owner);
    const stall = await addLocation(t, owner, "Stall");
    const staff = await addStaff(t, owner, { locationId: stall });
    const soap = await addProduct(t.database, owner.me.user.businessId, "Soap");
    const watching = await stream(staff);
    const ownerWatching = await stream(owner);
    await receive(owner, soap.id, main);
    await receive(owner, soap.id, stall);
    await watching.next("stock.changed");
    await ownerWatching.until(() => ownerWatching.ofType("stock.changed").length === 2, "two changes");
    expect(watching.ofType("stock.changed")).toEqual([{ type: "stock.changed", locationId: stall }]);
    // A repayment has no location: business-wide, so not for a location-bound stream.
    const customer = (await owner.post("/customers", { name: "Wanjiku" })).json();
    await owner.post(`/customers/${customer.id}/payments`, { amount: 500, method: "cash", asAdvance: true });
    const paid = await ownerWatching.next("customer.payment");
    expect(JSON.parse(paid.data)).toMatchObject({ customerId: customer.id, amount: 500 });
    expect(watching.ofType("customer.payment")).toEqual([]);
  });

  it("tells a reconnecting client to refetch, and keeps the line alive", async () => {
    const owner = await signUp(t.app);
    const s = await stream(owner, { "last-event-id": "41" });
    await s.next("resync");
    await s.until(() => s.comments.includes("keep-alive"), "heartbeat", 3000);
  });

  it("ends the stream when the session ends", async () => {
    const owner = await signUp(t.app);
    const s = await stream(owner);
    await s.until(() => s.comments.includes("connected"), "greeting");
    expect((await owner.post("/auth/logout")).statusCode).toBe(200);
    await s.next("signedout", 3000);
    await s.until(() => s.ended || undefined, "end of stream", 3000);
    expect((await SseStream.open(base, owner.cookie)).status).toBe(401);
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("two server processes on one PostgreSQL", () => {
  const t = useTestApp();
  let second: Awaited<ReturnType<typeof buildApp>> | undefined;
  let closeSecond: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    // Its own pool and its own LISTEN connection on the same database: a second server process.
    const database = await openDatabase({ url: t.database.url, ownerUrl: t.database.ownerUrl, poolMax: 2 });
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", WEB_DIST: "/nonexistent" });
    const storage = createLocalStorage(`/tmp/duka-events-${randomBytes(4).toString("hex")}`);
    second = await buildApp({ config, database, storage, keyRing: createKeyRing(randomBytes(32)), logger: false });
    closeSecond = async () => {
      await second?.close();
      await database.close();
    };
  });
  afterAll(async () => closeSecond?.());

  it("a change made through process A reaches a stream opened on process B", async () => {
    if (!second) throw new Error("second app missing");
    const base = await second.listen({ port: 0, host: "127.0.0.1" });
    const owner = await signUp(t.app);
    const soap = await addProduct(t.database, owner.me.user.businessId, "Soap");
    const s = await SseStream.open(base, owner.cookie);
    expect(s.status).toBe(200);
    await s.until(() => s.comments.includes("connected"), "greeting");
    const main = await mainLocation(t, owner);
    const started = Date.now();
    await owner.post("/stock-movements", { productId: soap.id, locationId: main, kind: "receive", quantity: 3 });
    const event = await s.next("stock.changed", 2000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(JSON.parse(event.data)).toEqual({ type: "stock.changed", locationId: main });

    // A sale and its void, recorded through A, reach B too.
    const sale = await owner.post("/sales", {
      id: randomUUID(),
      lines: [{ productId: soap.id, quantity: 1 }],
      payment: { method: "cash" },
    });
    expect(sale.statusCode, sale.body).toBe(201);
    const created = JSON.parse((await s.next("sale.created", 2000)).data);
    expect(created).toMatchObject({ type: "sale.created", locationId: main, saleId: sale.json().id });
    expect((await owner.post(`/sales/${sale.json().id}/void`, { reason: "Test" })).statusCode).toBe(200);
    expect(JSON.parse((await s.next("sale.voided", 2000)).data)).toMatchObject({ saleId: sale.json().id });
    s.close();
  });
});
