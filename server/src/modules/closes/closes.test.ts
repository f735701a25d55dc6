import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { addLocation, addStaff } from "../../test/fixtures.js";
import { expectSummariesMatchSales } from "../../test/invariants.js";
import { makeProduct, saleBody } from "../../test/sales.js";

const close = (actor: Actor, body: Record<string, unknown>) => actor.post("/closes", { id: randomUUID(), ...body });
const drawer = async (actor: Actor, query = "") => {
  const res = await actor.get(`/closes/drawer${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const sell = async (actor: Actor, productId: string, quantity: number, extra: Record<string, unknown> = {}) => {
  const res = await actor.post("/sales", saleBody([{ productId, quantity }], extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe("closing the day", () => {
  const t = useTestApp();

  it("expects cash sales − cash refunds + cash repayments, per person and location, and agrees with the daily report", async () => {
    t.clock.set("2026-07-01T06:00:00Z"); // 09:00 in Nairobi
    const owner = await signUp(t.app);
    const main = (await owner.get("/locations")).json().items[0].id as string;
    const stall = await addLocation(t, owner, "Market stall");
    const juma = await addStaff(t, owner, { name: "Juma", locationId: stall });
    const chai = await makeProduct(owner, { name: "Chai", price: 2000, stock: 100 });
    const chapati = await makeProduct(owner, { name: "Chapati", price: 3000, stock: 100, locationId: stall });

    const a = await sell(owner, chai.id, 3); // 6000 cash at main
    await sell(owner, chai.id, 1, { payment: { method: "mobile_money" } }); // 2000, not cash
    await sell(juma, chapati.id, 2); // 6000 cash at the stall
    const voided = await sell(juma, chapati.id, 1);
    expect((await owner.post(`/sales/${voided.id}/void`, { reason: "Mistake" })).statusCode).toBe(200);
    const refund = await owner.post(`/sales/${a.id}/refunds`, {
      id: randomUUID(),
      lines: [{ lineNo: 1, quantity: 1 }],
      reason: "Spilt",
    });
    expect(refund.json().amount).toBe(2000);
    const customer = (await owner.post("/customers", { name: "Wanjiku", phone: "0722000111" })).json();
    await sell(juma, chapati.id, 1, { payment: { method: "credit" }, customerId: customer.id });
    const repaid = await juma.post(`/customers/${customer.id}/payments`, { amount: 1000, method: "cash" });
    expect(repaid.statusCode, repaid.body).toBe(201);

    const mine = await drawer(owner);
    expect(mine).toMatchObject({ locationId: main, cashSales: 6000, cashRefunds: 2000, repayments: 0 });
    expect(mine.cashExpected).toBe(4000);
    const his = await drawer(juma);
    expect(his).toMatchObject({ locationId: stall, userName: "Juma", cashSales: 6000, cashRefunds: 0 });
    expect(his).toMatchObject({ repayments: 1000, cashExpected: 7000, close: null });

    // The owner counts 50 short; Juma counts with a float of 500 and is right.
    const o = await close(owner, { counted: 3950 });
    expect(o.statusCode, o.body).toBe(201);
    expect(o.json()).toMatchObject({ expected: 4000, counted: 3950, difference: -50, changedSinceClose: false });
    const j = await close(juma, { openingFloat: 500, counted: 7500, note: "All good" });
    expect(j.json()).toMatchObject({ expected: 7500, difference: 0, userName: "Juma", locationName: "Market stall" });

    // The close and the daily report read the same summary: each drawer's sales less its refunds
    // is the report's cash for that place.
    const report = (await owner.get("/reports/daily?from=2026-07-01&to=2026-07-01")).json();
    const closes = (await owner.get("/closes?from=2026-07-01&to=2026-07-01")).json();
    expect(closes.items).toHaveLength(2);
    const cashNet = closes.items.reduce(
      (n: number, c: { cashSales: number; cashRefunds: number }) => n + c.cashSales - c.cashRefunds,
      0,
    );
    const reportCash = report.totals.byPaymentMethod.find((m: { method: string }) => m.method === "cash");
    expect(cashNet).toBe(reportCash.netSales);
    for (const locationId of [main, stall]) {
      const r = (await owner.get(`/reports/daily?from=2026-07-01&to=2026-07-01&locationId=${locationId}`)).json();
      const c = (await owner.get(`/closes?from=2026-07-01&to=2026-07-01&locationId=${locationId}`)).json();
      const cash = r.totals.byPaymentMethod.find((m: { method: string }) => m.method === "cash")?.netSales ?? 0;
      expect(c.items[0].cashSales - c.items[0].cashRefunds).toBe(cash);
    }
    expect(closes.totals).toEqual({ expected: 11500, counted: 11450, difference: -50 });
    expect(closes.open).toEqual([]);

    // The day summary is the report's figures, and says so in the shop's words.
    const day = (await owner.get("/closes/day?date=2026-07-01")).json();
    expect(day).toMatchObject({
      salesCount: report.totals.salesCount,
      netSales: report.totals.netSales,
      cash: reportCash.netSales,
      mobileMoney: 2000,
      creditGiven: 3000,
      creditRepaid: 1000,
      closes: { closed: 2, open: 0, difference: -50 },
    });
    expect(day.bestSellers.map((b: { name: string }) => b.name)).toEqual(["Chapati", "Chai"]);
    // Money keeps its currency on the same line: Intl puts a no-break space between them.
    const text = day.text.replaceAll("\u00a0", " ");
    expect(text).toContain("Cash counted: KES 114.50 (difference -KES 0.50)");
    expect(text).toContain("1. Chapati × 3");
    await expectSummariesMatchSales(t.database);
  });

  it("refuses a second count unless it names the one it corrects, keeps both, and audits each", async () => {
    const owner = await signUp(t.app);
    const p = await makeProduct(owner, { price: 1000, stock: 10 });
    await sell(owner, p.id, 2);
    const first = (await close(owner, { counted: 1900 })).json();
    const again = await close(owner, { counted: 2000 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "already_closed", details: { closeId: first.id, counted: 1900 } });
    const recount = await close(owner, { counted: 2000, replaces: first.id, note: "Found a note under the tray" });
    expect(recount.statusCode, recount.body).toBe(201);
    expect(recount.json()).toMatchObject({ difference: 0, replacesId: first.id, earlierCounts: 1 });
    // The first count is superseded, not standing: naming it again is refused.
    expect((await close(owner, { counted: 1, replaces: first.id })).json().error.code).toBe("already_closed");
    const state = await drawer(owner);
    expect(state.close.id).toBe(recount.json().id);
    const log = (await owner.get("/audit")).json().items.map((i: { action: string }) => i.action);
    expect(log).toEqual(expect.arrayContaining(["drawer.closed", "drawer.recounted"]));
    // A retried close answers what it made; the same id with another count is refused.
    const body = { id: randomUUID(), counted: 5, replaces: recount.json().id };
    expect((await owner.post("/closes", body)).statusCode).toBe(201);
    const replay = await owner.post("/closes", body);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().counted).toBe(5);
    expect((await owner.post("/closes", { ...body, counted: 6 })).statusCode).toBe(409);
  });

  it("shows a sale that arrives after the close (a phone back online) as a change, and leaves the count as it was", async () => {
    t.clock.set("2026-07-02T15:00:00Z");
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner, { name: "Achieng" });
    const p = await makeProduct(owner, { price: 700, stock: 10 });
    await sell(staff, p.id, 1);
    const c = (await close(staff, { counted: 700 })).json();
    expect(c.difference).toBe(0);
    const recordedAt = new Date("2026-07-02T14:00:00Z").toISOString();
    const synced = await staff.post("/sync", {
      items: [
        {
          kind: "sale",
          body: { ...saleBody([{ productId: p.id, quantity: 2 }]), offline: { recordedAt, provisional: "K7Q-4" } },
        },
      ],
    });
    expect(synced.json().results[0].status).toBe(201);
    const list = (await owner.get("/closes?from=2026-07-02&to=2026-07-02")).json();
    expect(list.items[0]).toMatchObject({ expected: 700, counted: 700, difference: 0, expectedNow: 2100 });
    expect(list.items[0].changedSinceClose).toBe(true);
  });

  it("closes a day with no sales, and lists drawers with cash that were not closed", async () => {
    t.clock.set("2026-07-03T15:00:00Z");
    const owner = await signUp(t.app);
    const staff = await addStaff(t, owner, { name: "Baraka" });
    const empty = await close(owner, { counted: 0 });
    expect(empty.json()).toMatchObject({ expected: 0, counted: 0, difference: 0, cashSales: 0 });
    const p = await makeProduct(owner, { price: 300, stock: 10 });
    await sell(staff, p.id, 1);
    const list = (await owner.get("/closes?from=2026-07-03&to=2026-07-03")).json();
    expect(list.open).toMatchObject([{ userName: "Baraka", cashExpected: 300 }]);
    const future = await close(owner, { counted: 0, date: "2026-07-04" });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields.date).toBeDefined();
    const quiet = (await owner.get("/closes/day?date=2026-07-02")).json();
    expect(quiet).toMatchObject({ salesCount: 0, netSales: 0, bestSellers: [], closes: { closed: 0, open: 0 } });
    expect(quiet.text).toContain("No sales.");
  });

  it("lets staff close and read only their own drawer, at their own location; the owner may count anyone's", async () => {
    const owner = await signUp(t.app, { locale: "sw" });
    const stall = await addLocation(t, owner, "Kibanda");
    const a = await addStaff(t, owner, { name: "Amani", locationId: stall });
    const b = await addStaff(t, owner, { name: "Neema" });
    const main = (await owner.get("/locations")).json().items.find((l: { id: string }) => l.id !== stall).id;
    expect((await a.get(`/closes/drawer?userId=${b.me.user.id}`)).statusCode).toBe(403);
    expect((await close(a, { counted: 0, userId: b.me.user.id })).statusCode).toBe(403);
    expect((await close(a, { counted: 0, locationId: main })).json().error.code).toBe("location_not_allowed");
    expect((await close(b, { counted: 100 })).statusCode).toBe(201);
    // The owner counts Amani's drawer after she left; the close says who counted.
    const forA = await close(owner, { counted: 0, userId: a.me.user.id });
    expect(forA.json()).toMatchObject({ userName: "Amani", closedBy: owner.me.user.id, locationId: stall });
    const seenByA = (await a.get("/closes?from=2000-01-01&to=2000-01-01")).json();
    expect(seenByA.items).toEqual([]);
    const today = forA.json().date;
    const aList = (await a.get(`/closes?from=${today}&to=${today}`)).json();
    expect(aList.items.map((c: { userName: string }) => c.userName)).toEqual(["Amani"]);
    expect((await owner.get(`/closes?from=${today}&to=${today}`)).json().items).toHaveLength(2);
    expect((await a.get("/closes/day")).statusCode).toBe(403);
    expect((await owner.get("/closes/day")).json().text).toContain("Pesa iliyohesabiwa");
  });

  it("keeps every business's closes to itself", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const mine = (await close(a, { counted: 4200, note: "Secret drawer note" })).json();
    const today = mine.date;
    const theirs = (await b.get(`/closes?from=${today}&to=${today}`)).json();
    expect(theirs.items).toEqual([]);
    expect(JSON.stringify(theirs)).not.toContain("Secret");
    // Ids are per business: B using A's id makes B's own close and leaves A's as it was.
    const reused = await b.post("/closes", { id: mine.id, counted: 1 });
    expect(reused.statusCode).toBe(201);
    expect(reused.body).not.toContain("Secret");
    const still = (await a.get(`/closes?from=${today}&to=${today}`)).json().items;
    expect(still).toMatchObject([{ id: mine.id, counted: 4200, note: "Secret drawer note" }]);
    expect((await b.get(`/closes/drawer?userId=${a.me.user.id}`)).statusCode).toBe(404);
    const aLocation = (await a.get("/locations")).json().items[0].id;
    expect((await b.get(`/closes/drawer?locationId=${aLocation}`)).statusCode).toBe(404);
  });
});
