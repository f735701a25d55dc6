import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { queryRows, type Tx } from "../../db/client.js";
import { products, stockCountLines, stockCounts } from "../../db/schema.js";
import { milliToNumeric, parseMilli } from "../../lib/quantity.js";

/** Stock counts (stocktakes) and their lines; counts.service.ts holds their rules. */

export type CountStatus = "open" | "applied" | "cancelled";

export interface CountSummary {
  id: string;
  locationId: string;
  locationName: string;
  status: CountStatus;
  note: string | null;
  lineCount: number;
  createdAt: string;
  appliedAt: string | null;
}

export async function insertCount(
  tx: Tx,
  businessId: string,
  v: { locationId: string; note: string | null; createdBy: string; createdAt: Date },
): Promise<string> {
  const [row] = await tx
    .insert(stockCounts)
    .values({ businessId, ...v })
    .returning({ id: stockCounts.id });
  if (!row) throw new Error("stock count insert returned nothing");
  return row.id;
}

/** The count row, locked for the rest of the transaction; null if absent. */
export async function lockCount(tx: Tx, businessId: string, id: string) {
  const [row] = await tx
    .select()
    .from(stockCounts)
    .where(and(eq(stockCounts.businessId, businessId), eq(stockCounts.id, id)))
    .for("update");
  return row ?? null;
}

export function productsToCount(tx: Tx, businessId: string, ids: string[]) {
  return tx
    .select({ id: products.id, name: products.name, archived: products.archived })
    .from(products)
    .where(and(eq(products.businessId, businessId), inArray(products.id, ids)));
}

/** Writes the counted quantities; a product counted again replaces its line. */
export async function upsertCountLines(
  tx: Tx,
  businessId: string,
  countId: string,
  lines: { productId: string; countedMilli: number }[],
  by: { userId: string; at: Date },
) {
  await tx
    .insert(stockCountLines)
    .values(
      lines.map((l) => ({
        businessId,
        countId,
        productId: l.productId,
        counted: milliToNumeric(l.countedMilli),
        countedBy: by.userId,
        countedAt: by.at,
      })),
    )
    .onConflictDoUpdate({
      target: [stockCountLines.countId, stockCountLines.productId],
      set: { counted: sql`excluded.counted`, countedBy: by.userId, countedAt: by.at },
    });
}

export async function setCountStatus(
  tx: Tx,
  businessId: string,
  id: string,
  set: { status: "cancelled" } | { status: "applied"; appliedBy: string; appliedAt: Date },
) {
  await tx
    .update(stockCounts)
    .set(set)
    .where(and(eq(stockCounts.businessId, businessId), eq(stockCounts.id, id)));
}

/**
 * Locks the levels of the count's products at its location, in product order, and answers each
 * line's counted quantity and the level now (0 when there is no level row), in milli-units.
 */
export async function lockCountedLevels(tx: Tx, businessId: string, countId: string, locationId: string) {
  await tx.execute(
    sql`select 1 from stock_levels where business_id = ${businessId} and location_id = ${locationId}
          and product_id in (select product_id from stock_count_lines where business_id = ${businessId} and count_id = ${countId})
        order by product_id for update`,
  );
  const rows = await queryRows<{ product_id: string; counted: string; level: string | null }>(
    tx,
    sql`select c.product_id, c.counted::text as counted, s.quantity::text as level
        from stock_count_lines c
        left join stock_levels s on s.business_id = c.business_id and s.product_id = c.product_id
          and s.location_id = ${locationId}
        where c.business_id = ${businessId} and c.count_id = ${countId}
        order by c.product_id`,
  );
  return rows.map((r) => ({
    productId: r.product_id,
    countedMilli: parseMilli(r.counted),
    levelMilli: parseMilli(r.level ?? "0"),
  }));
}

/** Keeps the level a line corrected, so an applied count still shows what was expected. */
export async function setLineExpected(tx: Tx, businessId: string, countId: string, productId: string, milli: number) {
  await tx
    .update(stockCountLines)
    .set({ expected: milliToNumeric(milli) })
    .where(
      and(
        eq(stockCountLines.businessId, businessId),
        eq(stockCountLines.countId, countId),
        eq(stockCountLines.productId, productId),
      ),
    );
}

/**
 * Newest first, at most 100. `locationIds` (null for all) and `status` narrow the list, `id` picks
 * one count.
 */
export async function findCountSummaries(
  tx: Tx,
  businessId: string,
  f: { id?: string; locationIds?: string[] | null; status?: CountStatus | undefined },
): Promise<CountSummary[]> {
  const filters: SQL[] = [sql`true`];
  if (f.id) filters.push(sql`c.id = ${f.id}`);
  if (f.locationIds) {
    filters.push(
      sql`c.location_id in (${sql.join(
        f.locationIds.map((l) => sql`${l}::uuid`),
        sql`, `,
      )})`,
    );
  }
  if (f.status) filters.push(sql`c.status = ${f.status}`);
  const rows = await queryRows<{
    id: string;
    location_id: string;
    location_name: string;
    status: CountStatus;
    note: string | null;
    line_count: number;
    created_at: string | Date;
    applied_at: string | Date | null;
  }>(
    tx,
    sql`select c.id, c.location_id, l.name as location_name, c.status, c.note, c.created_at, c.applied_at,
          (select count(*)::int from stock_count_lines x where x.business_id = c.business_id and x.count_id = c.id) as line_count
        from stock_counts c join locations l on l.business_id = c.business_id and l.id = c.location_id
        where c.business_id = ${businessId} and ${sql.join(filters, sql` and `)}
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

/**
 * The count's lines by product name, in milli-units. Expected is the level now while the count is
 * not applied, and the level it corrected once applied.
 */
export async function findCountLines(
  tx: Tx,
  businessId: string,
  count: { id: string; status: CountStatus; locationId: string },
) {
  const rows = await queryRows<{
    product_id: string;
    name: string;
    unit: string;
    counted: string;
    expected: string;
    counted_at: string | Date;
  }>(
    tx,
    sql`select c.product_id, p.name, p.unit, c.counted::text as counted, c.counted_at,
          (case when ${count.status} = 'applied' then coalesce(c.expected, 0) else coalesce(s.quantity, 0) end)::text as expected
        from stock_count_lines c
        join products p on p.business_id = c.business_id and p.id = c.product_id
        left join stock_levels s on s.business_id = c.business_id and s.product_id = c.product_id
          and s.location_id = ${count.locationId}
        where c.business_id = ${businessId} and c.count_id = ${count.id}
        order by lower(p.name), p.id`,
  );
  return rows.map((r) => ({
    productId: r.product_id,
    productName: r.name,
    unit: r.unit,
    countedMilli: parseMilli(r.counted),
    expectedMilli: parseMilli(r.expected),
    countedAt: new Date(r.counted_at).toISOString(),
  }));
}
