import { describe, expect, it } from "vitest";
import { wordsFor } from "../lib/words.js";
import { COST_KEYS } from "../modules/auth/policy.js";
import { type Actor, signUp, useTestApp } from "./api.js";
import { addStaff } from "./fixtures.js";
import { uploadDocument } from "./multipart.js";
import { pdfText } from "./pdf.js";
import { firstLocation, makeProduct, saleBody } from "./sales.js";

/** The catalogue's word for cost in every language, so a CSV column is caught whatever the shop's language. */
const COST_WORDS = ["en", "fr", "sw"].map((l) => wordsFor(l)("printed.csv.product.cost"));
/** A key or a column that says what goods cost the shop, however it is spelt. */
const COSTLY = new RegExp(`^(${COST_KEYS.join("|")})$|cost|margin|profit|cogs|${COST_WORDS.join("|")}`, "i");

/** Every key path in a JSON value whose key carries cost. */
function costKeys(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => costKeys(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => [
    ...(COSTLY.test(k) ? [`${path}.${k}`] : []),
    ...costKeys(v, `${path}.${k}`),
  ]);
}

/** What a staff member's answer reveals of cost: JSON keys, CSV header cells, or words a PDF draws. */
function costIn(res: { headers: Record<string, unknown>; body: string; rawPayload: Buffer }): string[] {
  const type = String(res.headers["content-type"] ?? "");
  if (type.startsWith("application/json")) return costKeys(JSON.parse(res.body));
  if (type.startsWith("text/csv")) return (res.body.split(/\r?\n/)[0] ?? "").split(",").filter((c) => COSTLY.test(c));
  if (type.startsWith("application/pdf")) return pdfText(res.rawPayload).match(/cost|margin|profit/gi) ?? [];
  return COSTLY.test(res.body) ? [res.body.slice(0, 200)] : [];
}

/**
 * Not data: the live stream never ends (the events tests read it; its payloads carry ids and totals),
 * and the API's own description names every field the owner can read.
 */
const NOT_DATA = new Set(["/api/v1/events", "/api/v1/docs"]);

describe("what staff see, on every GET route", () => {
  const t = useTestApp();

  /** A shop whose goods have costs, with sales, a receipt with a cost, a count and a document. */
  async function shopWithCosts(owner: Actor) {
    const locationId = await firstLocation(owner);
    const soap = await makeProduct(owner, { name: "Soap", price: 150, cost: 90, stock: 20 });
    const received = await owner.post("/stock-movements", {
      kind: "receive",
      productId: soap.id,
      locationId,
      quantity: 10,
      unitCost: 95,
    });
    expect(received.statusCode, received.body).toBe(201);
    const staff = await addStaff(t, owner);
    const sale = await staff.post("/sales", saleBody([{ productId: soap.id, quantity: 2 }]));
    expect(sale.statusCode, sale.body).toBe(201);
    await owner.post("/sales", saleBody([{ productId: soap.id, quantity: 1 }]));
    const customer = await owner.post("/customers", { name: "Mama Amina", phone: "+254700111222" });
    const count = await staff.post("/stock-counts", { locationId });
    const doc = await uploadDocument(staff, {
      fields: { saleId: sale.json().id },
      file: { name: "note.pdf", data: Buffer.from("%PDF-1.7\nnote\n") },
    });
    expect(doc.statusCode, doc.body).toBe(201);
    const ids: Record<string, string> = {
      products: soap.id,
      customers: customer.json().id,
      sales: sale.json().id,
      "stock-counts": count.json().id,
      documents: doc.json().id,
    };
    return { staff, soap, ids };
  }

  it("holds no cost, margin or stock value at cost in any answer staff can read", async () => {
    const owner = await signUp(t.app);
    const { staff, soap, ids } = await shopWithCosts(owner);

    // The shop does have costs: the owner reads them on the same routes.
    expect((await owner.get(`/products/${soap.id}`)).json().cost).toBe(90);
    const ownerMovements = (await owner.get(`/stock-movements?productId=${soap.id}`)).json().items;
    expect(ownerMovements.some((m: { unitCost: number | null }) => m.unitCost !== null)).toBe(true);
    expect((await owner.get("/dashboard")).json().grossMargin).toBeDefined();

    const gets = t.app.routeAccess.filter((r) => r.method === "GET" && r.url.startsWith("/api/"));
    const extraQueries: Record<string, string[]> = {
      "/api/v1/stock-movements": [`?productId=${soap.id}`],
      "/api/v1/dashboard": ["?period=month"],
      "/api/v1/products": ["?sort=stock"],
    };
    let read = 0;
    for (const r of gets) {
      if (NOT_DATA.has(r.url)) continue;
      const url = r.url.replace(/\/([\w-]+)\/:id/, (_, resource: string) => {
        const id = ids[resource];
        if (!id) throw new Error(`${r.url}: no record for :id in staff-views.test.ts; add one.`);
        return `/${resource}/${id}`;
      });
      for (const query of ["", ...(extraQueries[r.url] ?? [])]) {
        const res = await staff.get(`${url.replace(/^\/api\/v1/, "")}${query}`);
        if (res.statusCode === 403) continue;
        expect(res.statusCode, `${url}${query}: ${res.body.slice(0, 300)}`).toBe(200);
        read += 1;
        expect(costIn(res), `${url}${query}`).toEqual([]);
      }
    }
    // Not a walk over refusals: staff read most of the shop.
    expect(read).toBeGreaterThan(15);
  });
});
