import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { type Document, type DocumentAttachment, type DocumentUsage, decodeKeyCursor } from "@duka/contracts";
import type { Db, Tx } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import { badRequest, notFound } from "../../lib/errors.js";
import { decryptFailed } from "../../lib/storage/crypto.js";
import type { SealedStorage } from "../../lib/storage/sealed.js";
import { sees } from "../auth/policy.js";
import {
  customerExists,
  type DocumentRow,
  deleteDocumentRow,
  documentTotals,
  findDocumentRow,
  findDocuments,
  insertDocument,
  saleExists,
  stockMovementExists,
  toDocument,
} from "./documents.repository.js";
import { assertRoom, quotaExceeded, usedBytes } from "./quota.js";
import { UploadGuard } from "./upload-guard.js";

type Row = DocumentRow;
type Attachment = { saleId?: string; customerId?: string; stockMovementId?: number };

export interface NewDocument {
  body: Readable;
  filename: string | undefined;
  attachment: Attachment;
  /** "receipt" for a sale's generated receipt; uploads are "document". */
  kind?: "document" | "receipt";
  maxBytes: number;
  /** The business's storage quota in bytes (DOCUMENT_QUOTA_BYTES); receipts are counted, never refused. */
  quotaBytes?: number;
  now: Date;
}

export const storageKeyOf = (businessId: string, id: string) => `documents/${businessId}/${id}`;

export { toDocument };

/**
 * Staff see only their own sales (GET /sales/:id), so a document attached to someone else's sale,
 * its PDF receipt included, is not theirs to see either. Documents on customers and stock
 * receipts stay shared with the team.
 */
const onlySalesBy = (ctx: Ctx) => (sees.allSales(ctx) ? null : ctx.userId);

/** What a document is attached to must exist in the caller's business: otherwise 404, as if absent. */
export async function assertAttachable(db: Db, ctx: Ctx, a: DocumentAttachment & Attachment): Promise<void> {
  const given = [a.saleId, a.customerId, a.stockMovementId].filter((v) => v !== undefined);
  if (given.length > 1) throw badRequest("Attach a document to one thing only: a sale, a customer or a stock receipt.");
  await inBusiness(db, ctx.businessId, async (tx) => {
    const b = ctx.businessId;
    // As with reading a sale: staff attach only to their own sales; anyone else's is not found.
    if (a.saleId && !(await saleExists(tx, b, a.saleId, onlySalesBy(ctx)))) throw notFound("Sale");
    if (a.customerId && !(await customerExists(tx, b, a.customerId))) throw notFound("Customer");
    if (a.stockMovementId !== undefined && !(await stockMovementExists(tx, b, a.stockMovementId))) {
      throw notFound("Stock movement");
    }
  });
}

/** Marks that reorder how text is shown: "fa\u202egnp.exe" would display as "faexe.png". */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A file name safe to keep and to show: no folders, no control or direction characters, bounded. */
export function safeFilename(name: string | undefined, contentType: string): string {
  const base = (name ?? "").replace(BIDI_CONTROLS, "").split(/[/\\]/).pop() ?? "";
  const printable = [...base].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== "\u007f" && ch !== '"').join("");
  const clean = printable.trim().slice(0, 120);
  return clean || `document.${contentType === "application/pdf" ? "pdf" : contentType.split("/")[1]}`;
}

/**
 * Streams a file through the type and size checks and the encryption into storage, then records
 * it. Any refusal or failure leaves neither an object nor a row behind.
 */
export async function storeDocument(db: Db, files: SealedStorage, ctx: Ctx, input: NewDocument): Promise<Document> {
  await assertAttachable(db, ctx, input.attachment);
  const { quotaBytes } = input;
  // Already full: refuse before a byte is stored. The exact check is made with the file's size below.
  if (quotaBytes !== undefined) {
    await inBusiness(db, ctx.businessId, async (tx) => {
      const used = await usedBytes(tx, ctx.businessId);
      if (used >= quotaBytes) throw quotaExceeded(used, quotaBytes);
    });
  }
  const id = randomUUID();
  const key = storageKeyOf(ctx.businessId, id);
  const guard = new UploadGuard(input.maxBytes);
  input.body.on("error", (err) => guard.destroy(err));
  input.body.pipe(guard);
  try {
    await files.put(key, guard);
  } catch (err) {
    input.body.destroy();
    await files.delete(key).catch(() => undefined);
    throw guard.refusal ?? err;
  }
  const contentType = guard.contentType as string;
  try {
    const row = await inBusiness(db, ctx.businessId, async (tx) => {
      if (quotaBytes !== undefined) await assertRoom(tx, ctx.businessId, quotaBytes, guard.bytes);
      return insertDocument(tx, ctx.businessId, {
        id,
        kind: input.kind ?? "document",
        saleId: input.attachment.saleId ?? null,
        customerId: input.attachment.customerId ?? null,
        stockMovementId: input.attachment.stockMovementId ?? null,
        filename: safeFilename(input.filename, contentType),
        contentType,
        size: guard.bytes,
        storageKey: key,
        createdBy: ctx.userId,
        createdAt: input.now,
      });
    });
    if (!row) throw new Error("document insert returned nothing");
    return toDocument(row);
  } catch (err) {
    await files.delete(key).catch(() => undefined);
    throw err;
  }
}

async function findRow(tx: Tx, ctx: Ctx, id: string): Promise<Row> {
  const row = await findDocumentRow(tx, ctx.businessId, id, onlySalesBy(ctx));
  if (!row) throw notFound("Document");
  return row;
}

export async function getDocument(db: Db, ctx: Ctx, id: string): Promise<Document> {
  return toDocument(await inBusiness(db, ctx.businessId, (tx) => findRow(tx, ctx, id)));
}

/** The document's metadata and its decrypted bytes as a stream; a wrong key fails here, before any byte. */
export async function openDocument(db: Db, files: SealedStorage, ctx: Ctx, id: string) {
  const row = await inBusiness(db, ctx.businessId, (tx) => findRow(tx, ctx, id));
  return { document: toDocument(row), stream: await files.get(placeOf(row)) };
}

/**
 * A document's file lives at documents/<business>/<document>, and that key is sealed into its
 * encryption: a row pointing elsewhere, or another file copied there, does not open.
 */
function placeOf(row: Row): string {
  const place = storageKeyOf(row.businessId, row.id);
  if (row.storageKey !== place) throw decryptFailed(`document ${row.id} points at ${row.storageKey}, not ${place}.`);
  return place;
}

/** Removes the stored object first: a row without its file could be retried, a file without a row never would. */
export async function deleteDocument(db: Db, files: SealedStorage, ctx: Ctx, id: string): Promise<void> {
  const row = await inBusiness(db, ctx.businessId, (tx) => findRow(tx, ctx, id));
  await files.delete(row.storageKey);
  await inBusiness(db, ctx.businessId, (tx) => deleteDocumentRow(tx, ctx.businessId, id));
}

const encodeCursor = (row: Row) =>
  Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");

/** The route's KeyCursor("instant", "id") has already checked its shape. */
function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = decodeKeyCursor(cursor) as [string, string];
  return { at: new Date(at), id };
}

export async function listDocuments(
  db: Db,
  ctx: Ctx,
  query: Attachment & { limit: number; cursor?: string | undefined },
): Promise<{ items: Document[]; nextCursor: string | null }> {
  const filter = {
    saleId: query.saleId,
    customerId: query.customerId,
    stockMovementId: query.stockMovementId,
    before: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  };
  const rows = await inBusiness(db, ctx.businessId, (tx) =>
    findDocuments(tx, ctx.businessId, filter, onlySalesBy(ctx)),
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { items: page.map(toDocument), nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}

export async function documentUsage(db: Db, ctx: Ctx, quotaBytes: number): Promise<DocumentUsage> {
  const totals = await inBusiness(db, ctx.businessId, (tx) => documentTotals(tx, ctx.businessId));
  return { ...totals, quotaBytes };
}
