import { sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";
import { milliToNumeric } from "../../lib/quantity.js";
import { createLocations, forBatches, locationsByName } from "./imports.repository.js";
import { type Existing, type Level, levelKey, type PlannedProduct, type ProductPlan } from "./products.commit.js";

/** The SQL of bringing in products: what matching reads, then the plan's set-based writes. */

/** Locations by name, every product, and every stock level (locked for a commit). */
export async function readForProducts(tx: Tx, b: string, lock: boolean) {
  const locations = await locationsByName(tx, b);
  const existing = await queryRows<Existing>(
    tx,
    sql`select id, name, sku, barcode, category, unit, price::float8 as price, price_at_sale, cost::float8 as cost,
          low_stock_threshold::text as low from products where business_id = ${b}`,
  );
  const levelRows = await queryRows<Level>(
    tx,
    lock
      ? sql`select product_id, location_id, quantity::text as quantity, low_stock_threshold::text as low
              from stock_levels where business_id = ${b} for update`
      : sql`select product_id, location_id, quantity::text as quantity, low_stock_threshold::text as low
              from stock_levels where business_id = ${b}`,
  );
  return { locations, existing, levelRows };
}

/** Writes the plan: products in batches, then the stock each row names as `import` movements. */
export async function applyProducts(tx: Tx, ctx: Ctx, plan: ProductPlan, reason: string, now: Date) {
  const b = ctx.businessId;
  const at = now.toISOString();
  await createLocations(tx, b, plan.newLocations, plan.locations);
  const toRow = ({ record: r, id }: PlannedProduct) => ({
    id,
    name: r.name,
    sku: r.sku ?? null,
    barcode: r.barcode ?? null,
    category: r.category ?? null,
    unit: r.unit ?? null,
    price: r.price ?? null,
    price_at_sale: r.priceAtSale ?? null,
    cost: r.cost ?? null,
    low: r.lowStockMilli === undefined ? null : milliToNumeric(r.lowStockMilli),
  });
  const columns = sql`(id uuid, name text, sku text, barcode text, category text, unit text, price bigint,
    price_at_sale boolean, cost bigint, low numeric)`;
  await forBatches(
    tx,
    plan.items.filter((i) => i.action === "new").map(toRow),
    (batch) => sql`
      insert into products (id, business_id, name, sku, barcode, category, unit, price, price_at_sale, cost,
        low_stock_threshold, created_at, updated_at)
      select v.id, ${b}, v.name, v.sku, v.barcode, v.category, coalesce(v.unit, 'piece'), coalesce(v.price, 0),
        coalesce(v.price_at_sale, false), v.cost, coalesce(v.low, 0), ${at}, ${at}
      from jsonb_to_recordset(${batch}) as v${columns}`,
  );
  // A column the file does not have (null here) keeps the product's value.
  await forBatches(
    tx,
    plan.items.filter((i) => i.action === "update").map(toRow),
    (batch) => sql`
      update products p set name = v.name, sku = coalesce(v.sku, p.sku), barcode = coalesce(v.barcode, p.barcode),
        category = coalesce(v.category, p.category), unit = coalesce(v.unit, p.unit),
        price = coalesce(v.price, p.price), price_at_sale = coalesce(v.price_at_sale, p.price_at_sale),
        cost = coalesce(v.cost, p.cost), low_stock_threshold = coalesce(v.low, p.low_stock_threshold),
        updated_at = ${at}
      from jsonb_to_recordset(${batch}) as v${columns}
      where p.business_id = ${b} and p.id = v.id`,
  );
  await applyStock(tx, ctx, plan, reason, now);
}

async function applyStock(tx: Tx, ctx: Ctx, plan: ProductPlan, reason: string, now: Date) {
  const at = now.toISOString();
  const levels: { product_id: string; location_id: string; quantity: string | null; low: string | null }[] = [];
  const moves: { product_id: string; location_id: string; quantity: string; level_after: string }[] = [];
  for (const item of plan.items) {
    if (item.action === "unchanged") continue;
    for (const s of item.record.stock) {
      const locationId = plan.locations.get(s.location.trim().toLowerCase());
      if (!locationId) throw new Error(`location ${s.location} was not created`);
      const before = plan.levels.get(levelKey(item.id, locationId))?.quantity ?? 0;
      const target = s.quantityMilli;
      levels.push({
        product_id: item.id,
        location_id: locationId,
        quantity: target === undefined ? null : milliToNumeric(target),
        low: s.lowStockMilli === undefined ? null : milliToNumeric(s.lowStockMilli),
      });
      if (target !== undefined && target !== before) {
        moves.push({
          product_id: item.id,
          location_id: locationId,
          quantity: milliToNumeric(target - before),
          level_after: milliToNumeric(target),
        });
      }
    }
  }
  const b = ctx.businessId;
  await forBatches(
    tx,
    levels,
    (batch) => sql`
      insert into stock_levels (business_id, product_id, location_id, quantity, low_stock_threshold, counted_at,
        updated_at)
      select ${b}, v.product_id, v.location_id, coalesce(v.quantity, 0), v.low,
        case when v.quantity is not null then ${at}::timestamptz end, ${at}
      from jsonb_to_recordset(${batch})
        as v(product_id uuid, location_id uuid, quantity numeric, low numeric)
      on conflict (product_id, location_id) do update set
        quantity = coalesce(excluded.quantity, stock_levels.quantity),
        low_stock_threshold = coalesce(excluded.low_stock_threshold, stock_levels.low_stock_threshold),
        -- An opening stock from the file is a count: the level is known from here on.
        counted_at = coalesce(stock_levels.counted_at, excluded.counted_at),
        updated_at = ${at}`,
  );
  await forBatches(
    tx,
    moves,
    (batch) => sql`
      insert into stock_movements (business_id, product_id, location_id, kind, quantity, level_after, reason,
        user_id, created_at)
      select ${b}, v.product_id, v.location_id, 'import', v.quantity, v.level_after, ${reason}, ${ctx.userId}, ${at}
      from jsonb_to_recordset(${batch})
        as v(product_id uuid, location_id uuid, quantity numeric, level_after numeric)`,
  );
}
