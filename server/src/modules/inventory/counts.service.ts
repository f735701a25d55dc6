import type { StockCountLinesBody, StockCountListQuery } from "@duka/contracts";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, queryRows, type Tx } from "../../db/client.js";
import { products, stockCountLines, stockCounts } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { AppError, conflict, notFound } from "../../lib/errors.js";
import { fromMilli, milliToNumeric, parseMilli, toMilli } from "../../lib/quantity.js";
import { audit } from "../audit/audit.service.js";
import { markCounted, moveStock } from "./ledger.js";
import { assertLocationAllowed, requireLocations } from "./locations.js";

type Lines = z.output<typeof StockCountLinesBody>["lines"];
type ListQuery = z.output<typeof StockCountListQuery>;

export async function openCount(db: Db, ctx: Ctx, input: { locationId: string; note?: string | null }, now: Date) {
  const id = await inBusiness(db, ctx.businessId, async (tx) => {
    await requireLocations(tx, ctx, [input.locationId]);
    const [row] = await tx
      .insert(stockCounts)
      .values({
        businessId: ctx.businessId,
        locationId: input.locationId,
        note: input.note ?? null,
        createdBy: ctx.userId,
        createdAt: now,
      })
      .returning({ id: stockCounts.id });
    if (!row) throw new Error("stock count insert returned nothing");
    return row.id;
  });
  return getCount(db, ctx, id);
}

/** The count, locked for the rest of the transaction, checked to be the user's to touch and still open. */
async function openCountFor(tx: Tx, ctx: Ctx, id: string) {
  const [count] = await tx
    .select()
    .from(stockCounts)
    .where(and(eq(stockCounts.businessId, ctx.businessId), eq(stockCounts.id, id)))
    .for("update");
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
    const found = await tx
      .select({ id: products.id, name: products.name, archived: products.archived })
      .from(products)
      .where(and(eq(products.businessId, ctx.businessId), inArray(products.id, ids)));
    if (found.length !== ids.length) throw notFound("Product");
    const archived = found.find((p) => p.archived);
    if (archived) {
      throw new AppError("product_archived", 409, `${archived.name} is archived; it cannot be counted.`, {
        productId: archived.id,
      });
    }
    const values = lines.map((l) => ({
      businessId: ctx.businessId,
      countId: id,
      productId: l.productId,
      counted: milliToNumeric(toMilli(l.counted)),
      countedBy: ctx.userId,
      countedAt: now,
    }));
    await tx
      .insert(stockCountLines)
      .values(values)
      .onConflictDoUpdate({
        target: [stockCountLines.countId, stockCountLines.productId],
        set: { counted: sql`excluded.counted`, countedBy: ctx.userId, countedAt: now },
      });
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
    await tx
      .update(stockCounts)
      .set({ status: "applied", appliedBy: ctx.userId, appliedAt: now })
      .where(eq(stockCounts.id, id));
    // Lock the levels being corrected so no sale slips between reading and correcting them.
    await tx.execute(
      sql`select 1 from stock_levels where business_id = ${ctx.businessId} and location_id = ${count.locationId}
            and product_id in (select product_id from stock_count_lines where business_id = ${ctx.businessId} and count_id = ${id})
          order by product_id for update`,
    );
    const lines = await queryRows<{ product_id: string; counted: string; level: string | null }>(
      tx,
      sql`select c.product_id, c.counted::text as counted, s.quantity::text as level
          from stock_count_lines c
          left join stock_levels s on s.business_id = c.business_id and s.product_id = c.product_id
            and s.location_id = ${count.locationId}
          where c.business_id = ${ctx.businessId} and c.count_id = ${id}
          order by c.product_id`,
    );
    for (const line of lines) {
      const expected = parseMilli(line.level ?? "0");
      await tx
        .update(stockCountLines)
        .set({ expected: milliToNumeric(expected) })
        .where(and(eq(stockCountLines.countId, id), eq(stockCountLines.productId, line.product_id)));
      const difference = parseMilli(line.counted) - expected;
      if (difference === 0) continue;
      await moveStock(
        tx,
        ctx,
        {
          productId: line.product_id,
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
      lines.map((l) => l.product_id),
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
    await tx.update(stockCounts).set({ status: "cancelled" }).where(eq(stockCounts.id, id));
  });
  return getCount(db, ctx, id);
}

interface SummaryRow {
  id: string;
  location_id: string;
  location_name: string;
  status: "open" | "applied" | "cancelled";
  note: string | null;
  line_count: number;
  created_at: string | Date;
  applied_at: string | Date | null;
}

async function summaries(tx: Tx, ctx: Ctx, where: SQL) {
  const rows = await queryRows<SummaryRow>(
    tx,
    sql`select c.id, c.location_id, l.name as location_name, c.status, c.note, c.created_at, c.applied_at,
          (select count(*)::int from stock_count_lines x where x.business_id = c.business_id and x.count_id = c.id) as line_count
        from stock_counts c join locations l on l.business_id = c.business_id and l.id = c.location_id
        where c.business_id = ${ctx.businessId} and ${where}
        order by c.created_at desc, c.id limit 100`,
  );
  return rows.map((r) => ({
    id: r.id,
    locationId: r.location_id,
    locationName: r.location_name,
    status: r.status,
    note: r.note,
    lineCount: r.line_count,
    createdAt: new Date(r.created_at).toISOString(),
    appliedAt: r.applied_at ? new Date(r.applied_at).toISOString() : null,
  }));
}

export async function listCounts(db: Db, ctx: Ctx, query: ListQuery) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const filters: SQL[] = [sql`true`];
    if (query.locationId) {
      await requireLocations(tx, ctx, [query.locationId]);
      filters.push(sql`c.location_id = ${query.locationId}`);
    } else if (ctx.locationIds) {
      filters.push(
        sql`c.location_id in (${sql.join(
          ctx.locationIds.map((l) => sql`${l}::uuid`),
          sql`, `,
        )})`,
      );
    }
    if (query.status) filters.push(sql`c.status = ${query.status}`);
    return { items: await summaries(tx, ctx, sql.join(filters, sql` and `)) };
  });
}

/** Expected is the level now while the count is open, and the level it corrected once applied. */
export async function getCount(db: Db, ctx: Ctx, id: string) {
  return inBusiness(db, ctx.businessId, async (tx) => {
    const [summary] = await summaries(tx, ctx, sql`c.id = ${id}`);
    if (!summary) throw notFound("Stock count");
    assertLocationAllowed(ctx, summary.locationId);
    const lines = await queryRows<{
      product_id: string;
      name: string;
      unit: string;
      counted: string;
      expected: string;
      counted_at: string | Date;
    }>(
      tx,
      sql`select c.product_id, p.name, p.unit, c.counted::text as counted, c.counted_at,
            (case when ${summary.status} = 'applied' then coalesce(c.expected, 0) else coalesce(s.quantity, 0) end)::text as expected
          from stock_count_lines c
          join products p on p.business_id = c.business_id and p.id = c.product_id
          left join stock_levels s on s.business_id = c.business_id and s.product_id = c.product_id
            and s.location_id = ${summary.locationId}
          where c.business_id = ${ctx.businessId} and c.count_id = ${id}
          order by lower(p.name), p.id`,
    );
    return {
      ...summary,
      lines: lines.map((l) => {
        const counted = parseMilli(l.counted);
        const expected = parseMilli(l.expected);
        return {
          productId: l.product_id,
          productName: l.name,
          unit: l.unit,
          counted: fromMilli(counted),
          expected: fromMilli(expected),
          difference: fromMilli(counted - expected),
          countedAt: new Date(l.counted_at).toISOString(),
        };
      }),
    };
  });
}
