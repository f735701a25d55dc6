import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { milliToNumeric } from "../../lib/quantity.js";
import { BATCH, forBatches } from "./imports.repository.js";

/** The SQL of bringing in past sales (decision 021): reads for matching, then set-based writes. */

export interface StoredImportedSale {
  id: string;
  external_ref: string;
  request_hash: string;
}

/** Sales brought in before under these receipt numbers (a batch of them: one statement, by index). */
export async function salesByRef(tx: Tx, businessId: string, refs: string[]) {
  const rows = await queryRows<StoredImportedSale>(
    tx,
    sql`select id, external_ref, request_hash from sales
        where business_id = ${businessId} and external_ref = any(array(
          select jsonb_array_elements_text(${JSON.stringify(refs)}::jsonb)))`,
  );
  return new Map(rows.map((r) => [r.external_ref, r]));
}

/**
 * A kept preview's receipts, `size` at a time, in date order (then file order), read through a
 * cursor in the caller's transaction: the server holds one batch, never the whole file. The ISO
 * instants sort as text, byte by byte, as they would in the server.
 */
export async function* keptReceipts<T>(tx: Tx, businessId: string, importId: string, size = BATCH) {
  await tx.execute(sql`declare kept_receipts no scroll cursor for
    select r.elem from imports i, jsonb_array_elements(i.payload->'records') with ordinality as r(elem, n)
    where i.business_id = ${businessId} and i.id = ${importId}
    order by r.elem->>'occurredAt' collate "C", r.n`);
  for (;;) {
    const rows = await queryRows<{ elem: T }>(tx, sql.raw(`fetch ${Math.trunc(size)} from kept_receipts`));
    if (rows.length) yield rows.map((r) => r.elem);
    if (rows.length < size) break;
  }
  // Closed only when read to the end: on an error the transaction rolls back, and that closes it.
  await tx.execute(sql`close kept_receipts`);
}

/** Every product (archived ones too: a past sale may name an item no longer sold), for matching lines. */
export function productsForLines(tx: Tx, businessId: string) {
  return queryRows<{ id: string; name: string; sku: string | null }>(
    tx,
    sql`select id, name, sku from products where business_id = ${businessId} order by archived, created_at`,
  );
}

export function customersForSales(tx: Tx, businessId: string) {
  return queryRows<{ id: string; name: string; phone: string | null; email: string | null }>(
    tx,
    sql`select id, name, phone, email from customers where business_id = ${businessId} order by created_at`,
  );
}

/** An item the file sold that the shop has no product for: kept, archived, so its past lines have a product. */
export async function insertArchivedProducts(
  tx: Tx,
  businessId: string,
  rows: { id: string; name: string; sku: string | null; price: number }[],
  at: string,
) {
  await forBatches(
    tx,
    rows,
    (batch) => sql`
      insert into products (id, business_id, name, sku, price, archived, created_at, updated_at)
      select v.id, ${businessId}, v.name, v.sku, v.price, true, ${at}, ${at}
      from jsonb_to_recordset(${batch}) as v(id uuid, name text, sku text, price bigint)`,
  );
}

/** Takes `count` receipt numbers from the business's counter; answers the first. */
export async function takeNumbers(tx: Tx, businessId: string, count: number): Promise<number> {
  const [row] = await queryRows<{ first: number }>(
    tx,
    sql`update businesses set next_sale_number = next_sale_number + ${count}::int where id = ${businessId}
        returning next_sale_number - ${count}::int as first`,
  );
  if (!row) throw new Error("the business row is missing");
  return Number(row.first);
}

export interface ImportedSaleRow {
  id: string;
  number: number | null;
  location_id: string;
  customer_id: string | null;
  occurred_at: string;
  business_date: string;
  subtotal: number;
  discount: number;
  total: number;
  payment_method: string | null;
  voided: boolean;
  hash: string;
  kind: string;
  ref: string;
  register: string | null;
  cashier: string | null;
  /** The file has the receipt's lines: its amounts are theirs. */
  has_lines: boolean;
}

const SALE_COLUMNS = sql`(id uuid, number int, location_id uuid, customer_id uuid, occurred_at timestamptz,
  business_date date, subtotal bigint, discount bigint, total bigint, payment_method text, voided boolean, hash text,
  kind text, ref text, register text, cashier text, has_lines boolean)`;

export async function insertImportedSales(
  tx: Tx,
  b: string,
  userId: string,
  rows: ImportedSaleRow[],
  reason: string,
  at: string,
) {
  await forBatches(
    tx,
    rows,
    (batch) => sql`
      insert into sales (id, business_id, number, location_id, user_id, customer_id, occurred_at, business_date,
        subtotal, discount, total, payment_method, status, voided_at, voided_by, void_reason, request_hash, kind,
        imported, external_ref, register, cashier_name, created_at)
      select v.id, ${b}, v.number, v.location_id, ${userId}, v.customer_id, v.occurred_at, v.business_date,
        v.subtotal, v.discount, v.total, coalesce(v.payment_method, 'cash'),
        case when v.voided then 'voided' else 'completed' end, case when v.voided then v.occurred_at end,
        case when v.voided then ${userId}::uuid end, case when v.voided then ${reason} end, v.hash, v.kind,
        true, v.ref, v.register, v.cashier, ${at}
      from jsonb_to_recordset(${batch}) as v${SALE_COLUMNS}`,
  );
}

/**
 * A receipt brought in again. A receipts file (no lines) leaves the amounts of a sale that has its
 * lines from a receipts-by-item file: the lines are the finer record, and both files agree.
 */
export async function updateImportedSales(tx: Tx, b: string, userId: string, rows: ImportedSaleRow[], reason: string) {
  await forBatches(
    tx,
    rows,
    (batch) => sql`
      update sales s set location_id = v.location_id, customer_id = coalesce(v.customer_id, s.customer_id),
        occurred_at = v.occurred_at, business_date = v.business_date,
        subtotal = case when v.has_lines or not exists (select 1 from sale_lines l
          where l.business_id = s.business_id and l.sale_id = s.id) then v.subtotal else s.subtotal end,
        discount = case when v.has_lines or not exists (select 1 from sale_lines l
          where l.business_id = s.business_id and l.sale_id = s.id) then v.discount else s.discount end,
        total = case when v.has_lines or not exists (select 1 from sale_lines l
          where l.business_id = s.business_id and l.sale_id = s.id) then v.total else s.total end,
        payment_method = coalesce(v.payment_method, s.payment_method),
        status = case when v.voided then 'voided' else 'completed' end,
        voided_at = case when v.voided then v.occurred_at end, voided_by = case when v.voided then ${userId}::uuid end,
        void_reason = case when v.voided then ${reason} end, request_hash = v.hash, kind = v.kind,
        register = coalesce(v.register, s.register), cashier_name = coalesce(v.cashier, s.cashier_name)
      from jsonb_to_recordset(${batch}) as v${SALE_COLUMNS}
      where s.business_id = ${b} and s.id = v.id`,
  );
}

export interface ImportedLineRow {
  sale_id: string;
  line_no: number;
  product_id: string;
  name: string;
  quantityMilli: number;
  unit_price: number;
  discount: number;
  line_total: number;
  unit_cost: number | null;
}

/** The lines of these sales, as the file gives them: what was there before goes. */
export async function replaceLines(tx: Tx, b: string, saleIds: string[], lines: ImportedLineRow[]) {
  await forBatches(
    tx,
    saleIds,
    (batch) => sql`delete from sale_lines where business_id = ${b}
      and sale_id in (select jsonb_array_elements_text(${batch})::uuid)`,
  );
  const rows = lines.map(({ quantityMilli, ...l }) => ({ ...l, quantity: milliToNumeric(quantityMilli) }));
  await forBatches(
    tx,
    rows,
    (batch) => sql`
      insert into sale_lines (business_id, sale_id, line_no, product_id, name, quantity, unit_price, discount,
        line_total, unit_cost)
      select ${b}, v.sale_id, v.line_no, v.product_id, v.name, v.quantity, v.unit_price, v.discount, v.line_total,
        v.unit_cost
      from jsonb_to_recordset(${batch}) as v(sale_id uuid, line_no int, product_id uuid, name text,
        quantity numeric, unit_price bigint, discount bigint, line_total bigint, unit_cost bigint)`,
  );
}

/**
 * Sales and lines written a moment ago in this transaction have no planner statistics yet, so the
 * summary statement would loop over them one by one (a minute per 1,000 sales). For the import's
 * summary statements the planner is told to hash them instead; `false` sets it back.
 */
export async function hashJoinsOnly(tx: Tx, on: boolean) {
  await tx.execute(on ? sql`set local enable_nestloop = off` : sql`set local enable_nestloop = on`);
}
