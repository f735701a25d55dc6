import { BUILT_IN_PAYMENT_METHODS, type BusinessSettings } from "@duka/contracts";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { customers, locations, products } from "../../db/schema.js";
import type { Ctx } from "../../lib/context.js";
import { AppError, badRequest, conflict, notFound } from "../../lib/errors.js";
import { requireLocations } from "../inventory/locations.js";
import { type PricedProduct, paymentLabel } from "./pricing.js";

/**
 * Everything a sale refers to, checked before anything is written: the location, the products,
 * the customer and the payment method. Another business's records answer as missing.
 */
export async function saleLocation(tx: Tx, ctx: Ctx, requested: string | undefined): Promise<string> {
  if (requested) await requireLocations(tx, ctx, [requested]);
  const [row] = await tx
    .select({ id: locations.id, name: locations.name, active: locations.active })
    .from(locations)
    .where(
      and(
        eq(locations.businessId, ctx.businessId),
        requested ? eq(locations.id, requested) : eq(locations.active, true),
        // A user assigned to a location sells there; an unrestricted one at the business's first.
        !requested && ctx.locationIds ? inArray(locations.id, ctx.locationIds) : undefined,
      ),
    )
    .orderBy(asc(locations.createdAt), asc(locations.id))
    .limit(1);
  if (!row) throw conflict("no_location", "There is no open location to sell at. Ask the owner to add one.");
  if (!row.active) throw conflict("location_inactive", `${row.name} is closed. Choose an open location.`);
  return row.id;
}

export async function saleProducts(tx: Tx, ctx: Ctx, ids: string[]): Promise<Map<string, PricedProduct>> {
  const unique = [...new Set(ids)];
  const rows = await tx
    .select({
      id: products.id,
      name: products.name,
      price: products.price,
      priceAtSale: products.priceAtSale,
      cost: products.cost,
      archived: products.archived,
    })
    .from(products)
    .where(and(eq(products.businessId, ctx.businessId), inArray(products.id, unique)));
  const found = new Map(rows.map((r) => [r.id, r]));
  const missing = unique.find((id) => !found.has(id));
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

export async function saleCustomer(tx: Tx, ctx: Ctx, id: string): Promise<void> {
  const [row] = await tx
    .select({ name: customers.name, archived: customers.archived })
    .from(customers)
    .where(and(eq(customers.businessId, ctx.businessId), eq(customers.id, id)));
  if (!row) throw notFound("Customer");
  if (row.archived) {
    throw conflict("customer_archived", `${row.name} is archived. Unarchive them to sell to them.`, { customerId: id });
  }
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
