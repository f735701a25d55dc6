import { and, eq, type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows, type Tx } from "../../db/client.js";
import { customers } from "../../db/schema.js";
import { searchCondition } from "./search.repository.js";

/** The customers table; a customer's balance is always read from the credit book (customer_ledger). */

/** A customer's balance: always the sum of the credit book, never a stored number. */
export const balanceOf = (customer: SQL) =>
  sql`coalesce((select sum(l.amount) from customer_ledger l where l.business_id = ${customer}.business_id and l.customer_id = ${customer}.id), 0)::bigint`;

const iso = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());

interface DetailRow {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  tags: string[];
  credit_limit: string | number | null;
  archived: boolean;
  created_at: Date | string;
  updated_at: Date | string;
  balance: string | number;
  last_visit_at: Date | string | null;
}

/** Everything known about one customer, with the balance and the last completed sale; null if absent. */
export async function findCustomerDetail(tx: Queryable, businessId: string, id: string) {
  const [row] = await queryRows<DetailRow>(
    tx,
    sql`select c.*, ${balanceOf(sql`c`)} as balance,
          (select max(s.occurred_at) from sales s
            where s.business_id = c.business_id and s.customer_id = c.id and s.status = 'completed') as last_visit_at
        from customers c where c.business_id = ${businessId} and c.id = ${id}`,
  );
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    email: row.email,
    address: row.address,
    notes: row.notes,
    tags: row.tags,
    creditLimit: row.credit_limit == null ? null : Number(row.credit_limit),
    archived: row.archived,
    balance: Number(row.balance),
    lastVisitAt: iso(row.last_visit_at),
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
  };
}

export async function customerWithPhone(tx: Queryable, businessId: string, phone: string) {
  const [row] = await tx
    .select({ id: customers.id, name: customers.name, archived: customers.archived })
    .from(customers)
    .where(and(eq(customers.businessId, businessId), eq(customers.phone, phone)));
  return row ?? null;
}

export type CustomerRow = typeof customers.$inferSelect;
export type NewCustomerRow = Omit<typeof customers.$inferInsert, "businessId">;

export async function insertCustomer(tx: Queryable, businessId: string, values: NewCustomerRow): Promise<string> {
  const [row] = await tx
    .insert(customers)
    .values({ ...values, businessId })
    .returning({ id: customers.id });
  if (!row) throw new Error("customer insert returned nothing");
  return row.id;
}

/** The customer row, locked for update when asked; null if absent. */
export async function findCustomerRow(tx: Tx, businessId: string, id: string, forUpdate: boolean) {
  const query = tx
    .select()
    .from(customers)
    .where(and(eq(customers.businessId, businessId), eq(customers.id, id)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function updateCustomerRow(
  tx: Queryable,
  businessId: string,
  id: string,
  set: Partial<Omit<NewCustomerRow, "id" | "createdAt">>,
) {
  await tx
    .update(customers)
    .set(set)
    .where(and(eq(customers.businessId, businessId), eq(customers.id, id)));
}

export interface CustomerFilter {
  archived: boolean | "all";
  /** What a person typed: a name or a phone number. */
  q?: string | undefined;
  country: string | null;
  owing?: boolean | undefined;
  /** Strictly after this (lower name, id). */
  after?: { name: string; id: string } | undefined;
  limit: number;
}

/** Customers by name with their balances and credit limits; up to `limit` rows. */
export async function findCustomers(tx: Queryable, businessId: string, f: CustomerFilter) {
  const conditions: SQL[] = [sql`c.business_id = ${businessId}`];
  if (f.archived !== "all") conditions.push(sql`c.archived = ${f.archived}`);
  const search = f.q ? searchCondition(f.q, f.country) : undefined;
  if (search) conditions.push(search);
  if (f.owing) {
    conditions.push(sql`c.id in (select l.customer_id from customer_ledger l where l.business_id = ${businessId}
      group by l.customer_id having sum(l.amount) > 0)`);
  }
  if (f.after) conditions.push(sql`(lower(c.name), c.id) > (${f.after.name}, ${f.after.id}::uuid)`);
  const rows = await queryRows<{
    id: string;
    name: string;
    phone: string | null;
    archived: boolean;
    balance: string | number;
    credit_limit: string | number | null;
    sort_name: string;
  }>(
    tx,
    sql`select c.id, c.name, c.phone, c.archived, c.credit_limit, lower(c.name) as sort_name,
          ${balanceOf(sql`c`)} as balance
        from customers c where ${sql.join(conditions, sql` and `)}
        order by lower(c.name), c.id limit ${f.limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    phone: r.phone,
    archived: r.archived,
    balance: Number(r.balance),
    creditLimit: r.credit_limit == null ? null : Number(r.credit_limit),
    sortName: r.sort_name,
  }));
}

export interface ExportRow {
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  tags: string[];
  balance: string | number;
  spent: string | number;
  last_visit: string | null;
}

/** Every customer with balance, total spent (net of refunds) and last visit, by name. */
export function customersForExport(tx: Queryable, businessId: string) {
  return queryRows<ExportRow>(
    tx,
    sql`select c.name, c.phone, c.email, c.address, c.tags,
            coalesce(l.balance, 0)::bigint as balance,
            (coalesce(s.spent, 0) - coalesce(r.refunded, 0))::bigint as spent,
            s.last_visit::text as last_visit
          from customers c
          left join (select customer_id, sum(amount) as balance from customer_ledger
                     where business_id = ${businessId} group by customer_id) l on l.customer_id = c.id
          left join (select customer_id, sum(total) as spent, max(business_date) as last_visit from sales
                     where business_id = ${businessId} and status = 'completed' and customer_id is not null
                     group by customer_id) s on s.customer_id = c.id
          left join (select s.customer_id, sum(p.amount) as refunded from payments p
                     join sales s on s.business_id = p.business_id and s.id = p.sale_id
                     where p.business_id = ${businessId} and p.kind = 'refund' and s.status = 'completed'
                     group by s.customer_id) r on r.customer_id = c.id
          where c.business_id = ${businessId}
          order by lower(c.name), c.id`,
  );
}
