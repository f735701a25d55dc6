import { randomUUID } from "node:crypto";
import type { MovementKind, StockMovementBody, StockMovementQuery } from "@duka/contracts";
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows, type Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { badRequest, forbidden } from "../../lib/errors.js";
import { fromMilli, parseMilli, toMilli } from "../../lib/quantity.js";
import { can } from "../auth/permissions.js";
import { type MoveStockInput, type MoveStockResult, moveStock } from "./ledger.js";
import { requireLocations } from "./locations.js";

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
  const movements = await inBusiness(db, ctx.businessId, (tx) =>
    movementRows(
      tx,
      ctx,
      sql`m.id in (${sql.join(
        results.map((r) => sql`${r.result.movementId}::bigint`),
        sql`, `,
      )})`,
    ),
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

interface MovementRow {
  id: string;
  product_id: string;
  product_name: string;
  location_id: string;
  location_name: string;
  kind: MovementKind;
  quantity: string;
  level_after: string;
  reason: string | null;
  note: string | null;
  unit_cost: string | number | null;
  sale_id: string | null;
  transfer_id: string | null;
  user_id: string | null;
  user_name: string | null;
  created_at: string | Date;
}

/** Ledger rows with the names a person reads, newest first; `where` is ANDed with the tenant filter. */
export async function movementRows(tx: Tx, ctx: Ctx, where: SQL, limit = 200) {
  const rows = await queryRows<MovementRow>(
    tx,
    sql`select m.id::text as id, m.product_id, p.name as product_name, m.location_id, l.name as location_name,
          m.kind, m.quantity::text as quantity, m.level_after::text as level_after, m.reason, m.note,
          m.unit_cost, m.sale_id, m.transfer_id, m.user_id, u.name as user_name, m.created_at
        from stock_movements m
        join products p on p.business_id = m.business_id and p.id = m.product_id
        join locations l on l.business_id = m.business_id and l.id = m.location_id
        left join users u on u.business_id = m.business_id and u.id = m.user_id
        where m.business_id = ${ctx.businessId} and ${where}
        order by m.id desc limit ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    productName: r.product_name,
    locationId: r.location_id,
    locationName: r.location_name,
    kind: r.kind,
    quantity: fromMilli(parseMilli(r.quantity)),
    levelAfter: fromMilli(parseMilli(r.level_after)),
    reason: r.reason,
    note: r.note,
    unitCost: r.unit_cost === null ? null : Number(r.unit_cost),
    saleId: r.sale_id,
    transferId: r.transfer_id,
    userId: r.user_id,
    userName: r.user_name,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** The ledger, filtered, newest first, with a cursor on the movement id (ids only grow). */
export async function listMovements(db: Db, ctx: Ctx, query: Query) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const filters: SQL[] = [];
    if (query.locationId) await requireLocations(tx, ctx, [query.locationId]);
    if (query.productId) filters.push(sql`m.product_id = ${query.productId}`);
    if (query.locationId) filters.push(sql`m.location_id = ${query.locationId}`);
    else if (ctx.locationIds) {
      filters.push(
        sql`m.location_id in (${sql.join(
          ctx.locationIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      );
    }
    const tz = ctx.business.timeZone;
    if (query.from)
      filters.push(sql`m.created_at >= ${isDate(query.from) ? dayStart(query.from, tz, 0) : instant(query.from)}`);
    if (query.to) {
      filters.push(
        isDate(query.to) ? sql`m.created_at < ${dayStart(query.to, tz, 1)}` : sql`m.created_at <= ${instant(query.to)}`,
      );
    }
    if (query.cursor) {
      if (!/^\d{1,19}$/.test(query.cursor)) throw badRequest("This page link is no longer valid. Start again.");
      filters.push(sql`m.id < ${query.cursor}::bigint`);
    }
    const where = filters.length ? sql.join(filters, sql` and `) : sql`true`;
    const rows = await movementRows(tx, ctx, where, query.limit + 1);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? last.id : null };
  });
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const instant = (value: string) => sql`${value}::timestamptz`;

/** The start of a calendar day (plus `days`) in the business's time zone; PostgreSQL does the zone arithmetic. */
function dayStart(date: string, timeZone: string, days: number): SQL {
  return sql`((${date}::date + ${days}::int)::timestamp at time zone ${timeZone})`;
}
