import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { formatMoney } from "../../lib/money-format.js";
import { localDate } from "../../lib/time.js";
import { getBusinessSettings } from "../business/business.service.js";
import { shopWordsOf } from "../business/shop-words.js";
import { findCustomer } from "./customers.service.js";
import { ledgerEntries, owingCustomers } from "./ledger.repository.js";

/** A chat message stays readable: the latest lines, with what came before as one opening balance. */
const TEXT_LINES = 30;

/**
 * The customer's statement: every entry in the order it was written, with its running balance, and a
 * text to share. Entries are ordered by id, not time: they are written one at a time behind the
 * customer's row lock, so id order is the true history even when a back-dated sale carries an
 * earlier date.
 */
export async function getLedger(db: Db, ctx: Ctx, customerId: string) {
  const { customer, rows, settings } = await inBusiness(db, ctx.businessId, async (tx) => ({
    customer: await findCustomer(tx, ctx, customerId),
    rows: await ledgerEntries(tx, ctx.businessId, customerId),
    settings: await getBusinessSettings(tx, ctx.businessId),
  }));
  const { timeZone, currency, locale, name: businessName } = ctx.business;
  const entries = rows.map(({ at, ...r }) => ({
    id: r.id,
    kind: r.kind,
    amount: r.amount,
    balance: r.balance,
    at: at.toISOString(),
    date: localDate(at, timeZone),
    saleId: r.saleId,
    paymentId: r.paymentId,
    note: r.note,
  }));
  const balance = entries.at(-1)?.balance ?? 0;
  const money = (n: number) => formatMoney(n, currency, locale);
  const day = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "medium" });
  const shown = entries.slice(-TEXT_LINES);
  const opening = entries.length > shown.length ? (entries[entries.length - shown.length - 1]?.balance ?? 0) : null;
  // The customer reads it: in the shop's language, like its receipts.
  const { t, methodName } = shopWordsOf(locale, settings);
  // A payment says how it was made: "Paid (M-Pesa)".
  const methods = new Map(rows.map((r) => [Number(r.id), r.method]));
  const what = (e: (typeof entries)[number]) => {
    const method = e.kind === "credit_sale" ? null : methods.get(e.id);
    return `${t(`printed.ledger.${e.kind}`)}${method ? ` (${methodName(method)})` : ""}`;
  };
  const lines = [
    `${businessName}: ${t("printed.statementFor")} ${customer.name}${customer.phone ? ` (${customer.phone})` : ""}`,
    ...(opening !== null ? [`${t("printed.earlierBalance")}: ${money(opening)}`] : []),
    ...shown.map((e) => `${day.format(new Date(e.at))}  ${what(e)}  ${money(Math.abs(e.amount))}`),
    balance >= 0 ? `${t("printed.owed")}: ${money(balance)}` : `${t("printed.creditHeld")}: ${money(-balance)}`,
  ];
  return {
    customer: { id: customer.id, name: customer.name, phone: customer.phone },
    entries,
    balance,
    text: lines.join("\n"),
  };
}

/**
 * Customers who owe, oldest debt first. "Oldest debt" is the oldest credit entry not yet paid off
 * when payments clear the oldest debts first (first in, first out). That is how a shopkeeper reads
 * the notebook, and unlike "positive since", a customer who keeps owing a little while paying off
 * old debts does not look ancient, nor does a long-standing debt look new after a small purchase.
 */
export async function listOwing(db: Db, ctx: Ctx) {
  const items = await inBusiness(db, ctx.businessId, (tx) => owingCustomers(tx, ctx.businessId));
  return { items, count: items.length, totalOwed: items.reduce((sum, i) => sum + i.balance, 0) };
}
