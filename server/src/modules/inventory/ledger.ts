import type { MovementKind } from "@duka/contracts";
import { type SQL, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { AppError, notFound } from "../../lib/errors.js";
import { fromMilli, milliToNumeric, parseMilli } from "../../lib/quantity.js";
import { findSettings } from "../business/business.repository.js";
import { publish } from "../events/events.service.js";
import { assertLocationAllowed } from "./locations.js";

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

interface ProductRow {
  name: string;
  archived: boolean;
  location_ok: boolean;
}

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
  const { productId, locationId, quantityMilli: delta } = input;
  if (!Number.isSafeInteger(delta) || delta === 0) throw new RangeError("quantityMilli must be a non-zero integer");
  assertLocationAllowed(ctx, locationId);
  const productName = opts.checked?.productName ?? (await checkProduct(tx, ctx, input));
  const allowNegative = opts.allowNegative ?? (delta < 0 && (await allowsNegativeStock(tx, ctx)));
  const at = opts.now?.toISOString() ?? null;
  const deltaText = milliToNumeric(delta);

  // Adding stock (or taking it where negative levels are allowed) creates the level row if needed;
  // taking stock only updates an existing row, and only when enough is there (or, for "uncounted",
  // when nobody has counted it yet: an absent row is uncounted with 0). The ledger row is written by
  // the same statement, from the level it left, or not at all.
  const counts = COUNTING.has(input.kind);
  const upsert = (guard: SQL) =>
    sql`insert into stock_levels (business_id, product_id, location_id, quantity, counted_at, updated_at)
        values (${ctx.businessId}, ${productId}, ${locationId}, ${deltaText}::numeric,
          ${counts ? sql`coalesce(${at}::timestamptz, now())` : sql`null`}, coalesce(${at}::timestamptz, now()))
        on conflict (product_id, location_id) do update
          set quantity = stock_levels.quantity + excluded.quantity, updated_at = excluded.updated_at,
            counted_at = coalesce(stock_levels.counted_at, excluded.counted_at)
          ${guard}
        returning quantity, low_stock_threshold`;
  const change =
    delta > 0 || allowNegative === true
      ? upsert(sql``)
      : allowNegative === "uncounted"
        ? upsert(sql`where stock_levels.counted_at is null or stock_levels.quantity + excluded.quantity >= 0`)
        : sql`update stock_levels set quantity = quantity + ${deltaText}::numeric,
              updated_at = coalesce(${at}::timestamptz, now())
            where business_id = ${ctx.businessId} and product_id = ${productId} and location_id = ${locationId}
              and quantity + ${deltaText}::numeric >= 0
            returning quantity, low_stock_threshold`;
  const [moved] = await queryRows<{ id: string; quantity: string; threshold: string }>(
    tx,
    sql`with level as (${change}),
        movement as (
          insert into stock_movements (business_id, product_id, location_id, kind, quantity, level_after, reason,
            note, unit_cost, sale_id, transfer_id, user_id, created_at)
          select ${ctx.businessId}, ${productId}, ${locationId}, ${input.kind}, ${deltaText}::numeric, level.quantity,
            ${input.reason ?? null}, ${input.note ?? null}, ${input.unitCost ?? null}::bigint, ${input.saleId ?? null}::uuid,
            ${input.transferId ?? null}::uuid, ${ctx.userId}, coalesce(${at}::timestamptz, now())
          from level
          returning id)
        select movement.id::text as id, level.quantity::text as quantity,
          coalesce(level.low_stock_threshold, p.low_stock_threshold)::text as threshold
        from movement, level, products p where p.business_id = ${ctx.businessId} and p.id = ${productId}`,
  );
  if (!moved) throw await insufficientStock(tx, ctx, input, productName);

  // Delivered on commit; one per location per transaction however many lines moved.
  await publish(tx, ctx, { type: "stock.changed", locationId });
  const after = parseMilli(moved.quantity);
  const threshold = parseMilli(moved.threshold);
  return {
    movementId: moved.id,
    levelAfterMilli: after,
    thresholdMilli: threshold,
    crossedLowStock: after - delta > threshold && after <= threshold,
  };
}

/** The product's name, once it is known to exist here, at a location of the business, and movable. */
async function checkProduct(tx: Tx, ctx: Ctx, input: MoveStockInput): Promise<string> {
  const [product] = await queryRows<ProductRow>(
    tx,
    sql`select p.name, p.archived,
          exists(select 1 from locations l where l.business_id = ${ctx.businessId} and l.id = ${input.locationId}) as location_ok
        from products p where p.business_id = ${ctx.businessId} and p.id = ${input.productId}`,
  );
  if (!product) throw notFound("Product");
  if (!product.location_ok) throw notFound("Location");
  if (product.archived && !ARCHIVED_ALLOWED.has(input.kind)) {
    throw new AppError("product_archived", 409, `${product.name} is archived. Restore it before changing its stock.`, {
      productId: input.productId,
    });
  }
  return product.name;
}

async function insufficientStock(tx: Tx, ctx: Ctx, input: MoveStockInput, productName: string) {
  const [row] = await queryRows<{ quantity: string }>(
    tx,
    sql`select quantity::text as quantity from stock_levels
        where business_id = ${ctx.businessId} and product_id = ${input.productId} and location_id = ${input.locationId}`,
  );
  return insufficientStockError(
    { productId: input.productId, productName, locationId: input.locationId },
    parseMilli(row?.quantity ?? "0"),
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
  await tx.execute(
    sql`insert into stock_levels (business_id, product_id, location_id, counted_at, updated_at)
        select ${ctx.businessId}, id, ${locationId}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        from unnest(${`{${productIds.join(",")}}`}::uuid[]) as id
        on conflict (product_id, location_id) do update
          set counted_at = coalesce(stock_levels.counted_at, excluded.counted_at)`,
  );
}
