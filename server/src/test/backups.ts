/** Test helpers for backups: a seeded business, whole-database dumps, and an app on another database. */
import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import type { Database } from "../db/client.js";
import type { SealedStorage } from "../lib/storage/sealed.js";
import type { Clock } from "../lib/time.js";
import { listTables } from "../modules/backups/catalog.repository.js";
import { canonicalRows } from "../modules/backups/format.js";
import { withOwner } from "../modules/backups/owner.repository.js";
import { type Actor, signUp, type TestContext } from "./api.js";
import { addProduct, addSale, mainLocation } from "./fixtures.js";
import { uploadDocument } from "./multipart.js";

export interface Seeded {
  owner: Actor;
  productId: string;
  locationId: string;
  customerId: string;
  documentId: string;
}

/** A business with products, stock received, a customer with a repayment, a sale and a document, made through the API. */
export async function seedBusiness(t: TestContext, name = "Duka Backup Test"): Promise<Seeded> {
  const owner = await signUp(t.app, { businessName: name });
  const locationId = await mainLocation(t, owner);
  const product = (await owner.post("/products", { name: `${name} sugar 1 kg`, price: 15050, sku: "SUG-1" })).json();
  await owner.post("/products", { name: `${name} rice`, price: 9900, unit: "kg", lowStockThreshold: 2.5 });
  const moved = await owner.post("/stock-movements", {
    productId: product.id,
    locationId,
    kind: "receive",
    quantity: 12.125,
    unitCost: 12000,
    reason: "Supplier: Bidco",
  });
  if (moved.statusCode !== 201) throw new Error(`stock receive failed: ${moved.body}`);
  const customer = (
    await owner.post("/customers", { name: `${name} Wanjiku`, phone: "+254712345678", creditLimit: 500000 })
  ).json();
  const paid = await owner.post(`/customers/${customer.id}/payments`, {
    amount: 2500,
    method: "cash",
    asAdvance: true,
  });
  if (paid.statusCode !== 201) throw new Error(`repayment failed: ${paid.body}`);
  const extra = await addProduct(t.database, owner.me.user.businessId, `${name} soap`, 3000);
  await addSale(t.database, owner, {
    customerId: customer.id,
    lines: [{ product: extra, quantity: 2, unitPrice: 3000 }],
  });
  const doc = await uploadDocument(owner, {
    fields: { customerId: customer.id },
    file: { name: "invoice.pdf", data: Buffer.from(`%PDF-1.7\n${name} invoice\n`) },
  });
  if (doc.statusCode !== 201) throw new Error(`upload failed: ${doc.body}`);
  return { owner, productId: product.id, locationId, customerId: customer.id, documentId: doc.json().id };
}

/** Every backed-up table's rows in canonical form, as the owner sees them. */
export async function dumpAll(database: Database): Promise<Record<string, string[]>> {
  return withOwner(database, "snapshot", async (tx) => {
    const out: Record<string, string[]> = {};
    for (const table of await listTables(tx)) {
      out[table.name] = [];
      for await (const line of canonicalRows(tx, table)) out[table.name]?.push(line);
    }
    return out;
  });
}

/** The app served from another database with the same storage and keys (a restored server). */
export async function appOn(database: Database, files: SealedStorage, clock: Clock) {
  const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", WEB_DIST: "/nonexistent" });
  const app = await buildApp({ config, database, storage: files.raw, keyRing: files.ring, clock, logger: false });
  await app.ready();
  return app;
}
