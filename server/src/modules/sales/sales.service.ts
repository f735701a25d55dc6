import type { CreateSaleBody, Sale } from "@duka/contracts";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows, type Tx } from "../../db/client.js";
import { payments, saleLines, sales } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { badRequest, conflict, forbidden } from "../../lib/errors.js";
import { milliToNumeric } from "../../lib/quantity.js";
import { localDate } from "../../lib/time.js";
import { audit } from "../audit/audit.service.js";
import { can } from "../auth/permissions.js";
import { sees } from "../auth/policy.js";
import { getBusinessSettings } from "../business/business.service.js";
import { recordCreditSale } from "../customers/credit.service.js";
import { publish } from "../events/events.service.js";
import { hashable, markOffline, type OfflineRules, offlineAudit, offlineSale, offlineSettings } from "./offline.js";
import { type PricedLine, type PricedSale, priceSale } from "./pricing.js";
import { requestHash } from "./request-hash.js";
import { checkPaymentMethod, saleCustomer, saleLocation, saleProducts } from "./sale-inputs.js";
import { loadSale } from "./sale-view.js";
import { takeStock } from "./stock.js";
import { countSale } from "./summary.js";

type Body = z.output<typeof CreateSaleBody>;

/** The id was taken while this request was being checked: roll everything back, then answer as a replay. */
class SaleIdTaken extends Error {}

const idConflict = () =>
  conflict("idempotency_conflict", "This sale id was already used for a different sale. Start a new sale.");

/**
 * Records a sale: counter, sale, lines, payment, stock, credit and audit in one transaction, so a
 * failure anywhere leaves nothing behind. The client's id makes it idempotent: the same request
 * again answers the sale it made (replay: true) and writes nothing; another request with that id
 * is refused.
 */
export async function createSale(db: Db, ctx: Ctx, body: Body, meta: RequestMeta & { acceptedBy?: string }) {
  const hash = requestHash(hashable(body)); // offline hook 0
  // offline hook 1: a sale recorded on a phone without network keeps the phone's time (offline.ts).
  const offline = offlineSale(ctx, body, meta.now, meta.acceptedBy);
  const occurredAt = offline?.occurredAt ?? checkOccurredAt(ctx, body.occurredAt, meta.now);
  try {
    return await inBusiness(db, ctx.businessId, async (tx) => {
      const earlier = await replay(tx, ctx, body.id, hash);
      if (earlier) return earlier;
      const stock = await writeSale(tx, ctx, body, { hash, occurredAt, meta, offline });
      const sale = await mustLoad(tx, ctx, body.id);
      // Delivered on commit: every open dashboard of the business refetches.
      await publish(tx, ctx, {
        type: "sale.created",
        locationId: sale.locationId,
        payload: { saleId: sale.id, total: sale.total },
      });
      // Last, the rows other sales wait for: stock levels, then the business's receipt counter. Each is
      // held from here until commit, so the less that comes after, the more sales a shop records at once.
      await takeStock(tx, ctx, { id: body.id, locationId: sale.locationId }, stock.lines, {
        now: meta.now,
        allowNegative: stock.allowNegative,
      });
      return { sale: { ...sale, number: await takeNumber(tx, ctx, body.id) }, replay: false };
    });
  } catch (err) {
    if (!(err instanceof SaleIdTaken)) throw err;
    // A twin request committed first (or the id is another business's): answer from what is stored.
    const earlier = await inBusiness(db, ctx.businessId, (tx) => replay(tx, ctx, body.id, hash));
    if (!earlier) throw idConflict();
    return earlier;
  }
}

function checkOccurredAt(ctx: Ctx, given: string | undefined, now: Date): Date {
  if (given === undefined) return now;
  if (!can(ctx.role, "sales.backdate")) throw forbidden("Only the owner can record a sale with an earlier date.");
  const at = new Date(given);
  if (at.getTime() > now.getTime()) {
    throw badRequest("A sale cannot be recorded in the future. Check the date and time.", {
      fields: { occurredAt: ["is in the future"] },
    });
  }
  return at;
}

async function replay(tx: Tx, ctx: Ctx, id: string, hash: string) {
  const [row] = await queryRows<{ request_hash: string; user_id: string }>(
    tx,
    sql`select request_hash, user_id from sales where business_id = ${ctx.businessId} and id = ${id}`,
  );
  if (!row) return undefined;
  if (row.request_hash !== hash || (!sees.allSales(ctx) && row.user_id !== ctx.userId)) throw idConflict();
  return { sale: await mustLoad(tx, ctx, id), replay: true };
}

async function mustLoad(tx: Tx, ctx: Ctx, id: string): Promise<Sale> {
  const sale = await loadSale(tx, ctx, id);
  if (!sale) throw new Error(`sale ${id} vanished inside its transaction`);
  return sale;
}

interface WriteOpts {
  hash: string;
  occurredAt: Date;
  meta: RequestMeta;
  offline: OfflineRules | undefined;
}

async function writeSale(tx: Tx, ctx: Ctx, body: Body, opts: WriteOpts) {
  // offline hook 2: the phone's prices stand and stock may go below zero.
  const settings = offlineSettings(await getBusinessSettings(tx, ctx.businessId), opts.offline);
  const customerId = body.customerId ?? null;
  checkPaymentMethod(settings, body.payment.method, customerId);
  const locationId = await saleLocation(tx, ctx, body.locationId);
  const products = await saleProducts(
    tx,
    ctx,
    body.lines.map((l) => l.productId),
  );
  if (customerId) await saleCustomer(tx, ctx, customerId);
  const priced = priceSale(ctx, settings, products, body.lines, body.discount ?? 0);
  const tendered = body.payment.amountTendered ?? null;
  if (tendered !== null && body.payment.method === "credit") {
    throw badRequest("A sale on credit takes no money now; leave the amount tendered empty.", {
      fields: { "payment.amountTendered": ["is not taken for a sale on credit"] },
    });
  }
  if (tendered !== null && tendered < priced.total) {
    throw badRequest("The amount tendered is less than the total.", {
      fields: { "payment.amountTendered": ["is less than the total"] },
    });
  }

  const inserted = await tx
    .insert(sales)
    .values({
      id: body.id,
      businessId: ctx.businessId,
      locationId,
      userId: ctx.userId,
      customerId,
      occurredAt: opts.occurredAt,
      businessDate: localDate(opts.occurredAt, ctx.business.timeZone),
      subtotal: priced.subtotal,
      discount: priced.discount,
      total: priced.total,
      paymentMethod: body.payment.method,
      amountTendered: tendered,
      note: body.note ?? null,
      backdated: body.occurredAt !== undefined,
      requestHash: opts.hash,
      createdAt: opts.meta.now,
    })
    .onConflictDoNothing({ target: sales.id })
    .returning({ id: sales.id });
  if (inserted.length === 0) throw new SaleIdTaken();

  await tx.insert(saleLines).values(priced.lines.map((l) => lineRow(ctx, body.id, l)));
  if (priced.total > 0) {
    await tx.insert(payments).values({
      businessId: ctx.businessId,
      kind: "sale",
      saleId: body.id,
      customerId,
      method: body.payment.method,
      amount: priced.total,
      userId: ctx.userId,
      createdAt: opts.meta.now,
    });
  }
  await countSale(tx, ctx.businessId, body.id, 1);
  let overLimit = false;
  if (body.payment.method === "credit" && customerId && priced.total > 0) {
    const credit = await recordCreditSale(tx, ctx, {
      customerId,
      saleId: body.id,
      amount: priced.total,
      ...(body.allowOverLimit ? { allowOverLimit: true } : {}),
      ...(opts.offline ? { acceptOverLimit: true } : {}), // offline hook: flagged, not refused
      at: opts.occurredAt,
    });
    overLimit = credit.overLimit;
  }
  // offline hook 3: what the owner should check, kept with the sale.
  if (opts.offline) await markOffline(tx, ctx, body.id, opts.offline, { products, lines: priced.lines, overLimit });
  await auditSale(tx, ctx, body, priced, opts);
  // The goods to take off the shelf, which the caller does last.
  return { lines: priced.lines, allowNegative: settings.allowNegativeStock === true };
}

/** The next receipt number of the business, gapless: a rolled-back sale gives its number back. */
async function takeNumber(tx: Tx, ctx: Ctx, saleId: string): Promise<number> {
  const [row] = await queryRows<{ number: number }>(
    tx,
    sql`with counter as (
          update businesses set next_sale_number = next_sale_number + 1 where id = ${ctx.businessId}
          returning next_sale_number - 1 as number)
        update sales set number = counter.number from counter
        where sales.business_id = ${ctx.businessId} and sales.id = ${saleId}
        returning sales.number`,
  );
  if (!row) throw new Error("the business row is missing");
  return row.number;
}

function lineRow(ctx: Ctx, saleId: string, l: PricedLine) {
  return {
    businessId: ctx.businessId,
    saleId,
    lineNo: l.lineNo,
    productId: l.productId,
    name: l.name,
    quantity: milliToNumeric(l.quantityMilli),
    unitPrice: l.unitPrice,
    discount: l.discount,
    lineTotal: l.lineTotal,
    unitCost: l.unitCost,
  };
}

async function auditSale(tx: Tx, ctx: Ctx, body: Body, priced: PricedSale, opts: WriteOpts) {
  const backdated = body.occurredAt !== undefined;
  await audit(tx, {
    businessId: ctx.businessId,
    userId: ctx.userId,
    action: backdated ? "sale.backdated" : "sale.created",
    entity: "sale",
    entityId: body.id,
    details: {
      total: priced.total,
      method: body.payment.method,
      ...(backdated ? { occurredAt: opts.occurredAt.toISOString() } : {}),
      ...(priced.lines.some((l) => l.discount > 0) || priced.discount > 0 ? { discounted: true } : {}),
      ...offlineAudit(opts.offline), // offline hook 4
    },
    ip: opts.meta.ip,
    at: opts.meta.now,
  });
}

/** For modules that need a sale row locked before changing it (voids, refunds). */
export async function lockSaleRow(tx: Tx, ctx: Ctx, id: string) {
  const [row] = await tx
    .select()
    .from(sales)
    .where(and(eq(sales.businessId, ctx.businessId), eq(sales.id, id)))
    .for("update");
  return row;
}
