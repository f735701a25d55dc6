import type { CreateSaleBody } from "@duka/contracts";
import type { Cart } from "./cart";

export const MOBILE_MONEY = "mobile_money";
const MAX_REFERENCE = 30;

/**
 * A typed transaction code as the server keeps it (capitals, no spaces or dashes), or "bad" when
 * the server would refuse it: the same rule as contracts' PaymentReference, without loading zod.
 */
export function paymentReference(typed: string | undefined): string | undefined | "bad" {
  const code = (typed ?? "").replace(/[\s-]/g, "").toUpperCase();
  if (!code) return undefined;
  return /^[A-Z0-9]+$/.test(code) && code.length >= 4 && code.length <= MAX_REFERENCE ? code : "bad";
}

export interface RequestOptions {
  method: string;
  tendered: number | undefined;
  /** The mobile-money transaction code, already checked (paymentReference). */
  reference?: string | undefined;
  /** An instant (ISO) for a sale copied from paper; the owner only. */
  occurredAt?: string | undefined;
  locationId?: string | undefined;
  allowOverLimit?: boolean;
}

/**
 * The sale as the server takes it: what to sell and the terms agreed, never a total (the server
 * prices it). Only what differs from a plain sale is sent, so a plain sale's request, and with it
 * a retry's, stays the same as before these options existed.
 */
export function saleRequest(cart: Cart, o: RequestOptions): CreateSaleBody {
  const isCash = o.method === "cash";
  return {
    id: cart.id,
    lines: cart.lines.map((l) => ({
      productId: l.id,
      quantity: l.quantity,
      ...(l.unitPrice !== undefined && (l.unitPrice !== l.price || l.priceAtSale) ? { unitPrice: l.unitPrice } : {}),
      ...(l.discount ? { discount: l.discount } : {}),
    })),
    payment: {
      method: o.method,
      ...(isCash && o.tendered !== undefined ? { amountTendered: o.tendered } : {}),
      ...(o.method === MOBILE_MONEY && o.reference ? { reference: o.reference } : {}),
    },
    ...(cart.customer ? { customerId: cart.customer.id } : {}),
    ...(cart.note.trim() ? { note: cart.note.trim() } : {}),
    ...(cart.discount ? { discount: cart.discount } : {}),
    ...(o.occurredAt ? { occurredAt: o.occurredAt } : {}),
    ...(o.locationId ? { locationId: o.locationId } : {}),
    ...(o.allowOverLimit ? { allowOverLimit: true } : {}),
  };
}
