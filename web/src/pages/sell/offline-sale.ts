import type { CreateSaleBody } from "@duka/contracts";
import type { Me } from "../../api/auth";
import type { Sale } from "../../api/sales";
import { savedCatalogue } from "../../data/catalogue";
import { queueSale } from "../../data/outbox";
import { methodLabel } from "../../lib/payment-methods";
import { type Cart, cartAmounts } from "./cart";

/** A credit sale that takes the customer past their limit, by the phone's copy: kept, and said so. */
export interface OverLimit {
  name: string;
  creditLimit: number;
  balance: number;
}

/**
 * Keeps a sale on the phone when the server cannot be reached: every line carries the price the
 * customer is charged (kept even if it changes before the sale arrives), and the answer is a sale
 * as the phone knows it, numbered provisionally until the server numbers it. A credit sale past the
 * customer's limit is kept too (the goods have left), with what the till should warn about; the
 * server flags it for the owner when it arrives.
 */
export async function keepOffline(
  cart: Cart,
  body: CreateSaleBody,
  me: Me,
  locationName: string,
): Promise<{ sale: Sale; overLimit: OverLimit | null }> {
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
  const known = body.customerId ? (await savedCatalogue())?.customers.find((c) => c.id === body.customerId) : undefined;
  const balance = (known?.balance ?? 0) + amounts.total;
  const overLimit =
    body.payment.method === "credit" && known?.creditLimit != null && balance > known.creditLimit
      ? { name: known.name, creditLimit: known.creditLimit, balance }
      : null;
  const labels = {
    products: Object.fromEntries(cart.lines.map((l) => [l.id, { name: l.name, unit: l.unit }])),
    customer: cart.customer ?? undefined,
  };
  const { provisional, recordedAt } = await queueSale(priced, amounts.total, labels);
  const tendered = body.payment.amountTendered ?? null;
  const sale: Sale = {
    id: body.id,
    number: 0,
    occurredAt: recordedAt,
    businessDate: recordedAt.slice(0, 10),
    backdated: false,
    offline: { recordedAt, provisional, overLimit: overLimit !== null, priceChanged: false, acceptedBy: null },
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
    kind: "sale",
    imported: false,
    externalRef: null,
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
  return { sale, overLimit };
}
