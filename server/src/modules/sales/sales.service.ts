import type { BusinessSettings, CreateSaleBody, Sale } from "@duka/contracts";
import type { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { badRequest, conflict, forbidden } from "../../lib/errors.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";
import { localDate } from "../../lib/time.js";
import { can } from "../auth/permissions.js";
import { sees } from "../auth/policy.js";
import { checkCreditLimit, ledgerBalance } from "../customers/credit.service.js";
import { insufficientStockError } from "../inventory/ledger.js";
import {
  flagOffline,
  hashable,
  markOffline,
  type OfflineRules,
  offlineAudit,
  offlineSale,
  offlineSettings,
} from "./offline.js";
import { type PricedSale, priceSale } from "./pricing.js";
import { requestHash } from "./request-hash.js";
import { checkCustomer, checkLocation, checkPaymentMethod, checkProducts, checkTendered } from "./sale-inputs.js";
import { loadSale } from "./sale-view.js";
import { findEarlierSale, insertSale, readSaleInputs, stockLevels } from "./sales.repository.js";
import { byProduct } from "./stock.js";

type Body = z.output<typeof CreateSaleBody>;

/** The id was taken while this request was being checked: roll everything back, then answer as a replay. */
class SaleIdTaken extends Error {}

const idConflict = () =>
  conflict("idempotency_conflict", "This sale id was already used for a different sale. Start a new sale.");

/**
 * Records a sale: counter, sale, lines, payment, stock, credit and audit in one transaction, so a
 * failure anywhere leaves nothing behind. The client's id makes it idempotent: the same request
 * again answers the sale it made (replay: true) and writes nothing; another request with that id
 * is refused. Round trips: one read of everything the sale refers to, one statement writing it all
 * (a sale on credit reads the customer's balance in between), and the answer built from the
 * priced data rather than read back.
 */
export async function createSale(db: Db, ctx: Ctx, body: Body, meta: RequestMeta & { acceptedBy?: string }) {
  const hash = requestHash(hashable(body)); // offline hook 0
  // offline hook 1: a sale recorded on a phone without network keeps the phone's time (offline.ts).
  const offline = offlineSale(ctx, body, meta.now, meta.acceptedBy);
  const occurredAt = offline?.occurredAt ?? checkOccurredAt(ctx, body.occurredAt, meta.now);
  try {
    return await inBusiness(db, ctx.businessId, (tx) => writeSale(tx, ctx, body, { hash, occurredAt, meta, offline }));
  } catch (err) {
    if (!(err instanceof SaleIdTaken)) throw err;
    // A twin request committed first: answer from what is stored.
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
  const earlier = await findEarlierSale(tx, ctx.businessId, id);
  if (!earlier) return undefined;
  return answerReplay(tx, ctx, id, hash, earlier);
}

/** The same request again answers the stored sale; anything else under that id is refused. */
async function answerReplay(
  tx: Tx,
  ctx: Ctx,
  id: string,
  hash: string,
  earlier: { requestHash: string; userId: string },
) {
  if (earlier.requestHash !== hash || (!sees.allSales(ctx) && earlier.userId !== ctx.userId)) throw idConflict();
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

/** The shop's rule on stock going below zero: the one place an offline sale's rule plugs in. */
function mayGoBelowZero(settings: BusinessSettings): boolean {
  return settings.allowNegativeStock === true;
}

async function writeSale(tx: Tx, ctx: Ctx, body: Body, opts: WriteOpts) {
  const customerId = body.customerId ?? null;
  const onCredit = body.payment.method === "credit";
  const productIds = [...new Set(body.lines.map((l) => l.productId))];
  const found = await readSaleInputs(tx, ctx, {
    saleId: body.id,
    locationId: body.locationId,
    productIds,
    customerId,
    lock: onCredit,
  });
  if (found.earlier) return answerReplay(tx, ctx, body.id, opts.hash, found.earlier);
  // offline hook 2: the phone's prices stand and stock may go below zero (offline.ts).
  const settings = offlineSettings(found.settings, opts.offline);
  const label = checkPaymentMethod(settings, body.payment.method, customerId);
  const locationId = checkLocation(ctx, body.locationId, found.location);
  const products = checkProducts(productIds, found.products);
  const customer = customerId ? checkCustomer(customerId, found.customer) : null;
  const priced = priceSale(ctx, settings, products, body.lines, body.discount ?? 0);
  const tendered = body.payment.amountTendered ?? null;
  checkTendered(body.payment.method, tendered, priced.total);
  let overLimit = false;
  if (onCredit && customer && priced.total > 0) {
    // The customer's row is locked by the read: this balance sees every committed entry.
    const balance = await ledgerBalance(tx, ctx, customer.id);
    overLimit = customer.creditLimit != null && balance + priced.total > customer.creditLimit;
    // offline hook 3: past the limit, a sale the phone already made is flagged, not refused.
    if (!opts.offline) {
      checkCreditLimit(ctx, customer, balance, priced.total, {
        allowOverLimit: body.allowOverLimit === true,
        shopAllows: settings.allowCreditOverLimit === true,
      });
    }
  }

  // offline hook 3a: what the owner should check, known before the sale and its audit are written.
  if (opts.offline) flagOffline(opts.offline, { products, lines: priced.lines, overLimit });
  const backdated = body.occurredAt !== undefined;
  const stock = byProduct(priced.lines);
  const row = {
    id: body.id,
    locationId,
    customerId,
    occurredAt: opts.occurredAt,
    businessDate: localDate(opts.occurredAt, ctx.business.timeZone),
    subtotal: priced.subtotal,
    discount: priced.discount,
    total: priced.total,
    paymentMethod: body.payment.method,
    amountTendered: tendered,
    paymentReference: body.payment.reference ?? null,
    note: body.note ?? null,
    backdated,
  };
  const written = await insertSale(tx, ctx, {
    ...row,
    requestHash: opts.hash,
    now: opts.meta.now,
    lines: priced.lines,
    stock,
    allowNegative: mayGoBelowZero(settings),
    onCredit,
    audit: auditEntry(body, priced, opts),
  });
  if (written.number === null) throw new SaleIdTaken();
  const short = stock.find((l) => !written.moved.has(l.productId));
  if (short) {
    // Its level is as the statement found it: nothing moved it.
    const levels = await stockLevels(tx, ctx, locationId, [short.productId]);
    throw insufficientStockError(
      { productId: short.productId, productName: short.name, locationId },
      parseMilli(levels.get(short.productId) ?? "0"),
      short.quantityMilli,
    );
  }
  // offline hook 3b: the marks kept with the sale.
  if (opts.offline) await markOffline(tx, ctx, body.id, opts.offline);
  const sale: Sale = {
    ...row,
    offline: opts.offline?.mark ?? null,
    number: written.number,
    occurredAt: opts.occurredAt.toISOString(),
    userId: ctx.userId,
    change: tendered === null ? null : tendered - priced.total,
    payment: { method: body.payment.method, label, reference: row.paymentReference },
    status: "completed",
    refunded: 0,
    voidedAt: null,
    voidReason: null,
    kind: "sale",
    imported: false,
    externalRef: null,
    lines: priced.lines.map((l) => ({
      lineNo: l.lineNo,
      productId: l.productId,
      name: l.name,
      quantity: fromMilli(l.quantityMilli),
      unitPrice: l.unitPrice,
      discount: l.discount,
      lineTotal: l.lineTotal,
      refundedQuantity: 0,
    })),
    receipt: {
      businessName: ctx.business.name,
      locationName: found.location?.name ?? "",
      staffName: ctx.userName,
      customerName: customer?.name ?? null,
      customerPhone: customer?.phone ?? null,
      currency: ctx.business.currency,
      timeZone: ctx.business.timeZone,
    },
  };
  return { sale, replay: false };
}

function auditEntry(body: Body, priced: PricedSale, opts: WriteOpts) {
  const backdated = body.occurredAt !== undefined;
  return {
    action: backdated ? "sale.backdated" : "sale.created",
    details: {
      total: priced.total,
      method: body.payment.method,
      ...(backdated ? { occurredAt: opts.occurredAt.toISOString() } : {}),
      ...(priced.lines.some((l) => l.discount > 0) || priced.discount > 0 ? { discounted: true } : {}),
      ...offlineAudit(opts.offline), // offline hook 4
    },
    ip: opts.meta.ip,
  };
}
