import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import type { ExistingCustomer, PlannedCustomer } from "./customers.import.js";
import { forBatches } from "./imports.repository.js";

/** The SQL of bringing in customers: every customer with their balance, then the plan's writes. */

export function customersWithBalances(tx: Tx, businessId: string) {
  return queryRows<ExistingCustomer>(
    tx,
    sql`select c.id, c.name, c.phone, c.email, c.address, c.credit_limit::float8 as credit_limit,
          coalesce((select sum(l.amount) from customer_ledger l
                    where l.business_id = c.business_id and l.customer_id = c.id), 0)::float8 as balance
        from customers c where c.business_id = ${businessId}`,
  );
}

const COLUMNS = sql`(id uuid, name text, phone text, email text, address text, credit_limit bigint)`;

export async function applyCustomers(tx: Tx, ctx: Ctx, items: PlannedCustomer[], note: string, now: Date) {
  const b = ctx.businessId;
  const at = now.toISOString();
  const toRow = ({ record: r, id }: PlannedCustomer) => ({
    id,
    name: r.name,
    phone: r.phone ?? null,
    email: r.email ?? null,
    address: r.address ?? null,
    credit_limit: r.creditLimit ?? null,
  });
  await forBatches(
    tx,
    items.filter((i) => i.action === "new").map(toRow),
    (batch) => sql`
      insert into customers (id, business_id, name, phone, email, address, credit_limit, created_at, updated_at)
      select v.id, ${b}, v.name, v.phone, v.email, v.address, v.credit_limit, ${at}, ${at}
      from jsonb_to_recordset(${batch}) as v${COLUMNS}`,
  );
  await forBatches(
    tx,
    items.filter((i) => i.action === "update").map(toRow),
    (batch) => sql`
      update customers c set name = v.name, email = coalesce(v.email, c.email),
        address = coalesce(v.address, c.address), credit_limit = coalesce(v.credit_limit, c.credit_limit),
        updated_at = ${at}
      from jsonb_to_recordset(${batch}) as v${COLUMNS}
      where c.business_id = ${b} and c.id = v.id`,
  );
  const entries = items.filter((i) => i.balanceChange !== 0).map((i) => ({ id: i.id, amount: i.balanceChange }));
  await forBatches(
    tx,
    entries,
    (batch) => sql`
      insert into customer_ledger (business_id, customer_id, kind, amount, note, user_id, created_at)
      select ${b}, v.id, 'opening', v.amount, ${note}, ${ctx.userId}, ${at}
      from jsonb_to_recordset(${batch}) as v(id uuid, amount bigint)`,
  );
}
