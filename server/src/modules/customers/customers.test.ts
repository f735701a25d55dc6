import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { customers } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import { type Actor, send, signUp, useTestApp } from "../../test/api.js";
import { addStaff } from "../../test/fixtures.js";

const t = useTestApp();
let owner: Actor;
let staff: Actor;
let other: Actor;

beforeAll(async () => {
  owner = await signUp(t.app);
  staff = await addStaff(t, owner);
  other = await signUp(t.app, { businessName: "Other shop" });
});

describe("POST /customers", () => {
  it("stores the phone in E.164 using the business's country", async () => {
    const res = await owner.post("/customers", { name: "  Amina Juma ", phone: "0712 345 678", tags: ["VIP", "vip"] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: "Amina Juma", phone: "+254712345678", balance: 0, tags: ["vip"] });
  });

  it("refuses an invalid phone with a clear message", async () => {
    const res = await owner.post("/customers", { name: "Bad", phone: "12345" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/not a valid phone number/);
  });

  it("requires the international form when the business has no country", async () => {
    const nowhere = await signUp(t.app, { country: undefined });
    expect((await nowhere.post("/customers", { name: "Local", phone: "0712345678" })).statusCode).toBe(400);
    const ok = await nowhere.post("/customers", { name: "Intl", phone: "+255 754 123 456" });
    expect(ok.json().phone).toBe("+255754123456");
  });

  it("refuses a duplicate phone, pointing to the customer who has it", async () => {
    const first = await owner.post("/customers", { name: "Juma", phone: "+254 733 000 111" });
    const res = await staff.post("/customers", { name: "Juma again", phone: "0733000111" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "duplicate_phone",
      details: { customerId: first.json().id, name: "Juma" },
    });
    // The same number in another business is someone else's customer.
    expect((await other.post("/customers", { name: "Juma", phone: "+254733000111" })).statusCode).toBe(201);
  });

  it("refuses over-long fields, a bad email, a negative or fractional credit limit and unknown fields", async () => {
    for (const body of [
      { name: "x".repeat(121) },
      { name: "" },
      { name: "A", notes: "n".repeat(2001) },
      { name: "A", email: "not-an-email" },
      { name: "A", creditLimit: -1 },
      { name: "A", creditLimit: 10.5 },
      { name: "A", tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      { name: "A", balance: 100 },
    ]) {
      const res = await owner.post("/customers", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe("invalid_input");
    }
    const res = await owner.post("/customers", { name: "A", balance: 100 });
    expect(res.json().error.message).toMatch(/balance/);
  });

  it("lets staff add a customer with notes but not a credit limit", async () => {
    const res = await staff.post("/customers", { name: "Wanjiku", phone: "0722 111 222", notes: "Pays Fridays" });
    expect(res.statusCode).toBe(201);
    expect(res.json()).not.toHaveProperty("notes");
    expect((await staff.post("/customers", { name: "W", creditLimit: 1000 })).statusCode).toBe(403);
  });

  it("refuses anonymous callers", async () => {
    expect((await send(t.app, "POST", "/customers", { name: "Anon" })).statusCode).toBe(401);
    expect((await send(t.app, "GET", "/customers")).statusCode).toBe(401);
  });
});

describe("GET/PATCH /customers/:id", () => {
  let id: string;
  beforeAll(async () => {
    const res = await owner.post("/customers", {
      name: "Halima",
      phone: "0700 123 456",
      email: "halima@example.com",
      notes: "Prefers M-Pesa",
      tags: ["regular"],
      creditLimit: 50_000,
    });
    id = res.json().id;
  });

  it("shows the owner everything and staff only name, phone, balance, credit limit and last visit", async () => {
    const full = (await owner.get(`/customers/${id}`)).json();
    expect(full).toMatchObject({ notes: "Prefers M-Pesa", tags: ["regular"], creditLimit: 50_000 });
    const res = await staff.get(`/customers/${id}`);
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual([
      "archived",
      "balance",
      "creditLimit",
      "id",
      "lastVisitAt",
      "name",
      "phone",
    ]);
  });

  it("lets the owner edit and archive, and staff neither", async () => {
    expect((await staff.patch(`/customers/${id}`, { name: "Hacked" })).statusCode).toBe(403);
    const res = await owner.patch(`/customers/${id}`, {
      name: "Halima Ali",
      creditLimit: null,
      phone: "+254700123457",
    });
    expect(res.json()).toMatchObject({ name: "Halima Ali", creditLimit: null, phone: "+254700123457" });
    const archived = await owner.patch(`/customers/${id}`, { archived: true });
    expect(archived.json().archived).toBe(true);
    const list = (await owner.get("/customers?q=halima")).json();
    expect(list.items).toHaveLength(0);
    const all = (await owner.get("/customers?q=halima&archived=all")).json();
    expect(all.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await owner.patch(`/customers/${id}`, { archived: false })).json().archived).toBe(false);
  });

  it("refuses a phone another customer has when editing", async () => {
    const b = await owner.post("/customers", { name: "Other", phone: "0700 999 888" });
    const res = await owner.patch(`/customers/${b.json().id}`, { phone: "+254700123457" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.customerId).toBe(id);
  });

  it("answers 404 for another business's customer on every id route", async () => {
    const routes: [string, string, unknown?][] = [
      ["GET", `/customers/${id}`],
      ["PATCH", `/customers/${id}`, { name: "X" }],
      ["GET", `/customers/${id}/sales`],
      ["GET", `/customers/${id}/ledger`],
      ["POST", `/customers/${id}/payments`, { amount: 100, method: "cash" }],
    ];
    for (const [method, url, body] of routes) {
      const res = await other.request(method as "GET", url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    expect((await owner.get(`/customers/${randomUUID()}`)).statusCode).toBe(404);
    expect((await owner.get("/customers/not-a-uuid")).statusCode).toBe(400);
  });

  it("keeps staff off owner-only routes", async () => {
    expect((await staff.get(`/customers/${id}/sales`)).statusCode).toBe(403);
    expect((await staff.get("/customers/export.csv")).statusCode).toBe(403);
  });
});

describe("GET /customers search", () => {
  let searcher: Actor;
  beforeAll(async () => {
    searcher = await signUp(t.app, { businessName: "Search shop" });
    const businessId = searcher.me.user.businessId;
    const first = ["Amina", "Baraka", "Chausiku", "Daudi", "Eshe", "Faraji", "Goli", "Hamisi", "Imani", "Jabari"];
    const last = ["Mwangi", "Otieno", "Kamau", "Njoroge", "Wafula", "Achieng", "Mutua", "Kiprono", "Were", "Odhiambo"];
    const rows = Array.from({ length: 300 }, (_, i) => ({
      businessId,
      name: `${first[i % 10]} ${last[Math.floor(i / 10) % 10]} ${i}`,
      phone: `+2547${String(10_000_000 + i).padStart(8, "0")}`,
    }));
    await inBusiness(t.database.db, businessId, (tx) => tx.insert(customers).values(rows));
  });

  const names = async (q: string, actor = searcher) => {
    const res = await actor.get(`/customers?q=${encodeURIComponent(q)}&limit=100`);
    expect(res.statusCode).toBe(200);
    return res.json().items.map((c: { name: string }) => c.name) as string[];
  };

  it("finds by name prefix and by the start of any word, ignoring case", async () => {
    const byFirst = await names("amin");
    expect(byFirst).toHaveLength(30);
    expect(byFirst.every((n) => n.startsWith("Amina "))).toBe(true);
    const byLast = await names("OTIE");
    expect(byLast.length).toBeGreaterThan(0);
    expect(byLast.every((n) => n.includes("Otieno"))).toBe(true);
    expect(await names("amina otieno")).toHaveLength(3);
    expect(await names("mina")).toHaveLength(0);
  });

  it("finds by phone in local, international and partial forms", async () => {
    expect(await names("0710 000 123")).toEqual(["Daudi Kamau 123"]);
    expect(await names("+254 710 000 123")).toEqual(["Daudi Kamau 123"]);
    expect(await names("254710000123")).toEqual(["Daudi Kamau 123"]);
    expect(await names("000123")).toEqual(["Daudi Kamau 123"]);
    expect(await names("07100001")).toHaveLength(100);
  });

  it("pages with a cursor through every customer exactly once, in name order", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/customers?limit=70${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await searcher.get(url)).json();
      seen.push(...page.items.map((c: { name: string }) => c.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(300);
    expect(new Set(seen).size).toBe(300);
    expect(seen).toEqual([...seen].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect((await searcher.get("/customers?cursor=garbage")).statusCode).toBe(400);
  });

  it("never shows another business's customers", async () => {
    expect(await names("amina", other)).toHaveLength(0);
  });
});
