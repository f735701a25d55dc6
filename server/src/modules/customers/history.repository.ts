import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { saleLines } from "../../db/schema.js";
import { signed } from "../sales/sale-read.repository.js";
import { decodeCursor, encodeCursor } from "./cursor.js";

interface SaleRow {
  id: string;
  number: number;
  occurred_at: Date | string;
  /** Full precision (microseconds), so the cursor neither skips nor repeats a sale. */
  at_key: string;
  business_date: string;
  status: "completed" | "voided";
  kind: "sale" | "refund";
  payment_method: string;
  subtotal: string | number;
  discount: string | number;
  total: string | number;
}

/** One customer's sales, newest first, with their lines. */
export async function customerSalesPage(
  tx: Tx,
  businessId: string,
  customerId: string,
  cursor: string | undefined,
  limit: number,
) {
  const after = cursor ? decodeCursor(cursor, 2) : undefined;
  const rows = await queryRows<SaleRow>(
    tx,
    sql`select s.id, s.number, s.occurred_at, s.occurred_at::text as at_key, s.business_date::text as business_date,
          s.status, s.kind, s.payment_method,
          ${signed("s", "subtotal")} as subtotal, ${signed("s", "discount")} as discount, ${signed("s", "total")} as total
        from sales s where s.business_id = ${businessId} and s.customer_id = ${customerId}
        ${after ? sql`and (s.occurred_at, s.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
        order by s.occurred_at desc, s.id desc limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const lines = page.length
    ? await tx
        .select()
        .from(saleLines)
        .where(
          and(
            eq(saleLines.businessId, businessId),
            inArray(
              saleLines.saleId,
              page.map((s) => s.id),
            ),
          ),
        )
        .orderBy(asc(saleLines.lineNo))
    : [];
  const items = page.map((s) => ({
    id: s.id,
    number: s.number,
    occurredAt: new Date(s.occurred_at).toISOString(),
    businessDate: s.business_date,
    status: s.status,
    kind: s.kind,
    paymentMethod: s.payment_method,
    subtotal: Number(s.subtotal),
    discount: Number(s.discount),
    total: Number(s.total),
    lines: lines
      .filter((l) => l.saleId === s.id)
      .map((l) => ({
        lineNo: l.lineNo,
        productId: l.productId,
        name: l.name,
        quantity: Number(l.quantity),
        unitPrice: l.unitPrice,
        discount: l.discount,
        lineTotal: l.lineTotal,
        refundedQuantity: Number(l.refundedQuantity),
      })),
  }));
  const last = page.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.at_key, last.id]) : null };
}

/**
 * Totals over completed sales only: a voided sale was never a purchase. Money refunded (payments of
 * kind "refund" against the customer's sales) comes off what they spent, and off the month of the sale.
 * A visit is a day on which
 * they bought something: three sales in one trip to the shop are one visit.
 */
export async function customerSummary(tx: Tx, businessId: string, customerId: string) {
  const mine = sql`s.business_id = ${businessId} and s.customer_id = ${customerId} and s.status = 'completed'`;
  // A refund receipt brought in (decision 021) is money and goods that came back: it counts against
  // what was spent and bought, and is neither a sale nor a visit.
  const isSale = sql.raw(`s.kind = 'sale'`);
  const bought = sql.raw(`case when s.kind = 'refund' then -l.quantity else l.quantity - l.refunded_quantity end`);
  const [totals] = await queryRows<{
    spent: string | number;
    refunded: string | number;
    sales: number;
    visits: number;
    first: string | null;
    last: string | null;
  }>(
    tx,
    sql`select coalesce(sum(${signed("s", "total")}), 0)::bigint as spent, count(*) filter (where ${isSale})::int as sales,
          count(distinct s.business_date) filter (where ${isSale})::int as visits,
          min(s.business_date)::text as first, max(s.business_date)::text as last,
          (select coalesce(sum(p.amount), 0)::bigint from payments p join sales s on s.business_id = p.business_id
             and s.id = p.sale_id where p.kind = 'refund' and ${mine}) as refunded
        from sales s where ${mine}`,
  );
  const months = await queryRows<{ month: string; sales: number; total: string | number }>(
    tx,
    sql`select to_char(s.business_date, 'YYYY-MM') as month, count(*) filter (where ${isSale})::int as sales,
          sum(${signed("s", "total")} - coalesce((select sum(p.amount) from payments p
            where p.business_id = s.business_id and p.sale_id = s.id and p.kind = 'refund'), 0))::bigint as total
        from sales s where ${mine} group by 1 order by 1`,
  );
  const favourites = await queryRows<{ product_id: string; name: string; quantity: string | number }>(
    tx,
    sql`select l.product_id, p.name, sum(${bought}) as quantity
        from sale_lines l
        join sales s on s.business_id = l.business_id and s.id = l.sale_id
        join products p on p.business_id = l.business_id and p.id = l.product_id
        where ${mine} group by l.product_id, p.name having sum(${bought}) > 0
        order by quantity desc, p.name limit 5`,
  );
  return {
    totalSpent: Number(totals?.spent ?? 0) - Number(totals?.refunded ?? 0),
    salesCount: totals?.sales ?? 0,
    visits: totals?.visits ?? 0,
    firstVisit: totals?.first ?? null,
    lastVisit: totals?.last ?? null,
    months: months.map((m) => ({ month: m.month, salesCount: m.sales, total: Number(m.total) })),
    favouriteProducts: favourites.map((f) => ({ productId: f.product_id, name: f.name, quantity: Number(f.quantity) })),
  };
}
