import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Actor, createTestApp, PASSWORD, signUp, uniqueLogin } from "./api.js";
import { addLocation, addStaff } from "./fixtures.js";
import { type Case, casesFor, type Known, type OpenApi, type Route, routesOf } from "./fuzz/cases.js";
import { uploadDocument } from "./multipart.js";
import { makeProduct } from "./sales.js";

/**
 * Every route in the OpenAPI document, every body, query and path field, as owner, staff and
 * anonymous: wrong types, missing fields, NUL, lone surrogates, 1 MB strings, extreme numbers and
 * dates, __proto__ keys and SQL. Any 5xx fails. Bounded: a fixed seed and a fixed number of
 * generated values per field, so it takes the same time on every run.
 */
const SEED = 19;
const GENERATED_PER_FIELD = 2;

const t = await createTestApp();
const doc = t.app.swagger() as unknown as OpenApi;
/** The live stream never ends; sign-out is sent last so the other routes keep their session. */
const STREAMS = new Set(["GET /api/v1/events"]);
const LAST = (r: Route) => (r.method === "DELETE" || r.url.endsWith("/logout") ? 1 : 0);
const routes = routesOf(doc)
  .filter((r) => !STREAMS.has(`${r.method} ${r.url}`))
  .sort((a, b) => LAST(a) - LAST(b));

let owner: Actor;
let staff: Actor;
const ids: Record<string, string> = {};

beforeAll(async () => {
  owner = await signUp(t.app);
  staff = await addStaff(t, owner);
  // The users routes act on someone else, so the signed-in staff member keeps working.
  ids.users = (
    await owner.post("/users", { name: "Victim", login: uniqueLogin("v"), password: PASSWORD, role: "staff" })
  ).json().id;
  ids.locations = await addLocation(t, owner);
  const product = await makeProduct(owner, { price: 500, stock: 1000 });
  ids.products = product.id;
  ids.customers = (await owner.post("/customers", { name: "Fuzz Customer" })).json().id;
  const sale = await owner.post("/sales", {
    id: randomUUID(),
    lines: [{ productId: product.id, quantity: 1 }],
    payment: { method: "cash" },
  });
  ids.sales = sale.json().id;
  const count = await owner.post("/stock-counts", { locationId: ids.locations });
  ids["stock-counts"] = count.json().id;
  const docRes = await uploadDocument(owner, { file: { name: "f.pdf", data: Buffer.from("%PDF-1.7\nfuzz\n") } });
  ids.documents = docRes.json().id;
});

afterAll(() => t.close());

function knownFor(route: Route): Known {
  const resource = route.url.split("/")[3] ?? "";
  const byName: Record<string, () => string | undefined> = {
    ":id": () => ids[resource],
    id: () => randomUUID(),
    productId: () => ids.products,
    customerId: () => ids.customers,
    saleId: () => ids.sales,
    locationId: () => owner.me.user.locationId ?? ids.locations,
    toLocationId: () => ids.locations,
    userId: () => staff.me.user.id,
    login: () => uniqueLogin("fuzz"),
    password: () => "Fuzz-password-123",
    currentPassword: () => "not-the-password-1",
    timeZone: () => "Africa/Nairobi",
    currency: () => "KES",
    country: () => "KE",
    locale: () => "en",
    phone: () => "0712345678",
    email: () => "fuzz@example.com",
    method: () => "cash",
  };
  return (field) => byName[field]?.();
}

async function send(actor: Actor | null, route: Route, c: Case) {
  const headers: Record<string, string> = actor ? { cookie: actor.cookie } : {};
  if (c.payload !== undefined) headers["content-type"] = "application/json";
  return t.app.inject({ method: route.method as "GET", url: c.url, headers, payload: c.payload });
}

describe("fuzzing every route from the OpenAPI document", () => {
  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))(
    "%s answers no 5xx",
    { timeout: 180_000 },
    async (_, route) => {
      const failures: string[] = [];
      const roles: [string, Actor | null, boolean][] = [
        ["owner", owner, false],
        ["staff", staff, true],
        ["anonymous", null, true],
      ];
      for (const [role, actor, light] of roles) {
        const cases = casesFor(doc, route, knownFor(route), {
          seed: SEED,
          generatedPerField: GENERATED_PER_FIELD,
          light,
        });
        for (const c of cases) {
          const res = await send(actor, route, c);
          if (res.statusCode >= 500) failures.push(`${role} ${c.label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
      expect(failures).toEqual([]);
    },
  );
});
