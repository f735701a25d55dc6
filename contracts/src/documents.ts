import { z } from "zod";
import { Id, Instant, KeyCursor } from "./common.js";

/** The file types a document may be, decided from its first bytes, never from its name. */
export const DocumentContentType = z.enum(["image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf"]);
export type DocumentContentType = z.infer<typeof DocumentContentType>;

/** What a document is attached to: at most one of these, each optional. */
const StockMovementId = z.coerce
  .number({ message: "must be a stock movement number" })
  .int("must be a stock movement number")
  .positive("must be a stock movement number");

export const DocumentAttachment = z.object({
  saleId: Id.optional(),
  customerId: Id.optional(),
  stockMovementId: StockMovementId.optional(),
});
export type DocumentAttachment = z.input<typeof DocumentAttachment>;

export const DocumentListQuery = DocumentAttachment.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: KeyCursor("instant", "id").optional(),
});

export const Document = z.object({
  id: Id,
  kind: z.enum(["document", "receipt"]),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  saleId: Id.nullable(),
  customerId: Id.nullable(),
  stockMovementId: z.number().int().nullable(),
  createdBy: Id.nullable(),
  createdAt: Instant,
});
export type Document = z.infer<typeof Document>;

export const DocumentPage = z.object({ items: z.array(Document), nextCursor: z.string().nullable() });
export type DocumentPage = z.infer<typeof DocumentPage>;

/** quotaBytes: the most the business may keep (uploads past it are refused; receipts still count). */
export const DocumentUsage = z.object({
  count: z.number().int(),
  totalBytes: z.number().int(),
  quotaBytes: z.number().int(),
});
export type DocumentUsage = z.infer<typeof DocumentUsage>;
