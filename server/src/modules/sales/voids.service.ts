import type { RefundBody } from "@duka/contracts";
import type { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx, RequestMeta } from "../../lib/context.js";
import { isUniqueViolation } from "../../lib/db-errors.js";
import { badRequest, conflict, notFound } from "../../lib/errors.js";
import { fromMilli, parseMilli, toMilli } from "../../lib/quantity.js";
import { audit } from "../audit/audit.service.js";
import { reverseCreditSale } from "../customers/credit.service.js";
import { publish } from "../events/events.service.js";
import { countSale } from "../summaries/summary-writer.repository.js";
import { lineNets, refundAmount } from "./refund-amounts.js";
import { loadSale } from "./sale-view.js";
import { returnStock } from "./stock.js";
import {
  addRefundedQuantity,
  findPayment,
  insertRefund,
  lockSaleRow,
  markVoided,
  saleLinesOf,
} from "./voids.repository.js";

type Refund = z.output<typeof RefundBody>;

async function lockedSale(tx: Tx, ctx: Ctx, id: string) {
  const sale = await lockSaleRow(tx, ctx.businessId, id);
  if (!sale) throw notFound("Sale");
  return sale;
}

/**
 * A sale brought in from another system is that system's record (decision 021): it moved no stock
 * and its refunds are receipts of their own, so Duka neither voids nor refunds it.
 */
function refuseImported(sale: { imported: boolean; number: number | null; externalRef: string | null }) {
  if (!sale.imported) return;
  const ref = sale.externalRef ? ` (${sale.externalRef})` : "";
  throw conflict(
    "sale_imported",
    `Sale #${sale.number}${ref} was brought in from your old system: correct it there and import it again, or record a new sale or refund.`,
  );
}

async function reload(tx: Tx, ctx: Ctx, id: string) {
  const sale = await loadSale(tx, ctx, id);
  if (!sale) throw new Error(`sale ${id} vanished inside its transaction`);
  return sale;
}

/**
 * Voids a sale: what was not already refunded goes back on the shelf, a credit sale comes off the
 * customer's book, and the sale stays, marked voided, so the record and the reports show it.
 */
export function voidSale(db: Db, ctx: Ctx, id: string, reason: string, meta: RequestMeta) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const sale = await lockedSale(tx, ctx, id);
    refuseImported(sale);
    if (sale.status === "voided") throw conflict("already_voided", `Sale #${sale.number} is already voided.`);
    await countSale(tx, ctx.businessId, id, -1);
    const lines = await saleLinesOf(tx, ctx.businessId, id);
    const back = lines.map((l) => ({
      productId: l.productId,
      quantityMilli: parseMilli(l.quantity) - parseMilli(l.refundedQuantity),
    }));
    await returnStock(tx, ctx, sale, "void", back, reason, meta.now);
    await reverseCreditSale(tx, ctx, { saleId: id, kind: "void", note: reason });
    await markVoided(tx, ctx.businessId, id, { userId: ctx.userId, at: meta.now, reason });
    await countSale(tx, ctx.businessId, id, 1);
    await audit(tx, {
      businessId: ctx.businessId,
      userId: ctx.userId,
      action: "sale.voided",
      entity: "sale",
      entityId: id,
      details: { number: sale.number, total: sale.total, reason },
      ip: meta.ip,
      at: meta.now,
    });
    await publish(tx, ctx, { type: "sale.voided", locationId: sale.locationId, payload: { saleId: id } });
    return reload(tx, ctx, id);
  });
}

const refundIdTaken = () =>
  conflict("idempotency_conflict", "This refund id was already used for something else. Start a new refund.");

/**
 * Refunds some of a sale's lines: the refunded quantities grow (never past what was sold), the
 * goods go back on the shelf unless they are not fit to sell, the money goes back as a refund
 * payment, and a credit sale's debt shrinks instead. The client's id makes a retry harmless.
 */
export async function refundSale(db: Db, ctx: Ctx, saleId: string, body: Refund, meta: RequestMeta) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const sale = await lockedSale(tx, ctx, saleId);
    const prior = await findPayment(tx, ctx.businessId, body.id);
    if (prior) {
      if (prior.kind !== "refund" || prior.saleId !== saleId) throw refundIdTaken();
      return { id: body.id, saleId, amount: prior.amount, sale: await reload(tx, ctx, saleId), replay: true };
    }
    refuseImported(sale);
    if (sale.status === "voided") throw conflict("sale_voided", `Sale #${sale.number} is voided; nothing to refund.`);
    await countSale(tx, ctx.businessId, saleId, -1);
    const lines = await saleLinesOf(tx, ctx.businessId, saleId);
    const nets = lineNets(
      lines.map((l) => l.lineTotal),
      sale.discount,
    );
    const wanted = new Map<number, number>();
    for (const r of body.lines) wanted.set(r.lineNo, (wanted.get(r.lineNo) ?? 0) + toMilli(r.quantity));
    let amount = 0;
    const back: { productId: string; quantityMilli: number }[] = [];
    for (const [lineNo, qty] of wanted) {
      const index = lines.findIndex((l) => l.lineNo === lineNo);
      const line = lines[index];
      if (!line)
        throw badRequest(`Sale #${sale.number} has no line ${lineNo}.`, { fields: { lines: ["no such line"] } });
      const sold = parseMilli(line.quantity);
      const before = parseMilli(line.refundedQuantity);
      if (before + qty > sold) {
        throw conflict(
          "refund_exceeds_sold",
          `Only ${fromMilli(sold - before)} of ${line.name} can still be refunded on sale #${sale.number}.`,
          { lineNo, refundable: fromMilli(sold - before) },
        );
      }
      amount += refundAmount(nets[index] ?? 0, sold, before, qty);
      back.push({ productId: line.productId, quantityMilli: qty });
      await addRefundedQuantity(tx, ctx.businessId, saleId, lineNo, qty);
    }
    if (amount <= 0) throw badRequest("These lines were free: there is no money to refund.");
    if (body.restock) await returnStock(tx, ctx, sale, "refund", back, body.reason, meta.now);
    await insertRefund(tx, ctx.businessId, {
      id: body.id,
      saleId,
      customerId: sale.customerId,
      method: sale.paymentMethod,
      amount,
      userId: ctx.userId,
      createdAt: meta.now,
    });
    await countSale(tx, ctx.businessId, saleId, 1);
    if (sale.paymentMethod === "credit") {
      await reverseCreditSale(tx, ctx, { saleId, kind: "refund", amount, note: body.reason });
    }
    await audit(tx, {
      businessId: ctx.businessId,
      userId: ctx.userId,
      action: "sale.refunded",
      entity: "sale",
      entityId: saleId,
      details: { refundId: body.id, amount, restock: body.restock, reason: body.reason, lines: body.lines },
      ip: meta.ip,
      at: meta.now,
    });
    await publish(tx, ctx, { type: "sale.refunded", locationId: sale.locationId, payload: { saleId } });
    return { id: body.id, saleId, amount, sale: await reload(tx, ctx, saleId), replay: false };
  }).catch((err: unknown) => {
    // The id is another business's payment: never say so, just refuse it.
    if (isUniqueViolation(err)) throw refundIdTaken();
    throw err;
  });
}
