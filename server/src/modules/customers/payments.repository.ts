import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { customerLedger, payments } from "../../db/schema.js";

/** Repayments: the payments row and the credit-book entries it writes. */

/** A payment as first recorded, with the balance right after it: a replay answers exactly this. */
export async function findRecordedPayment(tx: Tx, businessId: string, id: string) {
  const [payment] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.businessId, businessId), eq(payments.id, id)));
  if (!payment) return undefined;
  const [after] = await queryRows<{ balance: string | number }>(
    tx,
    sql`select coalesce(sum(amount), 0)::bigint as balance from customer_ledger
        where business_id = ${businessId} and customer_id = ${payment.customerId}
          and id <= (select max(id) from customer_ledger where business_id = ${businessId} and payment_id = ${id})`,
  );
  return {
    id: payment.id,
    customerId: payment.customerId ?? "",
    kind: payment.kind,
    amount: payment.amount,
    method: payment.method,
    createdAt: payment.createdAt.toISOString(),
    balanceAfter: Number(after?.balance ?? 0),
  };
}

export interface RepaymentRows {
  id: string;
  customerId: string;
  method: string;
  amount: number;
  userId: string;
  note: string | null;
  createdAt: Date;
  /** Negative entries on the credit book, each with its kind. */
  entries: { kind: "repayment" | "advance"; amount: number }[];
}

export async function insertRepayment(tx: Tx, businessId: string, r: RepaymentRows) {
  const { id, customerId, method, amount, userId, createdAt } = r;
  await tx
    .insert(payments)
    .values({ id, businessId, kind: "repayment", customerId, method, amount, userId, createdAt });
  await tx.insert(customerLedger).values(
    r.entries.map((e) => ({
      businessId,
      customerId,
      kind: e.kind,
      amount: -e.amount,
      paymentId: id,
      note: r.note,
      userId,
      createdAt,
    })),
  );
}
