import { type SQL, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { milliToNumeric, parseMilli } from "../../lib/quantity.js";
import type { MoveStockInput } from "./ledger.js";

/**
 * Stock levels and their ledger (stock_movements): the SQL of the one way stock changes
 * (ledger.ts holds its rules), and the reads around it.
 */

export interface AppliedMovement {
  id: string;
  levelAfterMilli: number;
  thresholdMilli: number;
}

/**
 * Changes the level and writes the ledger row in one statement, or does nothing when the guard
 * refuses (not enough stock): null then.
 */
export async function applyMovement(
  tx: Tx,
  businessId: string,
  userId: string,
  input: MoveStockInput,
  opts: { allowNegative: boolean | "uncounted"; counts: boolean; at: Date | null },
): Promise<AppliedMovement | null> {
  const { productId, locationId, quantityMilli: delta } = input;
  const { allowNegative, counts } = opts;
  const at = opts.at?.toISOString() ?? null;
  const deltaText = milliToNumeric(delta);
  // Adding stock (or taking it where negative levels are allowed) creates the level row if needed;
  // taking stock only updates an existing row, and only when enough is there (or, for "uncounted",
  // when nobody has counted it yet: an absent row is uncounted with 0). The ledger row is written by
  // the same statement, from the level it left, or not at all.
  const upsert = (guard: SQL) =>
    sql`insert into stock_levels (business_id, product_id, location_id, quantity, counted_at, updated_at)
        values (${businessId}, ${productId}, ${locationId}, ${deltaText}::numeric,
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
            where business_id = ${businessId} and product_id = ${productId} and location_id = ${locationId}
              and quantity + ${deltaText}::numeric >= 0
            returning quantity, low_stock_threshold`;
  const [moved] = await queryRows<{ id: string; quantity: string; threshold: string }>(
    tx,
    sql`with level as (${change}),
        movement as (
          insert into stock_movements (business_id, product_id, location_id, kind, quantity, level_after, reason,
            note, unit_cost, sale_id, transfer_id, user_id, created_at)
          select ${businessId}, ${productId}, ${locationId}, ${input.kind}, ${deltaText}::numeric, level.quantity,
            ${input.reason ?? null}, ${input.note ?? null}, ${input.unitCost ?? null}::bigint, ${input.saleId ?? null}::uuid,
            ${input.transferId ?? null}::uuid, ${userId}, coalesce(${at}::timestamptz, now())
          from level
          returning id)
        select movement.id::text as id, level.quantity::text as quantity,
          coalesce(level.low_stock_threshold, p.low_stock_threshold)::text as threshold
        from movement, level, products p where p.business_id = ${businessId} and p.id = ${productId}`,
  );
  if (!moved) return null;
  return { id: moved.id, levelAfterMilli: parseMilli(moved.quantity), thresholdMilli: parseMilli(moved.threshold) };
}

/** The product's name and state, and whether the location is the business's; null for no such product. */
export async function productToMove(tx: Tx, businessId: string, productId: string, locationId: string) {
  const [product] = await queryRows<{ name: string; archived: boolean; location_ok: boolean }>(
    tx,
    sql`select p.name, p.archived,
          exists(select 1 from locations l where l.business_id = ${businessId} and l.id = ${locationId}) as location_ok
        from products p where p.business_id = ${businessId} and p.id = ${productId}`,
  );
  return product ? { name: product.name, archived: product.archived, locationFound: product.location_ok } : null;
}

/** The level in thousandths; 0 where there is no level row. */
export async function levelMilli(tx: Tx, businessId: string, productId: string, locationId: string) {
  const [row] = await queryRows<{ quantity: string }>(
    tx,
    sql`select quantity::text as quantity from stock_levels
        where business_id = ${businessId} and product_id = ${productId} and location_id = ${locationId}`,
  );
  return parseMilli(row?.quantity ?? "0");
}

export async function markLevelsCounted(
  tx: Tx,
  businessId: string,
  locationId: string,
  productIds: string[],
  now: Date,
) {
  await tx.execute(
    sql`insert into stock_levels (business_id, product_id, location_id, counted_at, updated_at)
        select ${businessId}, id, ${locationId}, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        from unnest(${`{${productIds.join(",")}}`}::uuid[]) as id
        on conflict (product_id, location_id) do update
          set counted_at = coalesce(stock_levels.counted_at, excluded.counted_at)`,
  );
}
