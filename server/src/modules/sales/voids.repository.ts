import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { payments, saleLines, sales } from "../../db/schema.js";
import { milliToNumeric } from "../../lib/quantity.js";

/** The rows a void or a refund changes: the sale (locked first), its lines, the refund payment. */

/** The sale row locked for update, so voids and refunds of one sale take turns. */
export async function lockSaleRow(tx: Tx, businessId: string, id: string) {
  const [row] = await tx
    .select()
    .from(sales)
    .where(and(eq(sales.businessId, businessId), eq(sales.id, id)))
    .for("update");
  return row;
}

export function saleLinesOf(tx: Tx, businessId: string, saleId: string) {
  return tx
    .select()
    .from(saleLines)
    .where(and(eq(saleLines.businessId, businessId), eq(saleLines.saleId, saleId)))
    .orderBy(asc(saleLines.lineNo));
}

export async function markVoided(
  tx: Tx,
  businessId: string,
  id: string,
  by: { userId: string; at: Date; reason: string },
) {
  await tx
    .update(sales)
    .set({ status: "voided", voidedAt: by.at, voidedBy: by.userId, voidReason: by.reason })
    .where(and(eq(sales.businessId, businessId), eq(sales.id, id)));
}

/** A payment already stored under this id (a retried refund, or an id used for something else). */
export async function findPayment(tx: Tx, businessId: string, id: string) {
  const [row] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.businessId, businessId), eq(payments.id, id)));
  return row;
}

export async function addRefundedQuantity(tx: Tx, businessId: string, saleId: string, lineNo: number, milli: number) {
  await tx
    .update(saleLines)
    .set({ refundedQuantity: sql`${saleLines.refundedQuantity} + ${milliToNumeric(milli)}::numeric` })
    .where(and(eq(saleLines.businessId, businessId), eq(saleLines.saleId, saleId), eq(saleLines.lineNo, lineNo)));
}

export async function insertRefund(tx: Tx, businessId: string, r: RefundRow) {
  await tx.insert(payments).values({ ...r, businessId, kind: "refund" });
}

export interface RefundRow {
  id: string;
  saleId: string;
  customerId: string | null;
  method: string;
  amount: number;
  userId: string;
  createdAt: Date;
}
