import type { Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { moveStock } from "../inventory/ledger.js";

interface StockLine {
  productId: string;
  quantityMilli: number;
  unitCost?: number | null;
}

/**
 * One movement per product, in product-id order: two sales holding the same products lock their
 * level rows in the same order and so cannot deadlock; a product on two lines moves once, by the sum.
 */
export function byProduct<T extends StockLine>(lines: T[]): T[] {
  const merged = new Map<string, T>();
  for (const l of lines) {
    const seen = merged.get(l.productId);
    merged.set(l.productId, {
      ...l,
      quantityMilli: (seen?.quantityMilli ?? 0) + l.quantityMilli,
      unitCost: seen?.unitCost ?? l.unitCost ?? null,
    });
  }
  return [...merged.values()]
    .filter((l) => l.quantityMilli !== 0)
    .sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
}

/** Stock coming back from a voided or refunded sale, to the location it was sold from. */
export async function returnStock(
  tx: Tx,
  ctx: Ctx,
  sale: { id: string; locationId: string },
  kind: "void" | "refund",
  lines: StockLine[],
  reason: string,
  now: Date,
) {
  for (const l of byProduct(lines)) {
    await moveStock(
      tx,
      ctx,
      {
        productId: l.productId,
        locationId: sale.locationId,
        kind,
        quantityMilli: l.quantityMilli,
        saleId: sale.id,
        reason,
      },
      { now },
    );
  }
}
