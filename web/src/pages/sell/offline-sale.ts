import type { CreateSaleBody } from "@duka/contracts";
import type { Me } from "../../api/auth";
import type { Sale } from "../../api/sales";
import { queueSale } from "../../data/outbox";
import { type Cart, cartAmounts } from "./cart";
import { methodLabel } from "./payment";

/**
 * Keeps a sale on the phone when the server cannot be reached: every line carries the price the
 * customer is charged (kept even if it changes before the sale arrives), and the answer is a sale
 * as the phone knows it, numbered provisionally until the server numbers it.
 */
export async function keepOffline(cart: Cart, body: CreateSaleBody, me: Me, locationName: string): Promise<Sale> {
  const priced: CreateSaleBody = {
    ...body,
    lines: cart.lines.map((l, i) => ({
      ...body.lines[i],
      productId: l.id,
      quantity: l.quantity,
      unitPrice: l.unitPrice ?? l.price,
    })),
  };
  const amounts = cartAmounts(cart);
  const { provisional, recordedAt } = await queueSale(priced, amounts.total);
  const tendered = body.payment.amountTendered ?? null;
  return {
    id: body.id,
    number: 0,
    occurredAt: recordedAt,
    businessDate: recordedAt.slice(0, 10),
    backdated: false,
    offline: { recordedAt, provisional, overLimit: false, priceChanged: false, acceptedBy: null },
    locationId: body.locationId ?? "",
    userId: me.user.id,
    customerId: body.customerId ?? null,
    subtotal: amounts.subtotal,
    discount: cart.discount,
    total: amounts.total,
    amountTendered: tendered,
    change: tendered === null ? null : tendered - amounts.total,
    payment: {
      method: body.payment.method,
      label: methodLabel(body.payment.method),
      reference: body.payment.reference ?? null,
    },
    status: "completed",
    note: body.note ?? null,
    refunded: 0,
    voidedAt: null,
    voidReason: null,
    lines: cart.lines.map((l, i) => ({
      lineNo: i + 1,
      productId: l.id,
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unitPrice ?? l.price,
      discount: l.discount ?? 0,
      lineTotal: Math.round((l.unitPrice ?? l.price) * l.quantity) - (l.discount ?? 0),
      refundedQuantity: 0,
    })),
    receipt: {
      businessName: me.business.name,
      locationName,
      staffName: me.user.name,
      customerName: cart.customer?.name ?? null,
      customerPhone: cart.customer?.phone ?? null,
      currency: me.business.currency,
      timeZone: me.business.timeZone,
    },
  };
}
