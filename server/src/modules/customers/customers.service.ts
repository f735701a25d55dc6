import type { CreateCustomerBody, CustomerListQuery, UpdateCustomerBody } from "@duka/contracts";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type Queryable, queryRows, type Tx } from "../../db/client.js";
import { customers } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { isUniqueViolation } from "../../lib/db-errors.js";
import { conflict, forbidden, notFound } from "../../lib/errors.js";
import { audit } from "../audit/audit.service.js";
import { can } from "../auth/permissions.js";
import { normalisePhone } from "./phone.js";
import { decodeCursor, encodeCursor, searchCondition } from "./search.js";

type CreateInput = z.output<typeof CreateCustomerBody>;
type UpdateInput = z.output<typeof UpdateCustomerBody> & { now: Date };
type ListInput = z.output<typeof CustomerListQuery>;

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

/** Everything known about one customer; the route trims it to what the caller's role may see. */
async function loadDetail(tx: Queryable, ctx: Ctx, id: string) {
  const [row] = await queryRows<DetailRow>(
    tx,
    sql`select c.*, ${balanceOf(sql`c`)} as balance,
          (select max(s.occurred_at) from sales s
            where s.business_id = c.business_id and s.customer_id = c.id and s.status = 'completed') as last_visit_at
        from customers c where c.business_id = ${ctx.businessId} and c.id = ${id}`,
  );
  if (!row) throw notFound("Customer");
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

export function getCustomer(db: Db, ctx: Ctx, id: string) {
  return inBusiness(db, ctx.businessId, (tx) => loadDetail(tx, ctx, id));
}

/** The same phone twice in a business is refused, pointing at the customer who already has it. */
async function duplicatePhone(db: Db, ctx: Ctx, phone: string) {
  const [existing] = await inBusiness(db, ctx.businessId, (tx) =>
    tx
      .select({ id: customers.id, name: customers.name, archived: customers.archived })
      .from(customers)
      .where(and(eq(customers.businessId, ctx.businessId), eq(customers.phone, phone))),
  );
  return conflict(
    "duplicate_phone",
    `${existing?.name ?? "Another customer"} already has the phone number ${phone}.`,
    existing ? { customerId: existing.id, name: existing.name, archived: existing.archived } : undefined,
  );
}

async function withDuplicateCheck<T>(db: Db, ctx: Ctx, phone: string | null | undefined, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (err) {
    if (phone && isUniqueViolation(err, "customers_business_phone_uq")) throw await duplicatePhone(db, ctx, phone);
    // The id is another business's customer, or a twin request committed first with another name.
    if (isUniqueViolation(err, "customers_pkey")) throw customerIdTaken();
    throw err;
  }
}

/**
 * Adds a customer. With a client-made id it is idempotent: the same id and name again answers the
 * customer already made (replay), so a phone that sends its queue twice adds nobody twice.
 */
export async function createCustomer(db: Db, ctx: Ctx, input: CreateInput) {
  if (input.creditLimit != null && !can(ctx.role, "customers.write"))
    throw forbidden("Only the owner can set a credit limit.");
  const phone = input.phone ? normalisePhone(input.phone, ctx.business.country) : null;
  return withDuplicateCheck(db, ctx, phone, () =>
    inBusiness(db, ctx.businessId, async (tx) => {
      if (input.id) {
        const [earlier] = await tx
          .select({ name: customers.name })
          .from(customers)
          .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, input.id)));
        if (earlier && earlier.name !== input.name) throw customerIdTaken();
        if (earlier) return { ...(await loadDetail(tx, ctx, input.id)), replay: true };
      }
      const [row] = await tx
        .insert(customers)
        .values({
          ...(input.id ? { id: input.id } : {}),
          businessId: ctx.businessId,
          name: input.name,
          phone,
          email: input.email ?? null,
          address: input.address ?? null,
          notes: input.notes ?? null,
          tags: input.tags ?? [],
          creditLimit: input.creditLimit ?? null,
        })
        .returning({ id: customers.id });
      if (!row) throw new Error("customer insert returned nothing");
      await audit(tx, { businessId: ctx.businessId, userId: ctx.userId, action: "customer.created", entityId: row.id });
      return { ...(await loadDetail(tx, ctx, row.id)), replay: false };
    }),
  );
}

const customerIdTaken = () =>
  conflict("idempotency_conflict", "This customer id was already used for someone else. Add the customer again.");

async function customerRow(tx: Tx, ctx: Ctx, id: string, forUpdate: boolean) {
  const query = tx
    .select()
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, id)));
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw notFound("Customer");
  return row;
}

/** Locks the customer row: credit sales and repayments on one customer take turns behind this. */
export const lockCustomer = (tx: Tx, ctx: Ctx, id: string) => customerRow(tx, ctx, id, true);
export const findCustomer = (tx: Tx, ctx: Ctx, id: string) => customerRow(tx, ctx, id, false);

export async function updateCustomer(db: Db, ctx: Ctx, id: string, input: UpdateInput) {
  const phone = input.phone ? normalisePhone(input.phone, ctx.business.country) : input.phone;
  return withDuplicateCheck(db, ctx, phone, () =>
    inBusiness(db, ctx.businessId, async (tx) => {
      const before = await lockCustomer(tx, ctx, id);
      const { now: _now, phone: _phone, ...fields } = input;
      await tx
        .update(customers)
        .set({ ...fields, ...(phone !== undefined ? { phone } : {}), updatedAt: input.now })
        .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, id)));
      const archivedChanged = input.archived !== undefined && input.archived !== before.archived;
      await audit(tx, {
        businessId: ctx.businessId,
        userId: ctx.userId,
        action: archivedChanged ? (input.archived ? "customer.archived" : "customer.unarchived") : "customer.updated",
        entity: "customer",
        entityId: id,
        details: { fields: Object.keys(input).filter((k) => k !== "now") },
      });
      return loadDetail(tx, ctx, id);
    }),
  );
}

interface ListRow {
  id: string;
  name: string;
  phone: string | null;
  archived: boolean;
  balance: string | number;
  credit_limit: string | number | null;
  sort_name: string;
}

/** Customers by name, searched by name or phone, a page at a time. */
export async function listCustomers(db: Db, ctx: Ctx, input: ListInput) {
  const conditions: SQL[] = [sql`c.business_id = ${ctx.businessId}`];
  if (input.archived !== "all") conditions.push(sql`c.archived = ${input.archived === "true"}`);
  const search = input.q ? searchCondition(input.q, ctx.business.country) : undefined;
  if (search) conditions.push(search);
  if (input.owing) {
    conditions.push(sql`c.id in (select l.customer_id from customer_ledger l where l.business_id = ${ctx.businessId}
      group by l.customer_id having sum(l.amount) > 0)`);
  }
  if (input.cursor) {
    const [name, id] = decodeCursor(input.cursor, 2);
    conditions.push(sql`(lower(c.name), c.id) > (${name}, ${id}::uuid)`);
  }
  const rows = await inBusiness(db, ctx.businessId, (tx) =>
    queryRows<ListRow>(
      tx,
      sql`select c.id, c.name, c.phone, c.archived, c.credit_limit, lower(c.name) as sort_name, ${balanceOf(sql`c`)} as balance
          from customers c where ${sql.join(conditions, sql` and `)}
          order by lower(c.name), c.id limit ${input.limit + 1}`,
    ),
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      phone: r.phone,
      archived: r.archived,
      balance: Number(r.balance),
      creditLimit: r.credit_limit == null ? null : Number(r.credit_limit),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.sort_name, last.id]) : null,
  };
}
