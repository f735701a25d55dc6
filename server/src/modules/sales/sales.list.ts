import type { SaleList, SaleListQuery } from "@duka/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { notFound } from "../../lib/errors.js";
import { sees } from "../auth/policy.js";
import { decodeCursor, encodeCursor } from "../customers/search.js";
import { loadSale } from "./sale-view.js";

type Query = z.output<typeof SaleListQuery>;

interface Row {
  id: string;
  number: number;
  occurred_at: string | Date;
  provisional: string | null;
  at_key: string;
  business_date: string;
  location_id: string;
  user_id: string;
  customer_id: string | null;
  subtotal: string | number;
  discount: string | number;
  total: string | number;
  status: "completed" | "voided";
  payment_method: string;
  payment_reference: string | null;
  refunded: string | number;
  line_count: number;
  location_name: string;
  staff_name: string;
  customer_name: string | null;
}

/** Sales newest first, filtered; staff see their own sales whatever they ask for. */
export function listSales(db: Db, ctx: Ctx, query: Query): Promise<SaleList> {
  const where: SQL[] = [sql`s.business_id = ${ctx.businessId}`];
  const userId = sees.allSales(ctx) ? query.userId : ctx.userId;
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
  return inBusiness(db, ctx.businessId, async (tx) => {
    const rows = await queryRows<Row>(
      tx,
      sql`select s.id, s.number, s.occurred_at, s.occurred_at::text as at_key, s.business_date::text as business_date,
            s.location_id, s.user_id, s.customer_id, s.subtotal, s.discount, s.total, s.status, s.payment_method,
            s.payment_reference,
            s.offline->>'provisional' as provisional,
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
        refunded: Number(r.refunded),
        paymentMethod: r.payment_method,
        paymentReference: r.payment_reference,
        provisional: r.provisional,
        lineCount: r.line_count,
        locationName: r.location_name,
        staffName: r.staff_name,
        customerName: r.customer_name,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.at_key, last.id]) : null,
    };
  });
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

export async function getSale(db: Db, ctx: Ctx, id: string) {
  const sale = await inBusiness(db, ctx.businessId, (tx) => loadSale(tx, ctx, id));
  if (!sale) throw notFound("Sale");
  return sale;
}
