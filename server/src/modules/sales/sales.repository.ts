import type { BusinessSettings } from "@duka/contracts";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { type OfflineMarkRow, sales } from "../../db/schema.js";
import type { Ctx } from "../../lib/context.js";
import { milliToNumeric } from "../../lib/quantity.js";
import { withDefaults } from "../business/business.repository.js";
import { EVENTS_CHANNEL, eventText } from "../events/events.service.js";
import { summaryCtes } from "../summaries/summary-writer.repository.js";
import type { PricedLine, PricedProduct } from "./pricing.js";

/**
 * The SQL of recording a sale, in as few round trips as the rules allow: one read of everything
 * the sale refers to, then one statement that writes it all (decision 012-sale-write-path).
 */

export interface SaleInputs {
  settings: BusinessSettings;
  location: { id: string; name: string; active: boolean } | null;
  products: (PricedProduct & { archived: boolean })[];
  customer: { id: string; name: string; phone: string | null; archived: boolean; creditLimit: number | null } | null;
  /** A sale already stored under this id in this business (a retry, or a reused id). */
  earlier: { requestHash: string; userId: string } | null;
}

/**
 * The business's settings, the location (the one asked for, else the user's first open one), the
 * products, the customer (locked for a sale on credit, so concurrent credit sales take turns) and
 * any sale already stored under the id, in one query.
 */
export async function readSaleInputs(
  tx: Tx,
  ctx: Ctx,
  q: { saleId: string; locationId: string | undefined; productIds: string[]; customerId: string | null; lock: boolean },
): Promise<SaleInputs> {
  const b = ctx.businessId;
  const location = q.locationId
    ? sql`l.id = ${q.locationId}::uuid`
    : ctx.locationIds
      ? sql`l.active and l.id in (${sql.join(
          ctx.locationIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql`l.active`;
  const customer = q.customerId
    ? sql`(select json_build_object('id', c.id, 'name', c.name, 'phone', c.phone, 'archived', c.archived, 'creditLimit', c.credit_limit)
          from customers c where c.business_id = ${b} and c.id = ${q.customerId}::uuid ${q.lock ? sql`for update` : sql``})`
    : sql`null::json`;
  const [row] = await queryRows<Omit<SaleInputs, "settings"> & { settings: unknown }>(
    tx,
    sql`select b.settings,
          (select json_build_object('id', l.id, 'name', l.name, 'active', l.active) from locations l
            where l.business_id = ${b} and ${location} order by l.created_at, l.id limit 1) as location,
          (select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'price', p.price,
              'priceAtSale', p.price_at_sale, 'cost', p.cost, 'archived', p.archived)), '[]'::json)
            from products p where p.business_id = ${b} and p.id in (${sql.join(
              [...new Set(q.productIds)].map((id) => sql`${id}::uuid`),
              sql`, `,
            )})) as products,
          ${customer} as customer,
          (select json_build_object('requestHash', s.request_hash, 'userId', s.user_id) from sales s
            where s.business_id = ${b} and s.id = ${q.saleId}::uuid) as earlier
        from businesses b where b.id = ${b}`,
  );
  if (!row) throw new Error("the business row is missing");
  return { ...row, settings: withDefaults(row.settings) };
}

export interface SaleRowInput {
  id: string;
  locationId: string;
  customerId: string | null;
  occurredAt: Date;
  businessDate: string;
  subtotal: number;
  discount: number;
  total: number;
  paymentMethod: string;
  amountTendered: number | null;
  paymentReference: string | null;
  note: string | null;
  backdated: boolean;
  requestHash: string;
  now: Date;
  lines: PricedLine[];
  /** One per product, merged and in product-id order (stock.ts): what leaves the shelf. */
  stock: { productId: string; quantityMilli: number; unitCost: number | null }[];
  /** The single decision on stock going below zero (the shop's setting; an offline sale's rule). */
  allowNegative: boolean;
  /** The customer's credit book gets the total (a sale on credit). */
  onCredit: boolean;
  audit: { action: string; details: Record<string, unknown>; ip: string | null };
}

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

/**
 * The whole sale in one statement: the receipt number, the sale, its lines, the payment, the credit
 * entry, the daily summaries (from the RETURNING of the sale and its lines, the same SQL a rebuild
 * runs), every line's stock level and movement, the audit row and the notifies. Rows are locked in
 * the order every writer uses: the business's counter, the summary rows, then stock levels in
 * product order. Answers the number (null when the id is already taken) and the products whose
 * stock moved: fewer than asked means not enough stock, and the caller rolls back.
 */
export async function insertSale(tx: Tx, ctx: Ctx, s: SaleRowInput) {
  const b = ctx.businessId;
  const at = s.now.toISOString();
  const lines = s.lines.map((l) => ({
    line_no: l.lineNo,
    product_id: l.productId,
    name: l.name,
    quantity: milliToNumeric(l.quantityMilli),
    unit_price: l.unitPrice,
    discount: l.discount,
    line_total: l.lineTotal,
    unit_cost: l.unitCost,
  }));
  const stock = s.stock.map((m) => ({
    product_id: m.productId,
    quantity: milliToNumeric(m.quantityMilli),
    unit_cost: m.unitCost,
  }));
  const allow = sql`${s.allowNegative}::boolean`;
  const notify = (event: Parameters<typeof eventText>[1]) => sql`pg_notify(${EVENTS_CHANNEL}, ${eventText(b, event)})`;
  const [row] = await queryRows<{ number: number | null; moved: string[]; summarised: number }>(
    tx,
    sql`with counter as (
          update businesses set next_sale_number = next_sale_number + 1 where id = ${b}
          returning next_sale_number - 1 as number
        ), new_sale as (
          insert into sales (id, business_id, number, location_id, user_id, customer_id, occurred_at, business_date,
            subtotal, discount, total, payment_method, amount_tendered, payment_reference, note, backdated, request_hash,
            created_at)
          select ${s.id}::uuid, ${b}::uuid, counter.number, ${s.locationId}::uuid, ${ctx.userId}::uuid,
            ${s.customerId}::uuid, ${s.occurredAt.toISOString()}::timestamptz, ${s.businessDate}::date, ${s.subtotal},
            ${s.discount}, ${s.total}, ${s.paymentMethod}, ${s.amountTendered}::bigint, ${s.paymentReference}, ${s.note}, ${s.backdated},
            ${s.requestHash}, ${at}::timestamptz
          from counter
          on conflict (business_id, id) do nothing
          returning *
        ), new_lines as (
          insert into sale_lines (business_id, sale_id, line_no, product_id, name, quantity, unit_price, discount,
            line_total, unit_cost)
          select s.business_id, s.id, l.line_no, l.product_id, l.name, l.quantity, l.unit_price, l.discount,
            l.line_total, l.unit_cost
          from new_sale s, jsonb_to_recordset(${json(lines)}) as l(line_no int, product_id uuid, name text,
            quantity numeric, unit_price bigint, discount bigint, line_total bigint, unit_cost bigint)
          returning *
        ), no_refunds as (
          select * from payments where false
        ), new_payment as (
          insert into payments (business_id, kind, sale_id, customer_id, method, amount, user_id, created_at)
          select s.business_id, 'sale', s.id, s.customer_id, s.payment_method, s.total, s.user_id, s.created_at
          from new_sale s where s.total > 0
        ), new_credit as (
          insert into customer_ledger (business_id, customer_id, kind, amount, sale_id, user_id, created_at)
          select s.business_id, s.customer_id, 'credit_sale', s.total, s.id, s.user_id, s.occurred_at
          from new_sale s where ${s.onCredit}::boolean and s.customer_id is not null and s.total > 0
        ), ${summaryCtes({ sales: "new_sale", lines: "new_lines", refunds: "no_refunds" }, 1)},
        needed as (
          select * from jsonb_to_recordset(${json(stock)}) as m(product_id uuid, quantity numeric, unit_cost bigint)
        ), level as (
          ${takeStock(b, s.locationId, at, allow)}
        ), movements as (
          insert into stock_movements (business_id, product_id, location_id, kind, quantity, level_after, unit_cost,
            sale_id, user_id, created_at)
          select ${b}::uuid, v.product_id, ${s.locationId}::uuid, 'sale', -m.quantity, v.quantity, m.unit_cost,
            s.id, s.user_id, ${at}::timestamptz
          from level v join needed m on m.product_id = v.product_id cross join new_sale s
        ), new_audit as (
          insert into audit_log (business_id, user_id, action, entity, entity_id, details, ip, at)
          select s.business_id, s.user_id, ${s.audit.action}, 'sale', s.id::text, ${json(s.audit.details)},
            ${s.audit.ip}, ${at}::timestamptz
          from new_sale s
        )
        select (select number from new_sale) as number,
          (select count(*) from summary_daily)::int + (select count(*) from summary_monthly)::int
            + (select count(*) from summary_products)::int + (select count(*) from summary_product_months)::int
            as summarised,
          (select coalesce(json_agg(product_id), '[]'::json) from level) as moved,
          ${notify({ type: "sale.created", locationId: s.locationId, payload: { saleId: s.id, total: s.total } })},
          ${notify({ type: "stock.changed", locationId: s.locationId })}`,
  );
  if (!row) throw new Error("the sale statement answered nothing");
  return { number: row.number, moved: new Set(row.moved) };
}

/**
 * Takes each needed product's quantity off its level at the location, in product order. A level
 * goes below zero only where `allow` says so, or where nobody has counted the stock yet
 * (decision 014-stock-not-counted: the sale is recorded and the product stays on the "count me"
 * list); counted stock is never oversold. A product with no level row there has not been counted
 * either, so its row starts at minus the quantity.
 */
function takeStock(businessId: string, locationId: string, at: string, allow: SQL): SQL {
  return sql`insert into stock_levels as sl (business_id, product_id, location_id, quantity, updated_at)
    select ${businessId}::uuid, m.product_id, ${locationId}::uuid, -m.quantity, ${at}::timestamptz from needed m
    order by m.product_id
    on conflict (product_id, location_id) do update
      set quantity = sl.quantity + excluded.quantity, updated_at = excluded.updated_at
      where ${allow} or sl.counted_at is null or sl.quantity + excluded.quantity >= 0
    returning sl.product_id, sl.quantity`;
}

/** The levels of the products a refused sale wanted, to say which one is short. */
export async function stockLevels(tx: Tx, ctx: Ctx, locationId: string, productIds: string[]) {
  const rows = await queryRows<{ product_id: string; quantity: string }>(
    tx,
    sql`select product_id, quantity::text as quantity from stock_levels
        where business_id = ${ctx.businessId} and location_id = ${locationId}::uuid
          and product_id in (${sql.join(
            productIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
  );
  return new Map(rows.map((r) => [r.product_id, r.quantity]));
}

/** The request hash and maker of a sale already stored under this id, if any. */
export async function findEarlierSale(tx: Tx, businessId: string, id: string) {
  const [row] = await tx
    .select({ requestHash: sales.requestHash, userId: sales.userId })
    .from(sales)
    .where(and(eq(sales.businessId, businessId), eq(sales.id, id)));
  return row;
}

/** What the owner should check on a sale made offline, stored with it. */
export async function setOfflineMark(tx: Tx, businessId: string, saleId: string, mark: OfflineMarkRow) {
  await tx
    .update(sales)
    .set({ offline: mark })
    .where(and(eq(sales.businessId, businessId), eq(sales.id, saleId)));
}
