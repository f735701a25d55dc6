import { randomUUID } from "node:crypto";
import type { RepaymentBody } from "@duka/contracts";
import type { z } from "zod";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { isUniqueViolation } from "../../lib/db-errors.js";
import { badRequest, conflict, forbidden } from "../../lib/errors.js";
import { formatAmount } from "../../lib/money-format.js";
import { audit } from "../audit/audit.service.js";
import { can } from "../auth/permissions.js";
import { publish } from "../events/events.service.js";
import { ledgerBalance } from "./credit.service.js";
import { lockCustomer } from "./customers.service.js";
import { findRecordedPayment, insertRepayment } from "./payments.repository.js";

type RepaymentInput = z.output<typeof RepaymentBody> & { now: Date };

/** Methods that are not money changing hands cannot repay a debt. */
const NOT_MONEY = new Set(["credit", "on_credit"]);

/**
 * Records money a customer paid towards what they owe: a payments row and the matching negative
 * ledger entries, in one transaction behind the customer's row lock. Paying more than the balance is
 * refused, unless the owner records the rest as an advance. A repeated client id returns the first
 * payment and writes nothing.
 */
export async function recordRepayment(db: Db, ctx: Ctx, customerId: string, input: RepaymentInput) {
  if (NOT_MONEY.has(input.method)) {
    throw badRequest("A repayment must be money received, such as cash or mobile money.", {
      fields: { method: ["cannot be credit"] },
    });
  }
  if (input.asAdvance && !can(ctx.role, "credit.override"))
    throw forbidden("Only the owner can record an advance payment.");
  const id = input.id ?? randomUUID();
  const reused = () => conflict("idempotency_key_reused", "This payment id was already used for another payment.");
  const result = await inBusiness(db, ctx.businessId, async (tx) => {
    const customer = await lockCustomer(tx, ctx, customerId);
    const previous = await findRecordedPayment(tx, ctx.businessId, id);
    if (previous) return { payment: previous, replay: true };

    const balance = await ledgerBalance(tx, ctx, customerId);
    const owed = Math.max(balance, 0);
    if (input.amount > owed && !input.asAdvance) {
      const fmt = (n: number) => formatAmount(n, ctx.business.currency, ctx.business.locale);
      throw conflict(
        "overpayment",
        `${customer.name} owes ${fmt(owed)}, less than ${fmt(input.amount)}. Record at most ${fmt(owed)}` +
          `; only the owner can record the rest as an advance.`,
        { customerId, balance, amount: input.amount },
      );
    }
    // What clears the debt is a repayment; anything beyond it is money held for the customer.
    const repaid = Math.min(input.amount, owed);
    const entries = [
      { kind: "repayment" as const, amount: repaid },
      { kind: "advance" as const, amount: input.amount - repaid },
    ].filter((e) => e.amount > 0);
    await insertRepayment(tx, ctx.businessId, {
      id,
      customerId,
      method: input.method,
      amount: input.amount,
      userId: ctx.userId,
      note: input.note ?? null,
      createdAt: input.now,
      entries,
    });
    await audit(tx, {
      businessId: ctx.businessId,
      userId: ctx.userId,
      action: "customer.payment",
      entity: "customer",
      entityId: customerId,
      details: { paymentId: id, amount: input.amount, method: input.method, advance: input.amount - repaid },
    });
    await publish(tx, ctx, { type: "customer.payment", payload: { customerId, amount: input.amount } });
    return { payment: await findRecordedPayment(tx, ctx.businessId, id), replay: false };
  }).catch((err: unknown) => {
    // Only an id already taken outside this business gets this far; inside it the lookup finds it.
    throw isUniqueViolation(err, "payments_pkey") ? reused() : err;
  });
  const { payment, replay } = result;
  if (!payment) throw new Error("payment just written could not be read back");
  // The id names one payment: reusing it for another customer or kind is a client bug, not a retry.
  if (replay && (payment.customerId !== customerId || payment.kind !== "repayment")) throw reused();
  if (replay && (payment.amount !== input.amount || payment.method !== input.method)) {
    throw conflict("idempotency_key_reused", "This payment id was already used with a different amount or method.");
  }
  return { payment, replay };
}
