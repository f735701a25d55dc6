import type { Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { conflict } from "../../lib/errors.js";
import { formatAmount } from "../../lib/money-format.js";
import { can } from "../auth/permissions.js";
import { findSettings } from "../business/business.repository.js";
import { lockCustomer } from "./customers.service.js";
import { creditEntryOfSale, insertLedgerEntry, ledgerSum, reversedOfSale } from "./ledger.repository.js";

/** The sum of the customer's credit book: what they owe (negative: what the shop holds for them). */
export async function ledgerBalance(tx: Tx, ctx: Ctx, customerId: string): Promise<number> {
  return ledgerSum(tx, ctx.businessId, customerId);
}

function assertPositiveAmount(amount: number) {
  // Callers validate at their edge; a wrong amount here is a bug in the caller, not bad input.
  if (!Number.isSafeInteger(amount) || amount <= 0)
    throw new Error(`credit amount must be a positive integer: ${amount}`);
}

/**
 * The one credit-limit decision: a sale on credit that takes the customer past their limit is
 * refused, unless the owner chose to allow it on this sale or the shop allows it always.
 */
export function checkCreditLimit(
  ctx: Ctx,
  customer: { id: string; name: string; creditLimit: number | null },
  balance: number,
  amount: number,
  allowed: { allowOverLimit: boolean; shopAllows: boolean },
): void {
  const limit = customer.creditLimit;
  if (limit == null || balance + amount <= limit) return;
  if ((allowed.allowOverLimit && can(ctx.role, "credit.override")) || allowed.shopAllows) return;
  const fmt = (n: number) => formatAmount(n, ctx.business.currency, ctx.business.locale);
  throw conflict(
    "credit_limit_exceeded",
    `${customer.name}'s credit limit is ${fmt(limit)} and they already owe ${fmt(balance)}, so this sale of ` +
      `${fmt(amount)} on credit is over the limit. Take a payment first, or ask the owner to allow it.`,
    { customerId: customer.id, creditLimit: limit, balance, amount },
  );
}

export interface CreditSaleInput {
  customerId: string;
  saleId: string;
  /** What the customer now owes for this sale, in minor units; > 0. */
  amount: number;
  /** The owner chose to go past the limit; ignored for staff. */
  allowOverLimit?: boolean;
  /** A sale recorded offline: past the limit is accepted (the goods have left) and reported back. */
  acceptOverLimit?: boolean;
  /** When the debt was taken (a back-dated sale's time); defaults to the transaction's time. */
  at?: Date;
}

/**
 * Adds a sale on credit to the customer's book, inside the sales module's transaction. The customer
 * row is locked first, so concurrent credit sales and repayments on one customer take turns and the
 * limit check sees every committed entry. Calling it again for the same sale changes nothing.
 */
export async function recordCreditSale(tx: Tx, ctx: Ctx, input: CreditSaleInput) {
  assertPositiveAmount(input.amount);
  const customer = await lockCustomer(tx, ctx, input.customerId);
  if (customer.archived) {
    throw conflict("customer_archived", `${customer.name} is archived. Unarchive them to sell on credit.`, {
      customerId: customer.id,
    });
  }
  const existing = await creditEntryOfSale(tx, ctx.businessId, input.saleId);
  const balance = await ledgerBalance(tx, ctx, customer.id);
  if (existing) return { entryId: existing.id, balance, overLimit: false };

  const limit = customer.creditLimit;
  const overLimit = limit != null && balance + input.amount > limit;
  if (overLimit && !input.acceptOverLimit) {
    const settings = await findSettings(tx, ctx.businessId);
    checkCreditLimit(ctx, customer, balance, input.amount, {
      allowOverLimit: input.allowOverLimit === true,
      shopAllows: settings?.allowCreditOverLimit === true,
    });
  }
  const entryId = await insertLedgerEntry(tx, ctx.businessId, {
    customerId: customer.id,
    kind: "credit_sale",
    amount: input.amount,
    saleId: input.saleId,
    userId: ctx.userId,
    ...(input.at ? { createdAt: input.at } : {}),
  });
  return { entryId, balance: balance + input.amount, overLimit };
}

export interface ReverseCreditInput {
  saleId: string;
  kind: "void" | "refund";
  /** For a partial refund: how much of the credit to take back; defaults to all that is left. */
  amount?: number;
  note?: string;
}

/**
 * Takes a voided or refunded credit sale back off the customer's book with a negative entry. Never
 * reverses more than the sale put on: a second void, or a refund after everything was reversed,
 * writes nothing. Returns null when the sale was not on credit or nothing is left to reverse.
 */
export async function reverseCreditSale(tx: Tx, ctx: Ctx, input: ReverseCreditInput) {
  if (input.amount !== undefined) assertPositiveAmount(input.amount);
  const credit = await creditEntryOfSale(tx, ctx.businessId, input.saleId);
  if (!credit) return null;
  await lockCustomer(tx, ctx, credit.customerId);
  const remaining = credit.amount - (await reversedOfSale(tx, ctx.businessId, input.saleId));
  const amount = Math.min(input.amount ?? remaining, remaining);
  if (amount <= 0) return null;
  const entryId = await insertLedgerEntry(tx, ctx.businessId, {
    customerId: credit.customerId,
    kind: input.kind,
    amount: -amount,
    saleId: input.saleId,
    userId: ctx.userId,
    note: input.note ?? null,
  });
  return {
    entryId,
    customerId: credit.customerId,
    amount,
    balance: await ledgerBalance(tx, ctx, credit.customerId),
  };
}
