import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { customerLedger } from "../../db/schema.js";

/** The customers' credit book (customer_ledger): a balance is always the sum of its entries. */

export async function ledgerSum(tx: Tx, businessId: string, customerId: string): Promise<number> {
  const [row] = await queryRows<{ balance: string | number }>(
    tx,
    sql`select coalesce(sum(amount), 0)::bigint as balance from customer_ledger
        where business_id = ${businessId} and customer_id = ${customerId}`,
  );
  return Number(row?.balance ?? 0);
}

/** The credit entry a sale put on a customer's book, if any. */
export async function creditEntryOfSale(tx: Tx, businessId: string, saleId: string) {
  const [row] = await tx
    .select()
    .from(customerLedger)
    .where(
      and(
        eq(customerLedger.businessId, businessId),
        eq(customerLedger.saleId, saleId),
        eq(customerLedger.kind, "credit_sale"),
      ),
    );
  return row ?? null;
}

/** How much of a sale's credit voids and refunds have already taken back (a positive number). */
export async function reversedOfSale(tx: Tx, businessId: string, saleId: string): Promise<number> {
  const [row] = await queryRows<{ total: string | number }>(
    tx,
    sql`select coalesce(-sum(amount), 0)::bigint as total from customer_ledger
        where business_id = ${businessId} and sale_id = ${saleId} and kind in ('void', 'refund')`,
  );
  return Number(row?.total ?? 0);
}

export type NewLedgerEntry = Omit<typeof customerLedger.$inferInsert, "businessId" | "id">;

/** Writes an entry and answers its id. */
export async function insertLedgerEntry(tx: Tx, businessId: string, entry: NewLedgerEntry): Promise<number> {
  const [row] = await tx
    .insert(customerLedger)
    .values({ ...entry, businessId })
    .returning({ id: customerLedger.id });
  return row?.id ?? 0;
}

type Kind = "credit_sale" | "repayment" | "void" | "refund" | "advance" | "opening";

/** The customer's entries in the order they were written (id order), each with its running balance. */
export async function ledgerEntries(tx: Tx, businessId: string, customerId: string) {
  const rows = await queryRows<{
    id: string | number;
    kind: Kind;
    amount: string | number;
    balance: string | number;
    created_at: Date | string;
    sale_id: string | null;
    payment_id: string | null;
    note: string | null;
    method: string | null;
  }>(
    tx,
    sql`select l.id, l.kind, l.amount, l.created_at, l.sale_id, l.payment_id, l.note, p.method,
          sum(l.amount) over (order by l.id)::bigint as balance
        from customer_ledger l
        left join payments p on p.business_id = l.business_id and p.id = l.payment_id
        where l.business_id = ${businessId} and l.customer_id = ${customerId}
        order by l.id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    amount: Number(r.amount),
    balance: Number(r.balance),
    at: new Date(r.created_at),
    saleId: r.sale_id,
    paymentId: r.payment_id,
    note: r.note,
    /** How a repayment, refund or advance was paid (the payment's method), for printed statements. */
    method: r.method,
  }));
}

/** Customers who owe, with the oldest debt not yet paid off first in, first out; oldest first. */
export async function owingCustomers(tx: Tx, businessId: string) {
  const rows = await queryRows<{
    id: string;
    name: string;
    phone: string | null;
    balance: string | number;
    owing_since: Date | string;
  }>(
    tx,
    sql`with totals as (
          select customer_id, sum(amount) as balance, coalesce(-sum(amount) filter (where amount < 0), 0) as paid
          from customer_ledger where business_id = ${businessId}
          group by customer_id having sum(amount) > 0),
        debts as (
          select l.customer_id, l.created_at,
            sum(l.amount) over (partition by l.customer_id order by l.id) as owed_through
          from customer_ledger l join totals t on t.customer_id = l.customer_id
          where l.business_id = ${businessId} and l.amount > 0)
        select c.id, c.name, c.phone, t.balance::bigint as balance,
          (select min(d.created_at) from debts d where d.customer_id = c.id and d.owed_through > t.paid) as owing_since
        from totals t join customers c on c.business_id = ${businessId} and c.id = t.customer_id
        order by owing_since, lower(c.name), c.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: r.phone,
    balance: Number(r.balance),
    owingSince: new Date(r.owing_since).toISOString(),
  }));
}
