import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS } from "../modules/auth/permissions.js";
import { type Actor, logIn, PASSWORD, send, signUp, uniqueLogin, useTestApp } from "./api.js";
import { uploadImport } from "./imports.js";
import { uploadDocument } from "./multipart.js";

/**
 * Walks every registered /api route. A new route is checked without anyone remembering to: it must
 * declare its access, and if it takes an :id it needs a row below that makes a real record in
 * business A, so business B's owner can be shown a 404 for it.
 */
interface Made {
  id: string;
  /** Strings only business A knows; B's answer must not contain them. */
  secrets: string[];
}
type Fixture = (owner: Actor) => Promise<Made>;

const fixtures: Record<string, Fixture> = {
  async user(owner) {
    const login = uniqueLogin("secret-staff");
    const res = await owner.post("/users", { name: "Secret Staffer", login, password: PASSWORD, role: "staff" });
    return { id: res.json().id, secrets: [login, "Secret Staffer"] };
  },
  async location(owner) {
    const res = await owner.post("/locations", { name: "Secret Kiosk", address: "Hidden Road 1" });
    return { id: res.json().id, secrets: ["Secret Kiosk", "Hidden Road 1"] };
  },
  async product(owner) {
    const res = await owner.post("/products", { name: "Secret Elixir", price: 4200, sku: "SECRET-SKU-1" });
    return { id: res.json().id, secrets: ["Secret Elixir", "SECRET-SKU-1"] };
  },
  async customer(owner) {
    const res = await owner.post("/customers", {
      name: "Secret Customer",
      phone: "+254700999111",
      notes: "Secret note",
    });
    return { id: res.json().id, secrets: ["Secret Customer", "700999111", "Secret note"] };
  },
  async stockCount(owner) {
    const locationId = (await owner.get("/locations")).json().items[0].id;
    const res = await owner.post("/stock-counts", { locationId, note: "Secret shelf count" });
    return { id: res.json().id, secrets: ["Secret shelf count"] };
  },
  async sale(owner) {
    const locationId = (await owner.get("/locations")).json().items[0].id;
    const product = await owner.post("/products", {
      name: "Secret Balm",
      price: 700,
      initialStock: [{ locationId, quantity: 5 }],
    });
    const res = await owner.post("/sales", {
      id: randomUUID(),
      lines: [{ productId: product.json().id, quantity: 1 }],
      locationId,
      payment: { method: "cash" },
      note: "Secret sale note",
    });
    // Say why, rather than walking the routes with an undefined id.
    if (res.statusCode !== 201) throw new Error(`sale fixture failed ${res.statusCode}: ${res.body}`);
    return { id: res.json().id, secrets: ["Secret Balm", "Secret sale note"] };
  },
  async attention(owner) {
    // A queued sale of a product that does not exist is refused on arrival and kept for attention.
    const id = randomUUID();
    const res = await owner.post("/sync", {
      items: [
        {
          kind: "sale",
          body: {
            id,
            lines: [{ productId: randomUUID(), quantity: 1 }],
            payment: { method: "cash" },
            note: "Secret queued",
          },
        },
      ],
    });
    if (res.json().results?.[0]?.status !== 404) throw new Error(`attention fixture failed: ${res.body}`);
    return { id, secrets: ["Secret queued"] };
  },
  async document(owner) {
    const data = Buffer.from("%PDF-1.7\nSecret supplier invoice\n");
    const res = await uploadDocument(owner, { file: { name: "secret-invoice.pdf", data } });
    return { id: res.json().id, secrets: ["secret-invoice.pdf", "Secret supplier invoice"] };
  },
  async importPreview(owner) {
    const data = "name,price\nSecret Tonic,120\n";
    const res = await uploadImport(owner, "products", { name: "secret-list.csv", data });
    return { id: res.json().id, secrets: ["secret-list.csv", "Secret Tonic"] };
  },
};

/** Each id-bearing route: the fixture that makes its record, and a body that passes validation. */
const idRoutes: Record<string, { fixture: keyof typeof fixtures; body?: unknown }> = {
  "PATCH /api/v1/users/:id": { fixture: "user", body: { name: "Taken Over", active: false } },
  "POST /api/v1/users/:id/password": { fixture: "user", body: { password: "stolen-keys-river-8" } },
  "PATCH /api/v1/locations/:id": { fixture: "location", body: { name: "Taken Over", active: false } },
  "GET /api/v1/products/:id": { fixture: "product" },
  "PATCH /api/v1/products/:id": { fixture: "product", body: { name: "Taken Over", archived: true } },
  "GET /api/v1/customers/:id": { fixture: "customer" },
  "PATCH /api/v1/customers/:id": { fixture: "customer", body: { name: "Taken Over", archived: true } },
  "GET /api/v1/customers/:id/sales": { fixture: "customer" },
  "GET /api/v1/customers/:id/ledger": { fixture: "customer" },
  "POST /api/v1/customers/:id/payments": {
    fixture: "customer",
    body: { amount: 100, method: "cash", asAdvance: true },
  },
  "GET /api/v1/stock-counts/:id": { fixture: "stockCount" },
  "PUT /api/v1/stock-counts/:id/lines": {
    fixture: "stockCount",
    body: { lines: [{ productId: "00000000-0000-4000-8000-000000000000", counted: 1 }] },
  },
  "POST /api/v1/stock-counts/:id/apply": { fixture: "stockCount" },
  "POST /api/v1/stock-counts/:id/cancel": { fixture: "stockCount" },
  "GET /api/v1/sales/:id": { fixture: "sale" },
  "GET /api/v1/sales/:id/receipt.txt": { fixture: "sale" },
  "GET /api/v1/sales/:id/receipt.pdf": { fixture: "sale" },
  "POST /api/v1/sales/:id/void": { fixture: "sale", body: { reason: "Taken over" } },
  "POST /api/v1/sales/:id/refunds": {
    fixture: "sale",
    body: { id: "00000000-0000-4000-8000-000000000001", lines: [{ lineNo: 1, quantity: 1 }], reason: "Taken over" },
  },
  "POST /api/v1/sync/attention/:id/discard": { fixture: "attention", body: { reason: "Taken over" } },
  "POST /api/v1/sync/attention/:id/accept": { fixture: "attention" },
  "GET /api/v1/documents/:id": { fixture: "document" },
  "GET /api/v1/documents/:id/content": { fixture: "document" },
  "DELETE /api/v1/documents/:id": { fixture: "document" },
  "POST /api/v1/imports/:id/commit": { fixture: "importPreview", body: { createLocations: true } },
};

const SOME_ID = "00000000-0000-4000-8000-000000000000";

describe("access matrix over every /api route", () => {
  const t = useTestApp();
  const routes = () =>
    t.app.routeAccess.filter((r) => r.url.startsWith("/api/") && r.method !== "HEAD").map((r) => ({ ...r }));
  const withId = (url: string, id: string) => url.replaceAll(":id", id);

  it("knows the routes, and every one declares a known access", () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(10);
    for (const r of all) {
      expect([...PERMISSIONS, "public"], `${r.method} ${r.url}`).toContain(r.access);
    }
    expect(all.map((r) => `${r.method} ${r.url}`)).toContain("PATCH /api/v1/users/:id");
  });

  it("opens to anonymous callers only sign-up, sign-in, recovery and the health of the API", () => {
    const open = routes()
      .filter((r) => r.access === "public")
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(open).toEqual(
      [
        "GET /api/v1/auth/recovery-options",
        "GET /api/v1/docs",
        "POST /api/v1/auth/forgot",
        "POST /api/v1/auth/login",
        "POST /api/v1/auth/recover",
        "POST /api/v1/auth/reset",
        "POST /api/v1/auth/signup",
      ].sort(),
    );
    // Making a new recovery code needs the owner, not any session.
    expect(routes().find((r) => r.url === "/api/v1/me/recovery-code")?.access).toBe("users.manage");
    // A new shop's checklist is the owner's: staff are refused it below with every settings route.
    expect(routes().find((r) => r.url === "/api/v1/business/first-steps")?.access).toBe("settings.manage");
  });

  it("answers 401 to anonymous callers on every non-public route", async () => {
    for (const r of routes().filter((r) => r.access !== "public")) {
      const res = await send(t.app, r.method as "GET", withId(r.url, SOME_ID), r.method === "GET" ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it("answers 403 to staff on every route their role lacks", async () => {
    const owner = await signUp(t.app);
    const login = uniqueLogin("staff");
    await owner.post("/users", { name: "Staff", login, password: PASSWORD, role: "staff" });
    const staff = await logIn(t.app, login);
    const denied = routes().filter((r) => r.access !== "public" && !can("staff", r.access ?? "session"));
    expect(denied.length).toBeGreaterThan(5);
    for (const r of denied) {
      const res = await staff.request(r.method as "GET", withId(r.url, SOME_ID), r.method === "GET" ? undefined : {});
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
    expect((await staff.get("/me")).statusCode).toBe(200);
  });

  it("answers 404 to another business's owner on every id-bearing route, with none of the data", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const bearing = routes().filter((r) => r.url.includes(":id"));
    expect(bearing.length).toBeGreaterThan(0);
    const made: Record<string, Made> = {};
    for (const r of bearing) {
      const key = `${r.method} ${r.url}`;
      const row = idRoutes[key];
      if (!row) throw new Error(`${key} takes an :id but has no fixture in access.test.ts; add one.`);
      const fixture = fixtures[row.fixture];
      if (!fixture) throw new Error(`${key}: unknown fixture ${row.fixture}`);
      made[row.fixture] ??= await fixture(a);
      const { id, secrets } = made[row.fixture] as Made;
      const res = await b.request(r.method as "GET", withId(r.url, id), row.body);
      expect(res.statusCode, `${key}: ${res.body}`).toBe(404);
      for (const secret of secrets) expect(res.body, key).not.toContain(secret);
    }
    // Nothing of A's changed: the records are as A made them.
    const users = (await a.get("/users")).json().items as { name: string; active: boolean }[];
    expect(users.find((u) => u.name === "Secret Staffer")?.active).toBe(true);
    const locations = (await a.get("/locations")).json().items as { name: string }[];
    expect(locations.map((l) => l.name)).toContain("Secret Kiosk");
    const sale = (await a.get(`/sales/${made.sale?.id}`)).json();
    expect(sale).toMatchObject({ status: "completed", refunded: 0 });
    // A's preview is still there to commit: B's attempt wrote nothing.
    const mine = await a.post(`/imports/${made.importPreview?.id}/commit`, {});
    expect(mine.statusCode, mine.body).toBe(200);
  });

  it("keeps staff restricted to one location to that location", async () => {
    const owner = await signUp(t.app);
    const here = (await owner.post("/locations", { name: "Stall" })).json().id as string;
    const login = uniqueLogin("stall");
    await owner.post("/users", { name: "Stall staff", login, password: PASSWORD, role: "staff", locationId: here });
    const staff = await logIn(t.app, login);
    const seen = (await staff.get("/locations")).json().items as { id: string }[];
    expect(seen.map((l) => l.id)).toEqual([here]);
    const main = (await owner.get("/locations")).json().items.find((l: { id: string }) => l.id !== here).id;
    expect((await staff.patch(`/locations/${main}`, { name: "Mine now" })).statusCode).toBe(403);
    expect((await staff.patch(`/locations/${here}`, { name: "Mine now" })).statusCode).toBe(403);
    expect(staff.me.user.locationId).toBe(here);
  });
});
