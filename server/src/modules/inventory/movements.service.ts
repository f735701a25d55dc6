import { randomUUID } from "node:crypto";
import type { StockMovementBody, StockMovementQuery } from "@duka/contracts";
import type { z } from "zod";
import type { Db, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { badRequest, forbidden } from "../../lib/errors.js";
import { fromMilli, toMilli } from "../../lib/quantity.js";
import { can } from "../auth/permissions.js";
import { type MoveStockInput, type MoveStockResult, moveStock } from "./ledger.js";
import { requireLocations } from "./locations.js";
import { findMovements } from "./movements.repository.js";

type Body = z.output<typeof StockMovementBody>;
type Query = z.output<typeof StockMovementQuery>;

/** Receive, adjust or transfer from the stock screens; each kind checks its own permission. */
export async function recordMovement(db: Db, ctx: Ctx, body: Body, now: Date) {
  if (body.kind === "adjust" && !can(ctx.role, "stock.adjust")) throw forbidden("Only the owner can adjust stock.");
  if (body.kind === "transfer" && !can(ctx.role, "stock.transfer")) {
    throw forbidden("Only the owner can transfer stock.");
  }
  const results = await inBusiness(db, ctx.businessId, async (tx) => {
    const base = { productId: body.productId, note: body.note ?? null };
    const opts = { now };
    if (body.kind === "receive") {
      const input = { ...base, locationId: body.locationId, unitCost: body.unitCost ?? null };
      return [await move(tx, ctx, { ...input, kind: "receive", quantityMilli: toMilli(body.quantity) }, opts)];
    }
    if (body.kind === "adjust") {
      const input = { ...base, locationId: body.locationId, reason: body.reason };
      return [await move(tx, ctx, { ...input, kind: "adjust", quantityMilli: toMilli(body.quantity) }, opts)];
    }
    if (body.toLocationId === body.locationId) {
      throw badRequest("Choose a different location to transfer to.", {
        fields: { toLocationId: ["must differ from locationId"] },
      });
    }
    await requireLocations(tx, ctx, [body.locationId, body.toLocationId]);
    const transferId = randomUUID();
    const qty = toMilli(body.quantity);
    const out = {
      ...base,
      locationId: body.locationId,
      kind: "transfer_out",
      quantityMilli: -qty,
      transferId,
    } as const;
    const into = {
      ...base,
      locationId: body.toLocationId,
      kind: "transfer_in",
      quantityMilli: qty,
      transferId,
    } as const;
    // Lock the two level rows in one global order (by location id), so two opposite transfers
    // cannot deadlock; the transaction makes the pair all-or-nothing whichever leg runs first.
    if (body.locationId < body.toLocationId) {
      const a = await move(tx, ctx, out, opts);
      return [a, await move(tx, ctx, into, opts)];
    }
    const b = await move(tx, ctx, into, opts);
    return [await move(tx, ctx, out, opts), b];
  });
  const ids = results.map((r) => r.result.movementId);
  const movements = await inBusiness(db, ctx.businessId, (tx) =>
    findMovements(tx, ctx.businessId, { ids, limit: 200 }),
  );
  const lowStock = results
    .filter((r) => r.result.crossedLowStock)
    .map((r) => ({
      productId: r.input.productId,
      locationId: r.input.locationId,
      level: fromMilli(r.result.levelAfterMilli),
      threshold: fromMilli(r.result.thresholdMilli),
    }));
  // In the order the caller reads them (a transfer: out, then in), whatever order they were written.
  const byId = new Map(movements.map((m) => [m.id, m]));
  const ordered = results.flatMap((r) => byId.get(r.result.movementId) ?? []);
  return { movements: ordered, lowStock };
}

async function move(tx: Tx, ctx: Ctx, input: MoveStockInput, opts: { now: Date }) {
  const result: MoveStockResult = await moveStock(tx, ctx, input, opts);
  return { input, result };
}

/** The ledger, filtered, newest first, with a cursor on the movement id (ids only grow). */
export async function listMovements(db: Db, ctx: Ctx, query: Query) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    if (query.locationId) await requireLocations(tx, ctx, [query.locationId]);
    if (query.cursor && !/^\d{1,19}$/.test(query.cursor)) {
      throw badRequest("This page link is no longer valid. Start again.");
    }
    const rows = await findMovements(tx, ctx.businessId, {
      productId: query.productId,
      locationIds: query.locationId ? [query.locationId] : ctx.locationIds,
      from: query.from,
      to: query.to,
      timeZone: ctx.business.timeZone,
      beforeId: query.cursor,
      limit: query.limit + 1,
    });
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? last.id : null };
  });
}
