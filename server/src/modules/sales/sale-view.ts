import { BUILT_IN_PAYMENT_METHODS, type Sale } from "@duka/contracts";
import { and, asc, eq, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { type OfflineMarkRow, saleLines } from "../../db/schema.js";
import type { Ctx } from "../../lib/context.js";
import { fromMilli, parseMilli } from "../../lib/quantity.js";
import { sees } from "../auth/policy.js";
import { withDefaults } from "../business/business.service.js";
import { paymentLabel } from "./pricing.js";

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
  refunded: string | number;
  location_name: string;
  staff_name: string;
  customer_name: string | null;
  customer_phone: string | null;
  settings: unknown;
}

const iso = (d: string | Date) => new Date(d).toISOString();

/**
 * One sale as every route answers it: amounts, lines and the names a receipt prints. Staff only
 * ever see their own sales; anyone else's answers as missing.
 */
export async function loadSale(tx: Tx, ctx: Ctx, id: string): Promise<Sale | undefined> {
  const [s] = await queryRows<SaleRow>(
    tx,
    sql`select s.id, s.number, s.occurred_at, s.business_date::text as business_date, s.backdated, s.offline, s.location_id,
          s.user_id, s.customer_id, s.subtotal, s.discount, s.total, s.payment_method, s.amount_tendered,
          s.payment_reference, s.note,
          s.status, s.voided_at, s.void_reason, l.name as location_name, u.name as staff_name, c.name as customer_name,
          c.phone as customer_phone, b.settings,
          (select coalesce(sum(p.amount), 0)::bigint from payments p
            where p.business_id = s.business_id and p.sale_id = s.id and p.kind = 'refund') as refunded
        from sales s
        join locations l on l.business_id = s.business_id and l.id = s.location_id
        join users u on u.business_id = s.business_id and u.id = s.user_id
        join businesses b on b.id = s.business_id
        left join customers c on c.business_id = s.business_id and c.id = s.customer_id
        where s.business_id = ${ctx.businessId} and s.id = ${id}
          ${sees.allSales(ctx) ? sql`` : sql`and s.user_id = ${ctx.userId}`}`,
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
