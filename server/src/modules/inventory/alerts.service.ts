import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { attentionPairs, lowPairCounts, lowPairs } from "./alerts.repository.js";
import { visibleLocations } from "./locations.js";

/** Stock status over the locations the user sees (alerts.repository.ts says how each is judged). */

/** The low and out product-location pairs, out first; `limit` keeps a summary (the dashboard's five) cheap. */
export async function lowStock(db: Db, ctx: Ctx, locationId?: string, limit = 1000) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const locations = await visibleLocations(tx, ctx, locationId);
    if (locations.length === 0) return { items: [] };
    const rows = await lowPairs(
      tx,
      ctx.businessId,
      locations.map((l) => l.id),
      limit,
    );
    return {
      items: rows.map((r) => ({ ...r, stockState: r.quantity <= 0 ? ("out" as const) : ("low" as const) })),
    };
  });
}

/** For the navigation badge: how many product-location pairs are low, and how many of those are out. */
export async function lowStockCount(db: Db, ctx: Ctx, locationId?: string) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const locations = await visibleLocations(tx, ctx, locationId);
    if (locations.length === 0) return { low: 0, out: 0, total: 0 };
    const { low, out } = await lowPairCounts(
      tx,
      ctx.businessId,
      locations.map((l) => l.id),
    );
    return { low, out, total: low + out };
  });
}

/** What the owner should look at: stock not counted yet (the "count me" list) and stock below zero. */
export async function stockAttention(db: Db, ctx: Ctx, locationId?: string, limit = 500) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const locations = await visibleLocations(tx, ctx, locationId);
    if (locations.length === 0) return { notCounted: [], belowZero: [] };
    const ids = locations.map((l) => l.id);
    return {
      notCounted: await attentionPairs(tx, ctx.businessId, ids, "notCounted", limit),
      belowZero: await attentionPairs(tx, ctx.businessId, ids, "belowZero", limit),
    };
  });
}
