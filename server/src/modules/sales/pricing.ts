import { type BusinessSettings, MAX_MONEY } from "@duka/contracts";
import type { Ctx } from "../../lib/context.js";
import { AppError, badRequest } from "../../lib/errors.js";
import { lineAmount, toMilli } from "../../lib/quantity.js";
import { can } from "../auth/permissions.js";
import { linePrice } from "./price-at-sale.js";

export interface PricedProduct {
  id: string;
  name: string;
  price: number;
  cost: number | null;
  priceAtSale?: boolean | undefined;
}

export interface LineRequest {
  productId: string;
  quantity: number;
  unitPrice?: number | undefined;
  discount?: number | undefined;
}

export interface PricedLine {
  lineNo: number;
  productId: string;
  name: string;
  quantityMilli: number;
  unitPrice: number;
  /** Price × quantity, before this line's discount. */
  gross: number;
  discount: number;
  lineTotal: number;
  unitCost: number | null;
}

export interface PricedSale {
  lines: PricedLine[];
  subtotal: number;
  discount: number;
  total: number;
}

/**
 * Every amount of a sale, from the products' prices and the shop's rules; nothing the client
 * computed is trusted. Staff may change a price or give a discount only when the owner allows it,
 * and never more than the owner's maximum; the owner sets those rules and is not bound by them.
 */
export function priceSale(
  ctx: Ctx,
  settings: BusinessSettings,
  products: Map<string, PricedProduct>,
  requested: LineRequest[],
  saleDiscount: number,
): PricedSale {
  const staff = !can(ctx.role, "sales.price.any");
  const lines = requested.map((l, i): PricedLine => {
    const product = products.get(l.productId);
    if (!product) throw new Error(`product ${l.productId} was not loaded`);
    const unitPrice = linePrice(product, l.unitPrice, i + 1);
    if (staff && !product.priceAtSale && unitPrice !== product.price && !settings.staffMayChangePrice) {
      throw new AppError(
        "price_change_not_allowed",
        403,
        `Only the owner can change the price of ${product.name}. Sell it at the listed price.`,
        { lineNo: i + 1, productId: product.id, price: product.price },
      );
    }
    const quantityMilli = toMilli(l.quantity);
    const gross = lineAmount(unitPrice, quantityMilli);
    const discount = l.discount ?? 0;
    if (discount > gross) {
      throw badRequest(`The discount on ${product.name} is more than the line's amount.`, {
        fields: { [`lines.${i}.discount`]: ["is more than the line's amount"] },
      });
    }
    return {
      lineNo: i + 1,
      productId: product.id,
      name: product.name,
      quantityMilli,
      unitPrice,
      gross,
      discount,
      lineTotal: gross - discount,
      unitCost: product.cost,
    };
  });
  const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0);
  if (subtotal + lines.reduce((sum, l) => sum + l.discount, 0) > MAX_MONEY) {
    throw new AppError("amount_too_large", 400, "This sale's total is too large. Check the prices and quantities.");
  }
  if (saleDiscount > subtotal) {
    throw badRequest("The discount is more than the sale's amount.", {
      fields: { discount: ["is more than the sale's amount"] },
    });
  }
  const discounts = saleDiscount + lines.reduce((sum, l) => sum + l.discount, 0);
  if (staff && discounts > 0) checkStaffDiscount(settings, discounts, subtotal + discounts - saleDiscount);
  return { lines, subtotal, discount: saleDiscount, total: subtotal - saleDiscount };
}

function checkStaffDiscount(settings: BusinessSettings, discounts: number, gross: number) {
  if (!settings.staffMayDiscount) {
    throw new AppError("discount_not_allowed", 403, "Only the owner can give a discount in this shop.");
  }
  // Integer comparison: discounts / gross > max% without a float.
  if (discounts * 100 > settings.maxDiscountPercent * gross) {
    throw new AppError(
      "discount_too_large",
      403,
      `Discounts can be at most ${settings.maxDiscountPercent}% of the sale. Ask the owner for a bigger one.`,
      { maxDiscountPercent: settings.maxDiscountPercent },
    );
  }
}

/** The methods this shop takes, with the names it gave them; hidden ones are not taken. */
export function paymentLabel(settings: BusinessSettings, method: string, builtIn: readonly string[]): string | null {
  const configured = settings.paymentMethods.find((p) => p.method === method);
  if (configured?.hidden) return null;
  if (!configured && !builtIn.includes(method)) return null;
  return configured?.label ?? method;
}
