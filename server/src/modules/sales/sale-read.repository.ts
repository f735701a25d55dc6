import { BUILT_IN_PAYMENT_METHODS, type Sale, type SaleList, type SaleListQuery } from "@duka/contracts";
import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { queryRows, type Tx } from "../../db/client.js";
import { type OfflineMarkRow, saleLines } from "../../db/schema.js";
import type { Ctx } from "../../lib/context.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";
import { withDefaults } from "../business/business.repository.js";
import { decodeCursor, encodeCursor } from "../customers/cursor.js";
import { paymentLabel } from "./pricing.js";

type Query = z.output<typeof SaleListQuery>;

interface SaleRow {
  id: string;
  /** Null only inside the transaction recording the sale, which takes its number last. */
  number: number | null;
  occurred_at: string | Date;
  business_date: string;
  backdated: boolean;
  offline: OfflineMarkRow | null;
  location_id: string;
  user_id: string;
  customer_id: string | null;
  subtotal: string | number;
  discount: string | number;
  total: string | number;
  payment_method: string;
  amount_tendered: string | number | null;
  payment_reference: string | null;
  note: string | null;
  status: "completed" | "voided";
  voided_at: string | Date | null;
  void_reason: string | null;
  kind: "sale" | "refund";
  imported: boolean;
  external_ref: string | null;
  refunded: string | number;
  location_name: string;
  staff_name: string;
  customer_name: string | null;
  customer_phone: string | null;
  settings: unknown;
}

const iso = (d: string | Date) => new Date(d).toISOString();

/**
 * One sale as every route answers it: amounts, lines and the names a receipt prints (the business's
 * own from ctx). With `onlyBy`, another user's sale answers as missing.
 */
export async function findSale(tx: Tx, ctx: Ctx, id: string, onlyBy: string | null): Promise<Sale | undefined> {
  const [s] = await queryRows<SaleRow>(
    tx,
    sql`select s.id, s.number, s.occurred_at, s.business_date::text as business_date, s.backdated, s.offline, s.location_id,
          s.user_id, s.customer_id, s.subtotal, s.discount, s.total, s.payment_method, s.amount_tendered,
          s.payment_reference, s.note,
          s.status, s.voided_at, s.void_reason, s.kind, s.imported, s.external_ref, l.name as location_name, u.name as staff_name, c.name as customer_name,
          c.phone as customer_phone, b.settings,
          (select coalesce(sum(p.amount), 0)::bigint from payments p
            where p.business_id = s.business_id and p.sale_id = s.id and p.kind = 'refund') as refunded
        from sales s
        join locations l on l.business_id = s.business_id and l.id = s.location_id
        join users u on u.business_id = s.business_id and u.id = s.user_id
        join businesses b on b.id = s.business_id
        left join customers c on c.business_id = s.business_id and c.id = s.customer_id
        where s.business_id = ${ctx.businessId} and s.id = ${id}
          ${onlyBy ? sql`and s.user_id = ${onlyBy}` : sql``}`,
  );
  if (!s) return undefined;
  const lines = await tx
    .select()
    .from(saleLines)
    .where(and(eq(saleLines.businessId, ctx.businessId), eq(saleLines.saleId, id)))
    .orderBy(asc(saleLines.lineNo));
  const settings = withDefaults(s.settings);
  const total = Number(s.total);
  const tendered = s.amount_tendered === null ? null : Number(s.amount_tendered);
  return {
    id: s.id,
    number: s.number ?? 0,
    occurredAt: iso(s.occurred_at),
    businessDate: s.business_date,
    backdated: s.backdated,
    offline: s.offline ?? null,
    locationId: s.location_id,
    userId: s.user_id,
    customerId: s.customer_id,
    subtotal: Number(s.subtotal),
    discount: Number(s.discount),
    total,
    amountTendered: tendered,
    change: tendered === null ? null : tendered - total,
    payment: {
      method: s.payment_method,
      label: paymentLabel(settings, s.payment_method, BUILT_IN_PAYMENT_METHODS) ?? s.payment_method,
      reference: s.payment_reference,
    },
    status: s.status,
    note: s.note,
    refunded: Number(s.refunded),
    voidedAt: s.voided_at === null ? null : iso(s.voided_at),
    voidReason: s.void_reason,
    kind: s.kind,
    imported: s.imported,
    externalRef: s.external_ref,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      productId: l.productId,
      name: l.name,
      quantity: fromMilli(parseMilli(l.quantity)),
      unitPrice: l.unitPrice,
      discount: l.discount,
      lineTotal: l.lineTotal,
      refundedQuantity: fromMilli(parseMilli(l.refundedQuantity)),
    })),
    receipt: {
      businessName: ctx.business.name,
      locationName: s.location_name,
      staffName: s.staff_name,
      customerName: s.customer_name,
      customerPhone: s.customer_phone,
      currency: ctx.business.currency,
      timeZone: ctx.business.timeZone,
    },
  };
}

interface Row {
  id: string;
  number: number;
  occurred_at: string | Date;
  provisional: string | null;
  over_limit: boolean;
  at_key: string;
  business_date: string;
  location_id: string;
  user_id: string;
  customer_id: string | null;
  subtotal: string | number;
  discount: string | number;
  total: string | number;
  status: "completed" | "voided";
  kind: "sale" | "refund";
  imported: boolean;
  payment_method: string;
  payment_reference: string | null;
  refunded: string | number;
  line_count: number;
  location_name: string;
  staff_name: string;
  customer_name: string | null;
}

/**
 * An amount as a list shows it: a refund receipt's (stored positive, decision 021) is money that went
 * back, so it reads negative wherever sales are listed or added up.
 */
export const signed = (table: string, column: string) =>
  sql.raw(`(case when ${table}.kind = 'refund' then -${table}.${column} else ${table}.${column} end)`);

/** A page of sales newest first, filtered (the caller has already chosen whose: `query.userId`). */
export async function findSalePage(tx: Tx, businessId: string, query: Query): Promise<SaleList> {
  const where: SQL[] = [sql`s.business_id = ${businessId}`];
  const userId = query.userId;
  if (userId) where.push(sql`s.user_id = ${userId}`);
  if (query.from) where.push(sql`s.business_date >= ${query.from}::date`);
  if (query.to) where.push(sql`s.business_date <= ${query.to}::date`);
  if (query.locationId) where.push(sql`s.location_id = ${query.locationId}`);
  if (query.customerId) where.push(sql`s.customer_id = ${query.customerId}`);
  if (query.paymentMethod) where.push(sql`s.payment_method = ${query.paymentMethod}`);
  if (query.status) where.push(sql`s.status = ${query.status}`);
  if (query.q) where.push(searchTerm(query.q));
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    where.push(sql`(s.occurred_at, s.id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  {
    const rows = await queryRows<Row>(
      tx,
      sql`select s.id, s.number, s.occurred_at, s.occurred_at::text as at_key, s.business_date::text as business_date,
            s.location_id, s.user_id, s.customer_id, ${signed("s", "subtotal")} as subtotal, ${signed("s", "discount")} as discount,
            ${signed("s", "total")} as total, s.status, s.kind, s.imported, s.payment_method,
            s.payment_reference,
            s.offline->>'provisional' as provisional, coalesce((s.offline->>'overLimit')::boolean, false) as over_limit,
            l.name as location_name, u.name as staff_name, c.name as customer_name,
            (select count(*)::int from sale_lines sl where sl.business_id = s.business_id and sl.sale_id = s.id) as line_count,
            (select coalesce(sum(p.amount), 0)::bigint from payments p
              where p.business_id = s.business_id and p.sale_id = s.id and p.kind = 'refund') as refunded
          from sales s
          join locations l on l.business_id = s.business_id and l.id = s.location_id
          join users u on u.business_id = s.business_id and u.id = s.user_id
          left join customers c on c.business_id = s.business_id and c.id = s.customer_id
          where ${sql.join(where, sql` and `)}
          order by s.occurred_at desc, s.id desc limit ${query.limit + 1}`,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        id: r.id,
        number: r.number,
        occurredAt: new Date(r.occurred_at).toISOString(),
        businessDate: r.business_date,
        locationId: r.location_id,
        userId: r.user_id,
        customerId: r.customer_id,
        subtotal: Number(r.subtotal),
        discount: Number(r.discount),
        total: Number(r.total),
        status: r.status,
        kind: r.kind,
        imported: r.imported,
        refunded: Number(r.refunded),
        paymentMethod: r.payment_method,
        paymentReference: r.payment_reference,
        provisional: r.provisional,
        overLimit: r.over_limit,
        lineCount: r.line_count,
        locationName: r.location_name,
        staffName: r.staff_name,
        customerName: r.customer_name,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.at_key, last.id]) : null,
    };
  }
}

/**
 * A receipt number ("12" or "#12"), a provisional one ("K7Q-12"), or a transaction code or its first
 * characters, typed however (codes are kept in capitals without spaces, PaymentReference).
 */
function searchTerm(q: string): SQL {
  const code = q.replace(/[\s-]/g, "").toUpperCase();
  const like = `${code.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const terms = [sql`s.offline->>'provisional' = ${q.toUpperCase()}`];
  if (code) terms.push(sql`s.payment_reference like ${like}`);
  const number = /^#?(\d{1,9})$/.exec(q);
  if (number) terms.push(sql`s.number = ${Number(number[1])}`);
  return sql`(${sql.join(terms, sql` or `)})`;
}
