import type { ProductCreateBody, ProductPatchBody } from "@duka/contracts";
import type { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { isUniqueViolation } from "../../lib/db-errors.js";
import { conflict, notFound } from "../../lib/errors.js";
import { fromMilli, milliToNumeric, parseMilli, toMilli } from "../../lib/quantity.js";
import { audit } from "../audit/audit.service.js";
import { markCounted, moveStock } from "../inventory/ledger.js";
import { requireLocations, visibleLocations } from "../inventory/locations.js";
import { findMovements } from "../inventory/movements.repository.js";
import { defaultCarried, setCarried } from "./carried.repository.js";
import {
  activeCategories,
  findProductRow,
  insertProduct,
  productLevels,
  setLocationThreshold,
  updateProductRow,
} from "./products.repository.js";
import { stockStateOf } from "./stock-state.js";

type Create = z.output<typeof ProductCreateBody>;
type Patch = z.output<typeof ProductPatchBody>;

/** A duplicate SKU or barcode becomes a 409 that names the field, whichever statement hit it. */
async function withUniqueCodes<T>(input: { sku?: string | null; barcode?: string | null }, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (err) {
    if (isUniqueViolation(err, "products_business_sku_uq")) {
      throw conflict("duplicate_sku", `Another product already has the SKU "${input.sku}".`, {
        fields: { sku: ["is already used by another product"] },
      });
    }
    if (isUniqueViolation(err, "products_business_barcode_uq")) {
      throw conflict("duplicate_barcode", `Another product already has the barcode "${input.barcode}".`, {
        fields: { barcode: ["is already used by another product"] },
      });
    }
    throw err;
  }
}

const threshold = (q: number | undefined) => (q === undefined ? undefined : milliToNumeric(toMilli(q)));

export async function createProduct(db: Db, ctx: Ctx, input: Create, now: Date) {
  const id = await withUniqueCodes(input, () =>
    inBusiness(db, ctx.businessId, async (tx) => {
      const row = {
        id: await insertProduct(tx, ctx.businessId, {
          name: input.name,
          price: input.price,
          priceAtSale: input.priceAtSale ?? false,
          cost: input.cost ?? null,
          sku: input.sku ?? null,
          barcode: input.barcode ?? null,
          category: input.category || null,
          unit: input.unit ?? "piece",
          lowStockThreshold: threshold(input.lowStockThreshold) ?? "0",
          createdAt: now,
          updatedAt: now,
        }),
      };
      const initial = input.initialStock ?? [];
      await requireLocations(
        tx,
        ctx,
        initial.map((s) => s.locationId),
      );
      const carried = input.carriedAt ?? (await defaultCarried(tx, ctx));
      await setCarried(tx, ctx, row.id, [...new Set([...carried, ...initial.map((s) => s.locationId)])], false);
      // Zero typed in is a count too ("none here"), as opposed to leaving the stock blank: not counted yet.
      for (const s of initial.filter((i) => i.quantity === 0)) await markCounted(tx, ctx, s.locationId, [row.id], now);
      for (const s of initial.filter((i) => i.quantity !== 0)) {
        await moveStock(
          tx,
          ctx,
          {
            productId: row.id,
            locationId: s.locationId,
            kind: "receive",
            quantityMilli: toMilli(s.quantity),
            note: "Opening stock",
          },
          { now },
        );
      }
      await audit(tx, {
        businessId: ctx.businessId,
        userId: ctx.userId,
        action: "product.created",
        entity: "product",
        entityId: row.id,
      });
      return row.id;
    }),
  );
  return getProduct(db, ctx, id);
}

export async function updateProduct(db: Db, ctx: Ctx, id: string, input: Patch, now: Date) {
  await withUniqueCodes(input, () =>
    inBusiness(db, ctx.businessId, async (tx) => {
      const { locationThresholds, lowStockThreshold, category, carriedAt, ...fields } = input;
      const found = await updateProductRow(tx, ctx.businessId, id, {
        ...fields,
        ...(category !== undefined ? { category: category || null } : {}),
        ...(lowStockThreshold !== undefined ? { lowStockThreshold: threshold(lowStockThreshold) } : {}),
        updatedAt: now,
      });
      if (!found) throw notFound("Product");
      if (locationThresholds?.length) await setLocationThresholds(tx, ctx, id, locationThresholds);
      if (carriedAt) await setCarried(tx, ctx, id, carriedAt, true);
      const changed = Object.keys(input);
      await audit(tx, {
        businessId: ctx.businessId,
        userId: ctx.userId,
        action: "product.updated",
        entity: "product",
        entityId: id,
        details: { changed },
      });
    }),
  );
  return getProduct(db, ctx, id);
}

/** A level row with quantity 0 is what "no stock yet" means, so creating one keeps the ledger true. */
async function setLocationThresholds(
  tx: Tx,
  ctx: Ctx,
  productId: string,
  list: NonNullable<Patch["locationThresholds"]>,
) {
  await requireLocations(
    tx,
    ctx,
    list.map((l) => l.locationId),
  );
  for (const l of list) {
    const value = l.lowStockThreshold === null ? null : milliToNumeric(toMilli(l.lowStockThreshold));
    await setLocationThreshold(tx, ctx.businessId, productId, l.locationId, value);
  }
}

export async function listCategories(db: Db, ctx: Ctx) {
  return { categories: await inBusiness(db, ctx.businessId, (tx) => activeCategories(tx, ctx.businessId)) };
}

/** The product with its stock at every location the user sees and its latest ledger rows. */
export async function getProduct(db: Db, ctx: Ctx, id: string) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const p = await findProductRow(tx, ctx.businessId, id);
    if (!p) throw notFound("Product");
    const locations = await visibleLocations(tx, ctx);
    const levels = await productLevels(tx, ctx.businessId, id);
    const byLocation = new Map(levels.map((l) => [l.locationId, l]));
    const productThreshold = parseMilli(p.lowStockThreshold);
    const perLocation = locations.map((l) => {
      const level = byLocation.get(l.id);
      const qty = level?.quantityMilli ?? 0;
      const override = level?.overrideMilli ?? null;
      const limit = override ?? productThreshold;
      const counted = level?.counted ?? false;
      return {
        locationId: l.id,
        locationName: l.name,
        quantity: fromMilli(qty),
        lowStockThreshold: fromMilli(limit),
        thresholdOverride: override === null ? null : fromMilli(override),
        stockState: stockStateOf(qty, limit, counted),
        carried: level?.carried ?? false,
        counted,
      };
    });
    const total = perLocation.reduce((sum, l) => sum + toMilli(l.quantity), 0);
    const seen = locations.map((l) => l.id);
    const recent = seen.length
      ? await findMovements(tx, ctx.businessId, { productId: id, locationIds: seen, limit: 20 })
      : [];
    return {
      id: p.id,
      name: p.name,
      sku: p.sku,
      barcode: p.barcode,
      category: p.category,
      unit: p.unit,
      price: p.price,
      priceAtSale: p.priceAtSale,
      cost: p.cost,
      lowStockThreshold: fromMilli(productThreshold),
      archived: p.archived,
      stock: fromMilli(total),
      stockState: stockStateOf(
        total,
        productThreshold,
        !perLocation.some((l) => l.carried) || perLocation.some((l) => l.carried && l.counted),
      ),
      updatedAt: p.updatedAt.toISOString(),
      createdAt: p.createdAt.toISOString(),
      locations: perLocation,
      recentMovements: recent.map((m) => ({
        id: m.id,
        locationId: m.locationId,
        kind: m.kind,
        quantity: m.quantity,
        levelAfter: m.levelAfter,
        reason: m.reason,
        note: m.note,
        userName: m.userName,
        createdAt: m.createdAt,
      })),
    };
  });
}
