import type { ImportCounts, ImportFormat, ImportKind } from "@duka/contracts";
import { and, desc, eq, getTableColumns, lt, type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows, type Tx } from "../../db/client.js";
import { imports } from "../../db/schema.js";

/** Rows a set-based statement takes at a time: 1,000 keeps each statement well under a second. */
export const BATCH = 1000;

/**
 * Runs `statement` once per batch of rows, the batch passed as one jsonb array (to read with
 * `jsonb_to_recordset`): a file of 20,000 rows is 20 statements, not 20,000.
 */
export async function forBatches<T>(tx: Queryable, rows: T[], statement: (batch: SQL) => SQL, size = BATCH) {
  for (let i = 0; i < rows.length; i += size) {
    await tx.execute(statement(sql`${JSON.stringify(rows.slice(i, i + size))}::jsonb`));
  }
}

/** The business's locations by lower-cased name. */
export async function locationsByName(tx: Tx, businessId: string) {
  const rows = await queryRows<{ id: string; name: string }>(
    tx,
    sql`select id, name from locations where business_id = ${businessId} order by created_at, id`,
  );
  return new Map(rows.map((r) => [r.name.trim().toLowerCase(), r.id]));
}

/** The first open location's name: where a file that names no store puts its rows. */
export async function firstLocationName(tx: Tx, businessId: string): Promise<string> {
  const [first] = await queryRows<{ name: string }>(
    tx,
    sql`select name from locations where business_id = ${businessId} and active order by created_at limit 1`,
  );
  return first?.name ?? "";
}

/** Creates the locations a file names, once the owner confirmed them; fills `into` with their ids. */
export async function createLocations(tx: Tx, businessId: string, names: string[], into: Map<string, string>) {
  for (const name of names) {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into locations (business_id, name) values (${businessId}, ${name}) returning id`,
    );
    if (row) into.set(name.trim().toLowerCase(), row.id);
  }
}

export interface KeptPreview {
  kind: string;
  format: string;
  filename: string;
  headerKey: string;
  mapping: Record<string, string>;
  counts: { new: number; update: number; unchanged: number; error: number };
  payload: unknown;
}

/** Keeps a preview for its hour, and drops the business's previews whose hour is over. */
export async function keepPreview(
  tx: Tx,
  ctx: { businessId: string; userId: string },
  p: KeptPreview,
  now: Date,
  expiresAt: Date,
) {
  await tx
    .delete(imports)
    .where(and(eq(imports.businessId, ctx.businessId), eq(imports.status, "preview"), lt(imports.expiresAt, now)));
  const [row] = await tx
    .insert(imports)
    .values({
      businessId: ctx.businessId,
      kind: p.kind as (typeof imports.$inferInsert)["kind"],
      format: p.format,
      filename: p.filename.slice(0, 200),
      headerKey: p.headerKey,
      mapping: p.mapping,
      counts: p.counts,
      payload: p.payload,
      createdBy: ctx.userId,
      createdAt: now,
      expiresAt,
    })
    .returning({ id: imports.id });
  if (!row) throw new Error("import insert returned nothing");
  return row.id;
}

/** The mapping the owner chose the last time a file with these headers was brought in. */
export async function rememberedMapping(tx: Tx, businessId: string, key: string) {
  const [last] = await tx
    .select({ mapping: imports.mapping })
    .from(imports)
    .where(
      and(
        eq(imports.businessId, businessId),
        eq(imports.headerKey, key),
        eq(imports.status, "committed"),
        eq(imports.format, "mapped"),
      ),
    )
    .orderBy(desc(imports.committedAt))
    .limit(1);
  return last;
}

/**
 * A kept preview, locked: two commits of one file take turns, and the second finds it committed.
 * Its rows stay in the database (a year of receipts is tens of MB): only whether it still has them,
 * and the stores it would create.
 */
export async function lockImport(tx: Tx, businessId: string, id: string) {
  const { payload: _rows, ...columns } = getTableColumns(imports);
  const [row] = await tx
    .select({
      ...columns,
      kept: sql<boolean>`${imports.payload} is not null`,
      newLocations: sql<string[]>`coalesce(${imports.payload}->'newLocations', '[]'::jsonb)`,
    })
    .from(imports)
    .where(and(eq(imports.businessId, businessId), eq(imports.id, id)))
    .for("update");
  return row;
}

/** A kept preview's whole payload: products and customers, which are planned all at once. */
export async function keptPayload(tx: Tx, businessId: string, id: string) {
  const [row] = await tx
    .select({ payload: imports.payload })
    .from(imports)
    .where(and(eq(imports.businessId, businessId), eq(imports.id, id)));
  return row?.payload;
}

/** The preview becomes history: its counts kept, its rows dropped. */
export async function markCommitted(
  tx: Tx,
  businessId: string,
  id: string,
  c: { counts: KeptPreview["counts"]; userId: string; at: Date },
) {
  await tx
    .update(imports)
    .set({ status: "committed", counts: c.counts, payload: null, committedAt: c.at, createdBy: c.userId })
    .where(and(eq(imports.businessId, businessId), eq(imports.id, id)));
}

/** Committed files, newest first, with who brought each in. */
export function importHistory(tx: Tx, businessId: string) {
  return queryRows<{
    id: string;
    kind: ImportKind;
    format: ImportFormat;
    filename: string;
    counts: ImportCounts;
    user_name: string | null;
    committed_at: Date | string;
  }>(
    tx,
    sql`select i.id, i.kind, i.format, i.filename, i.counts, u.name as user_name, i.committed_at
        from imports i left join users u on u.business_id = i.business_id and u.id = i.created_by
        where i.business_id = ${businessId} and i.status = 'committed'
        order by i.committed_at desc limit 200`,
  );
}
