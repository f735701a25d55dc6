import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { formatMoney } from "../../lib/money-format.js";
import { localDate } from "../../lib/time.js";
import { getBusinessSettings } from "../business/business.service.js";
import { shopWordsOf } from "../business/shop-words.js";
import { findCustomer } from "./customers.service.js";

type Kind = "credit_sale" | "repayment" | "void" | "refund" | "advance" | "opening";

interface EntryRow {
  id: string | number;
  kind: Kind;
  amount: string | number;
  balance: string | number;
  created_at: Date | string;
  sale_id: string | null;
  payment_id: string | null;
  note: string | null;
  method: string | null;
}

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
    rows: await queryRows<EntryRow>(
      tx,
      sql`select l.id, l.kind, l.amount, l.created_at, l.sale_id, l.payment_id, l.note, p.method,
            sum(l.amount) over (order by l.id)::bigint as balance
          from customer_ledger l
          left join payments p on p.business_id = l.business_id and p.id = l.payment_id
          where l.business_id = ${ctx.businessId} and l.customer_id = ${customerId}
          order by l.id`,
    ),
    settings: await getBusinessSettings(tx, ctx.businessId),
  }));
  const { timeZone, currency, locale, name: businessName } = ctx.business;
  const entries = rows.map((r) => {
    const at = new Date(r.created_at);
    return {
      id: Number(r.id),
      kind: r.kind,
      amount: Number(r.amount),
      balance: Number(r.balance),
      at: at.toISOString(),
      date: localDate(at, timeZone),
      saleId: r.sale_id,
      paymentId: r.payment_id,
      note: r.note,
    };
  });
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

interface OwingRow {
  id: string;
  name: string;
  phone: string | null;
  balance: string | number;
  owing_since: Date | string;
}

/**
 * Customers who owe, oldest debt first. "Oldest debt" is the oldest credit entry not yet paid off
 * when payments clear the oldest debts first (first in, first out). That is how a shopkeeper reads
 * the notebook, and unlike "positive since", a customer who keeps owing a little while paying off
 * old debts does not look ancient, nor does a long-standing debt look new after a small purchase.
 */
export async function listOwing(db: Db, ctx: Ctx) {
  const rows = await inBusiness(db, ctx.businessId, (tx) =>
    queryRows<OwingRow>(
      tx,
      sql`with totals as (
            select customer_id, sum(amount) as balance, coalesce(-sum(amount) filter (where amount < 0), 0) as paid
            from customer_ledger where business_id = ${ctx.businessId}
            group by customer_id having sum(amount) > 0),
          debts as (
            select l.customer_id, l.created_at,
              sum(l.amount) over (partition by l.customer_id order by l.id) as owed_through
            from customer_ledger l join totals t on t.customer_id = l.customer_id
            where l.business_id = ${ctx.businessId} and l.amount > 0)
          select c.id, c.name, c.phone, t.balance::bigint as balance,
            (select min(d.created_at) from debts d where d.customer_id = c.id and d.owed_through > t.paid) as owing_since
          from totals t join customers c on c.business_id = ${ctx.businessId} and c.id = t.customer_id
          order by owing_since, lower(c.name), c.id`,
    ),
  );
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: r.phone,
    balance: Number(r.balance),
    owingSince: new Date(r.owing_since).toISOString(),
  }));
  return { items, count: items.length, totalOwed: items.reduce((sum, i) => sum + i.balance, 0) };
}
