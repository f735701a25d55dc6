import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { type Actor, send, signUp, useTestApp } from "./api.js";
import { makeProduct, saleBody } from "./sales.js";

/** The six kinds of input that once reached the database and answered 500: each is a 400 at the edge. */
const t = useTestApp();
let owner: Actor;
let productId: string;
const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");

beforeAll(async () => {
  owner = await signUp(t.app);
  productId = (await makeProduct(owner, { price: 500, stock: 5 })).id;
});

function expect400(res: { statusCode: number; body: string }, field?: string) {
  expect(res.statusCode, res.body).toBe(400);
  const body = JSON.parse(res.body);
  expect(body.error.code).toBe("invalid_input");
  if (field) expect(Object.keys(body.error.details.fields)).toContain(field);
}

describe("text no database can store", () => {
  it("refuses a NUL in an anonymous login, a name, a query string and a path", async () => {
    expect400(await send(t.app, "POST", "/auth/login", { login: "ami\u0000na", password: "x".repeat(10) }), "login");
    expect400(await owner.post("/products", { name: "Sugar\u0000", price: 100 }), "name");
    expect400(await owner.get("/customers?q=07%00"), "q");
    expect400(await owner.get("/products/%00"));
  });

  it("refuses a lone surrogate in a name and in a key, but keeps a whole emoji", async () => {
    expect400(await owner.post("/products", { name: "Tea \ud800", price: 100 }), "name");
    expect400(await owner.post("/customers", JSON.parse('{"name":"Ok","\\udc00":1}')));
    expect((await owner.post("/products", { name: "Tea 🍵", price: 100 })).statusCode).toBe(201);
  });
});

describe("dates", () => {
  it("refuses year 0000 in queries and in a sale's time, and takes year 9999 without a 500", async () => {
    expect400(await owner.get("/sales?from=0000-01-01"), "from");
    expect400(await owner.get("/stock-movements?from=0000-01-01T00:00:00Z"), "from");
    const sale = saleBody([{ productId, quantity: 1 }], { occurredAt: "0000-06-01T10:00:00Z" });
    expect400(await owner.post("/sales", sale), "occurredAt");
    expect((await owner.get("/sales?from=9999-12-31")).statusCode).toBe(200);
  });
});

describe("quantities", () => {
  it("refuses a quantity too small to store instead of rounding it to zero", async () => {
    for (const quantity of [1e-308, 5e-10, 0.0001]) {
      expect400(await owner.post("/sales", saleBody([{ productId, quantity }])), "lines.0.quantity");
    }
    expect((await owner.post("/sales", saleBody([{ productId, quantity: 0.001 }]))).statusCode).toBe(201);
  });
});

describe("page cursors", () => {
  const anyList = [
    "not-base64-!!",
    "99999999999999999999",
    b64("9999999999999999999"),
    b64(["2026-01-01 10:00:00+00", "not-a-uuid"]),
    b64(["x\u0000", randomUUID()]),
  ];
  // An impossible date and year 0000: only where the sort key is a time.
  const forged = [
    ...anyList,
    b64(["2026-02-31 10:00:00+00", randomUUID()]),
    b64(["0000-01-01 10:00:00+00", randomUUID()]),
  ];
  it.each([
    ["/stock-movements", forged],
    ["/documents", forged],
    ["/sales", forged],
    ["/customers", anyList],
    ["/products", anyList],
    ["/audit", forged],
  ])("refuses forged cursors on %s", async (path, cursors) => {
    for (const cursor of cursors) {
      expect400(await owner.get(`${path}?cursor=${encodeURIComponent(cursor)}`), "cursor");
    }
  });

  it("refuses forged cursors on a customer's sales", async () => {
    const customer = (await owner.post("/customers", { name: "Baraka" })).json();
    for (const cursor of forged) {
      expect400(await owner.get(`/customers/${customer.id}/sales?cursor=${encodeURIComponent(cursor)}`), "cursor");
    }
  });

  it("still follows the cursors the server hands out", async () => {
    for (let i = 0; i < 3; i++) await owner.post("/sales", saleBody([{ productId, quantity: 1 }]));
    for (const path of ["/sales", "/stock-movements"]) {
      const first = (await owner.get(`${path}?limit=1`)).json();
      expect(first.nextCursor).toBeTruthy();
      const next = await owner.get(`${path}?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`);
      expect(next.statusCode, next.body).toBe(200);
      expect(next.json().items[0].id).not.toBe(first.items[0].id);
    }
  });
});

describe("locale", () => {
  it("refuses a malformed language tag, so receipts keep working", async () => {
    expect400(await owner.patch("/business", { locale: "xx-!!" }), "locale");
    expect((await owner.patch("/business", { locale: "sw-KE" })).statusCode).toBe(200);
  });
});
