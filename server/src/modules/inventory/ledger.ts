import type { MovementKind } from "@duka/contracts";
import type { Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { AppError, notFound } from "../../lib/errors.js";
import { fromMilli } from "../../lib/quantity.js";
import { findSettings } from "../business/business.repository.js";
import { publish } from "../events/events.service.js";
import { assertLocationAllowed } from "./locations.js";
import { applyMovement, levelMilli, markLevelsCounted, productToMove } from "./stock.repository.js";

export interface MoveStockInput {
  productId: string;
  locationId: string;
  kind: MovementKind;
  /** Signed change in thousandths: negative takes stock away. */
  quantityMilli: number;
  reason?: string | null;
  note?: string | null;
  unitCost?: number | null;
  saleId?: string | null;
  transferId?: string | null;
}

export interface MoveStockOptions {
  /**
   * Allow the level to go below zero: `true` anywhere, `"uncounted"` only where the stock has not
   * been counted yet (counted stock keeps the no-oversell guarantee). When omitted, the business's
   * `allowNegativeStock` setting decides.
   */
  allowNegative?: boolean | "uncounted";
  /** When the movement happened (the app clock); the database's clock when omitted. */
  now?: Date;
  /**
   * The caller has already found the product (and refused it if archived) and the location in this
   * transaction, as a sale does for all its lines at once: skip looking them up again.
   */
  checked?: { productName: string };
}

export interface MoveStockResult {
  movementId: string;
  levelAfterMilli: number;
  thresholdMilli: number;
  /** Was above the low-stock threshold before this movement and is at or below it after. */
  crossedLowStock: boolean;
}

/** The movements that make the stock at a location known: from then on it is counted. */
const COUNTING: ReadonlySet<MovementKind> = new Set(["receive", "count", "import", "transfer_in"]);

/** Stock may still come back after a product is archived: a voided or refunded sale returns it. */
const ARCHIVED_ALLOWED: ReadonlySet<MovementKind> = new Set(["void", "refund"]);

export async function allowsNegativeStock(tx: Tx, ctx: Ctx): Promise<boolean> {
  return (await findSettings(tx, ctx.businessId))?.allowNegativeStock === true;
}

/**
 * The one way stock changes: updates the level and writes the ledger row in the caller's
 * transaction (a sale's lines, a transfer's two legs and a stocktake commit or fail together).
 * Taking stock is one conditional UPDATE, so concurrent takes queue on the row lock and each
 * re-checks the level it finds: two staff can never sell the last item twice.
 */
export async function moveStock(
  tx: Tx,
  ctx: Ctx,
  input: MoveStockInput,
  opts: MoveStockOptions = {},
): Promise<MoveStockResult> {
  const { locationId, quantityMilli: delta } = input;
  if (!Number.isSafeInteger(delta) || delta === 0) throw new RangeError("quantityMilli must be a non-zero integer");
  assertLocationAllowed(ctx, locationId);
  const productName = opts.checked?.productName ?? (await checkProduct(tx, ctx, input));
  const allowNegative = opts.allowNegative ?? (delta < 0 && (await allowsNegativeStock(tx, ctx)));
  const moved = await applyMovement(tx, ctx.businessId, ctx.userId, input, {
    allowNegative,
    counts: COUNTING.has(input.kind),
    at: opts.now ?? null,
  });
  if (!moved) throw await insufficientStock(tx, ctx, input, productName);

  // Delivered on commit; one per location per transaction however many lines moved.
  await publish(tx, ctx, { type: "stock.changed", locationId });
  const { levelAfterMilli: after, thresholdMilli: threshold } = moved;
  return {
    movementId: moved.id,
    levelAfterMilli: after,
    thresholdMilli: threshold,
    crossedLowStock: after - delta > threshold && after <= threshold,
  };
}

/** The product's name, once it is known to exist here, at a location of the business, and movable. */
async function checkProduct(tx: Tx, ctx: Ctx, input: MoveStockInput): Promise<string> {
  const product = await productToMove(tx, ctx.businessId, input.productId, input.locationId);
  if (!product) throw notFound("Product");
  if (!product.locationFound) throw notFound("Location");
  if (product.archived && !ARCHIVED_ALLOWED.has(input.kind)) {
    throw new AppError("product_archived", 409, `${product.name} is archived. Restore it before changing its stock.`, {
      productId: input.productId,
    });
  }
  return product.name;
}

async function insufficientStock(tx: Tx, ctx: Ctx, input: MoveStockInput, productName: string) {
  return insufficientStockError(
    { productId: input.productId, productName, locationId: input.locationId },
    await levelMilli(tx, ctx.businessId, input.productId, input.locationId),
    -input.quantityMilli,
  );
}

/** 409 for taking more than the level holds; `availableMilli` is the level, `wantedMilli` what was asked. */
export function insufficientStockError(
  at: { productId: string; productName: string; locationId: string },
  availableMilli: number,
  wantedMilli: number,
) {
  const available = fromMilli(availableMilli);
  const wanted = fromMilli(wantedMilli);
  return new AppError(
    "insufficient_stock",
    409,
    `Not enough ${at.productName} in stock: ${available} available, ${wanted} needed.`,
    { productId: at.productId, productName: at.productName, locationId: at.locationId, available },
  );
}

/**
 * Marks stock counted without moving it: a count that found exactly what was on record (0 included)
 * still makes the level known. Creates the level row (carried) when there is none.
 */
export async function markCounted(tx: Tx, ctx: Ctx, locationId: string, productIds: string[], now: Date) {
  if (productIds.length === 0) return;
  await markLevelsCounted(tx, ctx.businessId, locationId, productIds, now);
}
