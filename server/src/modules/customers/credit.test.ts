import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { addStaff, ctxOf } from "../../test/fixtures.js";
import { recordCreditSale, reverseCreditSale } from "./credit.service.js";

const t = useTestApp();
let owner: Actor;
let staff: Actor;

beforeAll(async () => {
  owner = await signUp(t.app);
  staff = await addStaff(t, owner);
});

async function newCustomer(body: Record<string, unknown> = {}) {
  const res = await owner.post("/customers", { name: `Customer ${randomUUID().slice(0, 6)}`, ...body });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

/** A sale on credit, written the way the sales module will: inside its own business transaction. */
function creditSale(actor: Actor, customerId: string, amount: number, allowOverLimit = false) {
  const ctx = ctxOf(actor);
  return inBusiness(t.database.db, ctx.businessId, (tx) =>
    recordCreditSale(tx, ctx, { customerId, saleId: randomUUID(), amount, allowOverLimit, at: t.clock.now() }),
  );
}

async function ledgerSum(customerId: string) {
  const [row] = await inBusiness(t.database.db, owner.me.user.businessId, (tx) =>
    queryRows<{ s: string }>(
      tx,
      sql`select coalesce(sum(amount), 0)::text as s from customer_ledger where customer_id = ${customerId}`,
    ),
  );
  return Number(row?.s);
}

const balanceOf = async (id: string) => (await owner.get(`/customers/${id}`)).json().balance as number;

describe("credit sales", () => {
  it("adds to the balance and refuses to go past the credit limit, with the amounts", async () => {
    const id = await newCustomer({ creditLimit: 10_000 });
    expect((await creditSale(staff, id, 6_000)).balance).toBe(6_000);
    const err = await creditSale(staff, id, 5_000).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: "credit_limit_exceeded",
      status: 409,
      details: { creditLimit: 10_000, balance: 6_000, amount: 5_000 },
    });
    expect((err as Error).message).toContain("100.00");
    expect((err as Error).message).toContain("60.00");
    // Staff cannot override the limit; the owner can.
    await expect(creditSale(staff, id, 5_000, true)).rejects.toMatchObject({ code: "credit_limit_exceeded" });
    expect((await creditSale(owner, id, 5_000, true)).balance).toBe(11_000);
    expect(await balanceOf(id)).toBe(11_000);
  });

  it("has no limit when none is set, and refuses archived customers", async () => {
    const id = await newCustomer();
    expect((await creditSale(staff, id, 9_000_000)).balance).toBe(9_000_000);
    await owner.patch(`/customers/${id}`, { archived: true });
    await expect(creditSale(staff, id, 100)).rejects.toMatchObject({ code: "customer_archived", status: 409 });
  });

  it("records the same sale once, and reverses a voided or refunded sale once", async () => {
    const id = await newCustomer();
    const ctx = ctxOf(owner);
    const saleId = randomUUID();
    const run = <T>(fn: (tx: Parameters<Parameters<typeof inBusiness>[2]>[0]) => Promise<T>) =>
      inBusiness(t.database.db, ctx.businessId, fn);
    await run((tx) => recordCreditSale(tx, ctx, { customerId: id, saleId, amount: 3_000 }));
    await run((tx) => recordCreditSale(tx, ctx, { customerId: id, saleId, amount: 3_000 }));
    expect(await balanceOf(id)).toBe(3_000);
    expect(await run((tx) => reverseCreditSale(tx, ctx, { saleId, kind: "refund", amount: 1_000 }))).toMatchObject({
      balance: 2_000,
    });
    expect(await run((tx) => reverseCreditSale(tx, ctx, { saleId, kind: "void" }))).toMatchObject({ amount: 2_000 });
    expect(await run((tx) => reverseCreditSale(tx, ctx, { saleId, kind: "void" }))).toBeNull();
    expect(await run((tx) => reverseCreditSale(tx, ctx, { saleId: randomUUID(), kind: "void" }))).toBeNull();
    expect(await balanceOf(id)).toBe(0);
    expect(await ledgerSum(id)).toBe(0);
  });
});

describe("POST /customers/:id/payments", () => {
  it("records a repayment that lowers the balance", async () => {
    const id = await newCustomer();
    await creditSale(staff, id, 5_000);
    const res = await staff.post(`/customers/${id}/payments`, { amount: 2_000, method: "mobile_money" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ customerId: id, amount: 2_000, balanceAfter: 3_000 });
    expect(await balanceOf(id)).toBe(3_000);
  });

  it("refuses zero, negative, fractional and over-large amounts, and credit as a method", async () => {
    const id = await newCustomer();
    await creditSale(owner, id, 5_000);
    for (const body of [
      { amount: 0, method: "cash" },
      { amount: -5, method: "cash" },
      { amount: 10.5, method: "cash" },
      { amount: "100", method: "cash" },
      { amount: 1e20, method: "cash" },
      { amount: 100 },
      { amount: 100, method: "cash", extra: 1 },
      { amount: 100, method: "credit" },
    ]) {
      expect((await owner.post(`/customers/${id}/payments`, body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await balanceOf(id)).toBe(5_000);
  });

  it("refuses more than the balance, unless the owner records an advance", async () => {
    const id = await newCustomer();
    await creditSale(owner, id, 1_000);
    const res = await staff.post(`/customers/${id}/payments`, { amount: 1_500, method: "cash" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: "overpayment", details: { balance: 1_000 } });
    expect(res.json().error.message).toContain("10.00");
    const byStaff = await staff.post(`/customers/${id}/payments`, { amount: 1_500, method: "cash", asAdvance: true });
    expect(byStaff.statusCode).toBe(403);
    const byOwner = await owner.post(`/customers/${id}/payments`, { amount: 1_500, method: "cash", asAdvance: true });
    expect(byOwner.statusCode).toBe(201);
    expect(byOwner.json().balanceAfter).toBe(-500);
    const ledger = (await owner.get(`/customers/${id}/ledger`)).json();
    expect(ledger.entries.map((e: { kind: string; amount: number }) => [e.kind, e.amount])).toEqual([
      ["credit_sale", 1_000],
      ["repayment", -1_000],
      ["advance", -500],
    ]);
  });

  it("returns the same payment when the same id is sent again, and refuses a changed body", async () => {
    const id = await newCustomer();
    await creditSale(owner, id, 4_000);
    const body = { id: randomUUID(), amount: 1_000, method: "cash" };
    const first = await staff.post(`/customers/${id}/payments`, body);
    await staff.post(`/customers/${id}/payments`, { amount: 500, method: "cash" });
    const again = await staff.post(`/customers/${id}/payments`, body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await balanceOf(id)).toBe(2_500);
    const changed = await staff.post(`/customers/${id}/payments`, { ...body, amount: 900 });
    expect(changed.statusCode).toBe(409);
    const otherCustomer = await newCustomer();
    await creditSale(owner, otherCustomer, 4_000);
    expect((await staff.post(`/customers/${otherCustomer}/payments`, body)).statusCode).toBe(409);
  });
});

describe("statement and who owes", () => {
  it("lists entries oldest first with a running balance and a text to share", async () => {
    const id = await newCustomer({ phone: "0799 000 001" });
    await creditSale(owner, id, 150_050);
    await owner.post(`/customers/${id}/payments`, { amount: 50_000, method: "cash" });
    const res = await staff.get(`/customers/${id}/ledger`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.entries.map((e: { balance: number }) => e.balance)).toEqual([150_050, 100_050]);
    expect(body.balance).toBe(100_050);
    expect(body.text).toContain("Mama Amina Shop");
    expect(body.text).toContain("+254799000001");
    expect(body.text).toMatch(/1,500\.50/);
    expect(body.text).toMatch(/Balance owed: .*1,000\.50/);
  });

  it("writes the shared statement in the shop's language", async () => {
    const shop = await signUp(t.app, { locale: "sw", currency: "TZS", timeZone: "Africa/Dar_es_Salaam" });
    const id = (await shop.post("/customers", { name: "Bi Mwanaisha" })).json().id as string;
    await creditSale(shop, id, 5_000);
    const text = (await shop.get(`/customers/${id}/ledger`)).json().text as string;
    expect(text).toContain("taarifa ya Bi Mwanaisha");
    expect(text).toContain("Alinunua kwa mkopo");
    expect(text).toMatch(/Deni lililobaki: .*50/);
  });

  it("lists customers who owe, oldest unpaid debt first, with the total", async () => {
    const shop = await signUp(t.app, { businessName: "Owing shop" });
    const add = async (name: string) => (await shop.post("/customers", { name })).json().id as string;
    const [a, b, c] = [await add("Asha"), await add("Bakari"), await add("Chiku")];
    t.clock.set("2026-01-01T08:00:00Z");
    const later = () => t.clock.advance(3_600_000);
    await creditSale(shop, a, 1_000); // oldest, but paid off below
    later();
    await creditSale(shop, b, 2_000);
    later();
    await shop.post(`/customers/${a}/payments`, { amount: 1_000, method: "cash" });
    later();
    await creditSale(shop, c, 500);
    later();
    await creditSale(shop, a, 700); // Asha's debt now starts here, after Bakari's and Chiku's
    const res = await shop.get("/customers/owing");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { name: string }) => i.name)).toEqual(["Bakari", "Chiku", "Asha"]);
    expect(body.items[0].owingSince).toBe("2026-01-01T09:00:00.000Z");
    expect(body.totalOwed).toBe(3_200);
    expect((await shop.get("/customers?owing=true")).json().items).toHaveLength(3);
  });
});

describe("concurrency", () => {
  it("keeps the balance equal to the ledger and within the limit under concurrent sales and repayments", async () => {
    const limit = 10_000;
    const id = await newCustomer({ creditLimit: limit });
    await creditSale(owner, id, 5_000);
    const ops = Array.from({ length: 20 }, (_, i) =>
      i % 2 === 0
        ? creditSale(staff, id, 1_500).then(
            () => 1_500,
            (e: { code?: string }) => (e.code === "credit_limit_exceeded" ? 0 : Promise.reject(e)),
          )
        : staff
            .post(`/customers/${id}/payments`, { amount: 1_000, method: "cash" })
            .then((r) => (r.statusCode === 201 ? -1_000 : r.statusCode === 409 ? 0 : Promise.reject(r.body))),
    );
    const applied = (await Promise.all(ops)).reduce((s, n) => s + n, 5_000);
    expect(await ledgerSum(id)).toBe(applied);
    expect(await balanceOf(id)).toBe(applied);
    const history = (await owner.get(`/customers/${id}/ledger`)).json().entries as { balance: number }[];
    expect(Math.max(...history.map((e) => e.balance))).toBeLessThanOrEqual(limit);
    expect(Math.min(...history.map((e) => e.balance))).toBeGreaterThanOrEqual(0);
  });
});
