import type { StockCountLinesBody, StockCountListQuery } from "@duka/contracts";
import type { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { AppError, conflict, notFound } from "../../lib/errors.js";
import { fromMilli, toMilli } from "../../lib/quantity.js";
import { audit } from "../audit/audit.service.js";
import {
  findCountLines,
  findCountSummaries,
  insertCount,
  lockCount,
  lockCountedLevels,
  productsToCount,
  setCountStatus,
  setLineExpected,
  upsertCountLines,
} from "./counts.repository.js";
import { markCounted, moveStock } from "./ledger.js";
import { assertLocationAllowed, requireLocations } from "./locations.js";

type Lines = z.output<typeof StockCountLinesBody>["lines"];
type ListQuery = z.output<typeof StockCountListQuery>;

export async function openCount(db: Db, ctx: Ctx, input: { locationId: string; note?: string | null }, now: Date) {
  const id = await inBusiness(db, ctx.businessId, async (tx) => {
    await requireLocations(tx, ctx, [input.locationId]);
    return insertCount(tx, ctx.businessId, {
      locationId: input.locationId,
      note: input.note ?? null,
      createdBy: ctx.userId,
      createdAt: now,
    });
  });
  return getCount(db, ctx, id);
}

/** The count, locked for the rest of the transaction, checked to be the user's to touch and still open. */
async function openCountFor(tx: Tx, ctx: Ctx, id: string) {
  const count = await lockCount(tx, ctx.businessId, id);
  if (!count) throw notFound("Stock count");
  assertLocationAllowed(ctx, count.locationId);
  if (count.status !== "open") {
    throw conflict("count_not_open", `This stock count was already ${count.status}; start a new count.`, {
      status: count.status,
    });
  }
  return count;
}

/** Staff enter what they counted; entering a product again replaces its count. */
export async function saveLines(db: Db, ctx: Ctx, id: string, lines: Lines, now: Date) {
  await inBusiness(db, ctx.businessId, async (tx) => {
    await openCountFor(tx, ctx, id);
    const ids = [...new Set(lines.map((l) => l.productId))];
    const found = await productsToCount(tx, ctx.businessId, ids);
    if (found.length !== ids.length) throw notFound("Product");
    const archived = found.find((p) => p.archived);
    if (archived) {
      throw new AppError("product_archived", 409, `${archived.name} is archived; it cannot be counted.`, {
        productId: archived.id,
      });
    }
    await upsertCountLines(
      tx,
      ctx.businessId,
      id,
      lines.map((l) => ({ productId: l.productId, countedMilli: toMilli(l.counted) })),
      { userId: ctx.userId, at: now },
    );
  });
  return getCount(db, ctx, id);
}

/**
 * Writes one `count` movement per product whose counted quantity differs from its level now,
 * so the level becomes exactly what was counted. Claiming the count (open → applied) first
 * makes a second apply, even a concurrent one, a 409.
 */
export async function applyCount(db: Db, ctx: Ctx, id: string, now: Date) {
  await inBusiness(db, ctx.businessId, async (tx) => {
    const count = await openCountFor(tx, ctx, id);
    await setCountStatus(tx, ctx.businessId, id, { status: "applied", appliedBy: ctx.userId, appliedAt: now });
    // Lock the levels being corrected so no sale slips between reading and correcting them.
    const lines = await lockCountedLevels(tx, ctx.businessId, id, count.locationId);
    for (const line of lines) {
      await setLineExpected(tx, ctx.businessId, id, line.productId, line.levelMilli);
      const difference = line.countedMilli - line.levelMilli;
      if (difference === 0) continue;
      await moveStock(
        tx,
        ctx,
        {
          productId: line.productId,
          locationId: count.locationId,
          kind: "count",
          quantityMilli: difference,
          reason: "count_correction",
          note: `Stock count ${id.slice(0, 8)}`,
        },
        // The result is the counted quantity, never below zero; a level already negative may rise to it.
        { allowNegative: true, now },
      );
    }
    // Every counted line is known from now on, including those that matched the record exactly.
    await markCounted(
      tx,
      ctx,
      count.locationId,
      lines.map((l) => l.productId),
      now,
    );
    await audit(tx, {
      businessId: ctx.businessId,
      userId: ctx.userId,
      action: "stock_count.applied",
      entity: "stock_count",
      entityId: id,
    });
  });
  return getCount(db, ctx, id);
}

export async function cancelCount(db: Db, ctx: Ctx, id: string) {
  await inBusiness(db, ctx.businessId, async (tx) => {
    await openCountFor(tx, ctx, id);
    await setCountStatus(tx, ctx.businessId, id, { status: "cancelled" });
  });
  return getCount(db, ctx, id);
}

export async function listCounts(db: Db, ctx: Ctx, query: ListQuery) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    if (query.locationId) await requireLocations(tx, ctx, [query.locationId]);
    const locationIds = query.locationId ? [query.locationId] : ctx.locationIds;
    return { items: await findCountSummaries(tx, ctx.businessId, { locationIds, status: query.status }) };
  });
}

/** Expected is the level now while the count is open, and the level it corrected once applied. */
export async function getCount(db: Db, ctx: Ctx, id: string) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const [summary] = await findCountSummaries(tx, ctx.businessId, { id });
    if (!summary) throw notFound("Stock count");
    assertLocationAllowed(ctx, summary.locationId);
    const lines = await findCountLines(tx, ctx.businessId, summary);
    return {
      ...summary,
      lines: lines.map((l) => ({
        productId: l.productId,
        productName: l.productName,
        unit: l.unit,
        counted: fromMilli(l.countedMilli),
        expected: fromMilli(l.expectedMilli),
        difference: fromMilli(l.countedMilli - l.expectedMilli),
        countedAt: l.countedAt,
      })),
    };
  });
}
