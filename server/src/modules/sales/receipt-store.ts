import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import type { Document, Sale } from "@duka/contracts";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import type { Ctx } from "../../lib/context.js";
import type { SealedStorage } from "../../lib/storage/sealed.js";
import { findDocumentRow, insertDocument, otherReceipts, toDocument } from "../documents/documents.repository.js";
import { deleteDocument, storageKeyOf } from "../documents/documents.service.js";
import { renderReceiptPdf } from "./receipt-pdf.js";
import { getSale } from "./sales.list.js";

/**
 * The stored receipt's id follows from everything it prints: the sale as read now (status, refunds,
 * names) and the business's name, currency, locale and zone. A void, a refund or a renamed shop
 * gives a new id, so a fresh receipt is made; an unchanged sale finds the one already stored.
 * `v` is the layout and its words: raised when they change (2: payment methods by their names),
 * so receipts stored before are made again as they now print.
 */
export function receiptDocumentId(ctx: Ctx, sale: Sale): string {
  const { name, currency, locale, timeZone } = ctx.business;
  const digest = createHash("sha256")
    .update(JSON.stringify({ v: 2, sale, business: { name, currency, locale, timeZone } }))
    .digest();
  // Shaped as an RFC 9562 version-8 (custom) UUID so it fits the documents table's id.
  digest[6] = ((digest[6] as number) & 0x0f) | 0x80;
  digest[8] = ((digest[8] as number) & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface OpenReceipt {
  document: Document;
  /** The PDF just made, or the stored one's decrypted stream. */
  body: Buffer | Readable;
  /** True when this request made the PDF; false when it was read back from storage. */
  generated: boolean;
}

/**
 * A sale's PDF receipt, made and stored encrypted as a "receipt" document on first request, read
 * from storage after that. Who may see the sale is decided by getSale: another business's sale, or
 * another staff member's, is not found.
 */
export async function openReceiptPdf(
  db: Db,
  files: SealedStorage,
  ctx: Ctx,
  saleId: string,
  now: Date,
): Promise<OpenReceipt> {
  const sale = await getSale(db, ctx, saleId);
  const id = receiptDocumentId(ctx, sale);
  // The receipt is found by its id, made from the sale the caller may see: no further filter.
  const find = () => inBusiness(db, ctx.businessId, (tx) => findDocumentRow(tx, ctx.businessId, id, null));
  const stored = await find();
  if (stored) return { document: toDocument(stored), body: await files.get(stored.storageKey), generated: false };

  const pdf = await renderReceiptPdf(ctx, sale);
  const key = storageKeyOf(ctx.businessId, id);
  // A twin request may be writing the same key: the PDF is the same bytes, and drivers replace atomically.
  await files.put(key, pdf, { contentType: "application/pdf" });
  const row = await inBusiness(db, ctx.businessId, (tx) =>
    insertDocument(
      tx,
      ctx.businessId,
      {
        id,
        kind: "receipt",
        saleId: sale.id,
        filename: `receipt-${sale.number}.pdf`,
        contentType: "application/pdf",
        size: pdf.length,
        storageKey: key,
        createdBy: ctx.userId,
        createdAt: now,
      },
      { ifAbsent: true },
    ),
  );
  const twin = row ?? (await find());
  if (!twin) throw new Error(`receipt ${id} vanished`);
  const document = toDocument(twin);
  if (row) await dropStaleReceipts(db, files, ctx, sale.id, id);
  return { document, body: pdf, generated: true };
}

/** Receipts made before the sale last changed would show the wrong state; only the newest is kept. */
async function dropStaleReceipts(db: Db, files: SealedStorage, ctx: Ctx, saleId: string, keep: string) {
  const stale = await inBusiness(db, ctx.businessId, (tx) => otherReceipts(tx, ctx.businessId, saleId, keep));
  for (const id of stale) {
    // Best effort: a leftover old receipt is harmless, a failed download because of it would not be.
    await deleteDocument(db, files, ctx, id).catch(() => undefined);
  }
}
