import type { Document } from "@duka/contracts";
import { and, desc, eq, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { customers, documents, sales, stockMovements } from "../../db/schema.js";

/**
 * The documents table: uploads and generated receipts. `onlySalesBy` (a user id, or null for
 * everyone's) is the caller's decision on whose sales' documents may be seen (auth/policy.ts).
 */

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocumentRow = Omit<typeof documents.$inferInsert, "businessId">;

export function toDocument(row: DocumentRow): Document {
  return {
    id: row.id,
    kind: row.kind,
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    saleId: row.saleId,
    customerId: row.customerId,
    stockMovementId: row.stockMovementId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A document attached to a sale is seen only by those who see the sale. */
function visible(onlySalesBy: string | null): SQL | undefined {
  if (!onlySalesBy) return undefined;
  return sql`(${documents.saleId} is null or exists (select 1 from ${sales} s
    where s.business_id = ${documents.businessId} and s.id = ${documents.saleId} and s.user_id = ${onlySalesBy}))`;
}

/** Whether a sale (optionally only one made by `onlyBy`), a customer or a stock movement exists. */
export async function saleExists(tx: Tx, businessId: string, id: string, onlyBy: string | null) {
  const own = onlyBy ? eq(sales.userId, onlyBy) : undefined;
  const rows = await tx
    .select({ id: sales.id })
    .from(sales)
    .where(and(eq(sales.businessId, businessId), eq(sales.id, id), own));
  return rows.length > 0;
}

export async function customerExists(tx: Tx, businessId: string, id: string) {
  const rows = await tx
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.businessId, businessId), eq(customers.id, id)));
  return rows.length > 0;
}

export async function stockMovementExists(tx: Tx, businessId: string, id: number) {
  const rows = await tx
    .select({ id: stockMovements.id })
    .from(stockMovements)
    .where(and(eq(stockMovements.businessId, businessId), eq(stockMovements.id, id)));
  return rows.length > 0;
}

/** Stores the row; null when `ifAbsent` and a row with that id is already there. */
export async function insertDocument(
  tx: Tx,
  businessId: string,
  values: NewDocumentRow,
  opts: { ifAbsent?: boolean } = {},
): Promise<DocumentRow | null> {
  const insert = tx.insert(documents).values({ ...values, businessId });
  const [row] = await (opts.ifAbsent ? insert.onConflictDoNothing() : insert).returning();
  return row ?? null;
}

export async function findDocumentRow(tx: Tx, businessId: string, id: string, onlySalesBy: string | null) {
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.businessId, businessId), eq(documents.id, id), visible(onlySalesBy)));
  return row ?? null;
}

export async function deleteDocumentRow(tx: Tx, businessId: string, id: string) {
  await tx.delete(documents).where(and(eq(documents.businessId, businessId), eq(documents.id, id)));
}

export interface DocumentFilter {
  saleId?: string | undefined;
  customerId?: string | undefined;
  stockMovementId?: number | undefined;
  /** Strictly before this (created at, id), newest first. */
  before?: { at: Date; id: string } | undefined;
  limit: number;
}

/** Newest first; up to `limit` rows. */
export function findDocuments(tx: Tx, businessId: string, f: DocumentFilter, onlySalesBy: string | null) {
  const where: (SQL | undefined)[] = [eq(documents.businessId, businessId), visible(onlySalesBy)];
  if (f.saleId) where.push(eq(documents.saleId, f.saleId));
  if (f.customerId) where.push(eq(documents.customerId, f.customerId));
  if (f.stockMovementId !== undefined) where.push(eq(documents.stockMovementId, f.stockMovementId));
  if (f.before) {
    const c = f.before;
    where.push(or(lt(documents.createdAt, c.at), and(eq(documents.createdAt, c.at), lt(documents.id, c.id))));
  }
  return tx
    .select()
    .from(documents)
    .where(and(...where))
    .orderBy(desc(documents.createdAt), desc(documents.id))
    .limit(f.limit);
}

/** How many documents the business keeps and their bytes: uploads and generated receipts alike. */
export async function documentTotals(tx: Tx, businessId: string) {
  const [row] = await tx
    .select({ count: sql<number>`count(*)::int`, totalBytes: sql<string>`coalesce(sum(${documents.size}), 0)` })
    .from(documents)
    .where(eq(documents.businessId, businessId));
  return { count: row?.count ?? 0, totalBytes: Number(row?.totalBytes ?? 0) };
}

/** Holds the business's upload lock until the transaction ends. */
export async function lockQuota(tx: Tx, businessId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('documents-quota'), hashtext(${businessId}))`);
}

/** The sale's receipts other than `keep`. */
export async function otherReceipts(tx: Tx, businessId: string, saleId: string, keep: string) {
  const rows = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        eq(documents.businessId, businessId),
        eq(documents.saleId, saleId),
        eq(documents.kind, "receipt"),
        ne(documents.id, keep),
      ),
    );
  return rows.map((r) => r.id);
}
