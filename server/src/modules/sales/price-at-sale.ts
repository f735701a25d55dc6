import { AppError } from "../../lib/errors.js";

/**
 * Products whose price is typed at each sale (market produce, repairs, services): imported from a
 * Loyverse or Square "variable price" item, or made so by the owner. Their listed price is 0 and
 * means nothing; the line must bring its price, and staff may type it whatever the price rules say.
 */
export interface VariablePriced {
  id: string;
  name: string;
  price: number;
  priceAtSale?: boolean | undefined;
}

/** The unit price of a line: the typed one, else the listed one; a price-at-sale product needs one typed. */
export function linePrice(product: VariablePriced, typed: number | undefined, lineNo: number): number {
  if (!product.priceAtSale) return typed ?? product.price;
  if (typed === undefined) {
    throw new AppError("price_required", 400, `Type the price of ${product.name}: it is set at each sale.`, {
      lineNo,
      productId: product.id,
      productName: product.name,
      fields: { [`lines.${lineNo - 1}.unitPrice`]: ["is required for this product"] },
    });
  }
  return typed;
}
