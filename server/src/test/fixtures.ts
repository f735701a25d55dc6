import { randomUUID } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client.js";
import { locations, payments, products, saleLines, sales, users } from "../db/schema.js";
import { inBusiness } from "../db/tenancy.js";
import type { Ctx } from "../lib/context.js";
import { localDate } from "../lib/time.js";
import { hashPassword } from "../modules/auth/passwords.js";
import { countSale } from "../modules/summaries/summary-writer.repository.js";
import { type Actor, logIn, PASSWORD, type TestContext, uniqueLogin } from "./api.js";

/**
 * People and places for tests, written straight to the tables (the users and locations APIs are
 * their own modules' business); signing in still goes through the real login route.
 */
export async function addLocation(
  t: TestContext,
  owner: Actor,
  name = `Branch ${Math.random().toString(36).slice(2, 7)}`,
) {
  const businessId = owner.me.user.businessId;
  const [row] = await inBusiness(t.database.db, businessId, (tx) =>
    tx.insert(locations).values({ businessId, name }).returning({ id: locations.id }),
  );
  if (!row) throw new Error("location insert returned nothing");
  return row.id;
}

let passwordHash: Promise<string> | undefined;

/** A staff member of the owner's business, signed in (written directly; not through the /users API). */
export async function addStaff(
  t: TestContext,
  owner: Actor,
  opts: { locationId?: string; name?: string } = {},
): Promise<Actor> {
  const businessId = owner.me.user.businessId;
  const login = uniqueLogin("staff");
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  await inBusiness(t.database.db, businessId, (tx) =>
    tx.insert(users).values({
      businessId,
      name: opts.name ?? "Juma",
      role: "staff",
      login,
      passwordHash: hash,
      locationId: opts.locationId ?? null,
    }),
  );
  return logIn(t.app, login);
}

/** The first location, made at sign-up. */
export async function mainLocation(t: TestContext, owner: Actor): Promise<string> {
  const businessId = owner.me.user.businessId;
  const [row] = await inBusiness(t.database.db, businessId, (tx) =>
    tx
      .select({ id: locations.id })
      .from(locations)
      .where(eq(locations.businessId, businessId))
      .orderBy(asc(locations.createdAt))
      .limit(1),
  );
  if (!row) throw new Error("the business has no location");
  return row.id;
}

/** The service context of a signed-in actor, for calling services the way routes do. */
export function ctxOf(actor: Actor): Ctx {
  const { user, business } = actor.me;
  return {
    businessId: user.businessId,
    userId: user.id,
    role: user.role,
    locationIds: null,
    sessionId: "test",
    userName: user.name,
    business: {
      name: business.name,
      currency: business.currency,
      timeZone: business.timeZone,
      locale: business.locale,
      country: business.country,
      shopCode: business.shopCode,
    },
  };
}

export async function addProduct(database: Database, businessId: string, name: string, price = 100) {
  const [row] = await inBusiness(database.db, businessId, (tx) =>
    tx.insert(products).values({ businessId, name, price }).returning({ id: products.id }),
  );
  if (!row) throw new Error("product insert returned nothing");
  return { id: row.id, name, price };
}

export interface SaleFixture {
  customerId?: string;
  lines: {
    product: { id: string; name: string };
    quantity: number;
    unitPrice: number;
    unitCost?: number;
    refundedQuantity?: number;
  }[];
  at?: Date;
  status?: "completed" | "voided";
  paymentMethod?: string;
  /** Sale-wide discount, in minor units. */
  discount?: number;
  /** Defaults to the business's first location. */
  locationId?: string;
  /** Who sold it; defaults to the actor. */
  userId?: string;
  /** Money given back on a refund (a payments row of kind refund). */
  refunded?: number;
}

/** A sale as the sales module would store it, with lines and totals that satisfy the schema. */
export async function addSale(database: Database, owner: Actor, sale: SaleFixture) {
  const ctx = ctxOf(owner);
  const id = randomUUID();
  const at = sale.at ?? new Date();
  const lines = sale.lines.map((l, i) => ({
    businessId: ctx.businessId,
    saleId: id,
    lineNo: i + 1,
    productId: l.product.id,
    name: l.product.name,
    quantity: String(l.quantity),
    unitPrice: l.unitPrice,
    lineTotal: Math.round(l.quantity * l.unitPrice),
    unitCost: l.unitCost ?? null,
    refundedQuantity: String(l.refundedQuantity ?? 0),
  }));
  const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  const discount = sale.discount ?? 0;
  await inBusiness(database.db, ctx.businessId, async (tx) => {
    const [location] = await tx
      .select()
      .from(locations)
      .where(eq(locations.businessId, ctx.businessId))
      .orderBy(asc(locations.createdAt))
      .limit(1);
    const [next] = await queryRows<{ n: number }>(
      tx,
      sql`select coalesce(max(number), 0)::int + 1 as n from sales where business_id = ${ctx.businessId}`,
    );
    if (!location || !next) throw new Error("no location for the sale fixture");
    await tx.insert(sales).values({
      id,
      businessId: ctx.businessId,
      number: next.n,
      locationId: sale.locationId ?? location.id,
      userId: sale.userId ?? ctx.userId,
      customerId: sale.customerId ?? null,
      occurredAt: at,
      businessDate: localDate(at, ctx.business.timeZone),
      subtotal,
      discount,
      total: subtotal - discount,
      paymentMethod: sale.paymentMethod ?? "cash",
      status: sale.status ?? "completed",
      requestHash: "fixture",
    });
    await tx.insert(saleLines).values(lines);
    if (sale.refunded) {
      await tx.insert(payments).values({
        businessId: ctx.businessId,
        kind: "refund",
        saleId: id,
        method: sale.paymentMethod ?? "cash",
        amount: sale.refunded,
        userId: ctx.userId,
      });
    }
    await countSale(tx, ctx.businessId, id, 1);
  });
  return { id, total: subtotal - discount };
}
