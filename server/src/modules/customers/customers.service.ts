import type { CreateCustomerBody, CustomerListQuery, UpdateCustomerBody } from "@duka/contracts";
import type { z } from "zod";
import type { Db, Queryable, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { isUniqueViolation } from "../../lib/db-errors.js";
import { conflict, forbidden, notFound } from "../../lib/errors.js";
import { audit } from "../audit/audit.service.js";
import { can } from "../auth/permissions.js";
import { decodeCursor, encodeCursor } from "./cursor.js";
import {
  customerWithPhone,
  findCustomerDetail,
  findCustomerRow,
  findCustomers,
  insertCustomer,
  updateCustomerRow,
} from "./customers.repository.js";
import { normalisePhone } from "./phone.js";

type CreateInput = z.output<typeof CreateCustomerBody>;
type UpdateInput = z.output<typeof UpdateCustomerBody> & { now: Date };
type ListInput = z.output<typeof CustomerListQuery>;

/** Everything known about one customer; the route trims it to what the caller's role may see. */
async function loadDetail(tx: Queryable, ctx: Ctx, id: string) {
  const detail = await findCustomerDetail(tx, ctx.businessId, id);
  if (!detail) throw notFound("Customer");
  return detail;
}

export function getCustomer(db: Db, ctx: Ctx, id: string) {
  return inBusiness(db, ctx.businessId, (tx) => loadDetail(tx, ctx, id));
}

/** The same phone twice in a business is refused, pointing at the customer who already has it. */
async function duplicatePhone(db: Db, ctx: Ctx, phone: string) {
  const existing = await inBusiness(db, ctx.businessId, (tx) => customerWithPhone(tx, ctx.businessId, phone));
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
        const earlier = await findCustomerRow(tx, ctx.businessId, input.id, false);
        if (earlier && earlier.name !== input.name) throw customerIdTaken();
        if (earlier) return { ...(await loadDetail(tx, ctx, input.id)), replay: true };
      }
      const row = {
        id: await insertCustomer(tx, ctx.businessId, {
          ...(input.id ? { id: input.id } : {}),
          name: input.name,
          phone,
          email: input.email ?? null,
          address: input.address ?? null,
          notes: input.notes ?? null,
          tags: input.tags ?? [],
          creditLimit: input.creditLimit ?? null,
        }),
      };
      await audit(tx, { businessId: ctx.businessId, userId: ctx.userId, action: "customer.created", entityId: row.id });
      return { ...(await loadDetail(tx, ctx, row.id)), replay: false };
    }),
  );
}

const customerIdTaken = () =>
  conflict("idempotency_conflict", "This customer id was already used for someone else. Add the customer again.");

async function customerRow(tx: Tx, ctx: Ctx, id: string, forUpdate: boolean) {
  const row = await findCustomerRow(tx, ctx.businessId, id, forUpdate);
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
      await updateCustomerRow(tx, ctx.businessId, id, {
        ...fields,
        ...(phone !== undefined ? { phone } : {}),
        updatedAt: input.now,
      });
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

/** Customers by name, searched by name or phone, a page at a time. */
export async function listCustomers(db: Db, ctx: Ctx, input: ListInput) {
  const after = input.cursor ? decodeCursor(input.cursor, 2) : undefined;
  const filter = {
    archived: input.archived === "all" ? ("all" as const) : input.archived === "true",
    q: input.q,
    country: ctx.business.country,
    owing: input.owing,
    after: after ? { name: after[0] as string, id: after[1] as string } : undefined,
    limit: input.limit + 1,
  };
  const rows = await inBusiness(db, ctx.businessId, (tx) => findCustomers(tx, ctx.businessId, filter));
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ sortName: _, ...item }) => item),
    nextCursor: rows.length > input.limit && last ? encodeCursor([last.sortName, last.id]) : null,
  };
}
