import { randomUUID } from "node:crypto";
import type { CreateSaleBody } from "@duka/contracts";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { type Database, queryRows } from "../db/client.js";
import type { Actor, TestContext } from "./api.js";
import { asOwner } from "./owner.js";

/** Test helpers for the sales tests: products and stock made through the real API. */
export async function firstLocation(owner: Actor): Promise<string> {
  return (await owner.get("/locations")).json().items[0].id;
}

export async function makeProduct(
  owner: Actor,
  opts: { name?: string; price: number; cost?: number; stock?: number; locationId?: string },
) {
  const locationId = opts.locationId ?? (await firstLocation(owner));
  const name = opts.name ?? `Item ${randomUUID().slice(0, 6)}`;
  const res = await owner.post("/products", {
    name,
    price: opts.price,
    ...(opts.cost !== undefined ? { cost: opts.cost } : {}),
    ...(opts.stock ? { initialStock: [{ locationId, quantity: opts.stock }] } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, name, price: opts.price };
}

export async function stockOf(owner: Actor, productId: string): Promise<number> {
  const res = await owner.get(`/products/${productId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().stock;
}

export function saleBody(
  lines: { productId: string; quantity: number; unitPrice?: number; discount?: number }[],
  extra: Partial<CreateSaleBody> = {},
): CreateSaleBody {
  return { id: randomUUID(), lines, payment: { method: "cash" }, ...extra };
}

/** What the tables hold for a business, read past the API, to prove a refused request wrote nothing. */
export async function written(database: Database, businessId: string) {
  const [row] = await asOwner(database, async (tx) => {
    return queryRows<{ sales: number; lines: number; payments: number; movements: number; ledger: number }>(
      tx,
      sql`select (select count(*)::int from sales where business_id = ${businessId}) as sales,
            (select count(*)::int from sale_lines where business_id = ${businessId}) as lines,
            (select count(*)::int from payments where business_id = ${businessId}) as payments,
            (select count(*)::int from stock_movements where business_id = ${businessId}) as movements,
            (select count(*)::int from customer_ledger where business_id = ${businessId}) as ledger`,
    );
  });
  return row;
}

/** A receipt's worth of sale: two bags of sugar paid in cash with change, at 23:30 in Nairobi on 4 May. */
export async function receiptSale(t: TestContext, owner: Actor) {
  const p = await makeProduct(owner, { name: "Sukari 1kg", price: 15050, stock: 10 });
  t.clock.set("2026-05-04T20:30:00Z");
  const res = await owner.post(
    "/sales",
    saleBody([{ productId: p.id, quantity: 2 }], { payment: { method: "cash", amountTendered: 40000 } }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: number; total: number };
}
