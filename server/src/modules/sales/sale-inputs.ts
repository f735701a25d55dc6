import { BUILT_IN_PAYMENT_METHODS, type BusinessSettings } from "@duka/contracts";
import type { Ctx } from "../../lib/context.js";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors.js";
import { assertLocationAllowed } from "../inventory/locations.js";
import { type PricedProduct, paymentLabel } from "./pricing.js";
import type { SaleInputs } from "./sales.repository.js";

/**
 * Everything a sale refers to, checked before anything is written, on what readSaleInputs found:
 * the location, the products, the customer and the payment method. Another business's records
 * answer as missing.
 */
export function checkLocation(ctx: Ctx, requested: string | undefined, found: SaleInputs["location"]): string {
  if (requested) {
    if (!found) throw notFound("Location");
    assertLocationAllowed(ctx, requested);
  }
  if (!found) throw conflict("no_location", "There is no open location to sell at. Ask the owner to add one.");
  if (!found.active) throw conflict("location_inactive", `${found.name} is closed. Choose an open location.`);
  return found.id;
}

export function checkProducts(ids: string[], rows: SaleInputs["products"]): Map<string, PricedProduct> {
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.find((id) => !found.has(id));
  if (missing) {
    throw new AppError("not_found", 404, "A product on this sale was not found. Remove it and search again.", {
      productId: missing,
    });
  }
  const archived = rows.find((r) => r.archived);
  if (archived) {
    throw conflict("product_archived", `${archived.name} is archived and cannot be sold. Restore it first.`, {
      productId: archived.id,
    });
  }
  return found;
}

export function checkCustomer(id: string, row: SaleInputs["customer"]) {
  if (!row) throw notFound("Customer");
  if (row.archived) {
    throw conflict("customer_archived", `${row.name} is archived. Unarchive them to sell to them.`, { customerId: id });
  }
  return row;
}

/** The method's label, or 400 when the shop does not take it. */
export function checkPaymentMethod(settings: BusinessSettings, method: string, customerId: string | null): string {
  const label = paymentLabel(settings, method, BUILT_IN_PAYMENT_METHODS);
  if (label === null) {
    throw badRequest(`This shop does not take "${method}" payments. Choose another payment method.`, {
      fields: { "payment.method": ["is not a payment method this shop takes"] },
    });
  }
  if (method === "credit" && !customerId) {
    throw badRequest("A sale on credit needs a customer. Choose who will pay later.", {
      fields: { customerId: ["is required for a sale on credit"] },
    });
  }
  return label;
}

/** What the till asked to be paid with, checked against the total. */
export function checkTendered(method: string, tendered: number | null, total: number) {
  if (tendered !== null && method === "credit") {
    throw badRequest("A sale on credit takes no money now; leave the amount tendered empty.", {
      fields: { "payment.amountTendered": ["is not taken for a sale on credit"] },
    });
  }
  if (tendered !== null && tendered < total) {
    throw badRequest("The amount tendered is less than the total.", {
      fields: { "payment.amountTendered": ["is less than the total"] },
    });
  }
}
