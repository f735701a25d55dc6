import type { Document, DocumentUsage } from "@duka/contracts";
import { get, send, upload } from "../data/endpoints";

export type { Document, DocumentUsage };

const enc = encodeURIComponent;

/** Plain links: the browser downloads with the session cookie, so files never need a public URL. */
export const receiptPdfUrl = (saleId: string) => `/api/v1/sales/${enc(saleId)}/receipt.pdf`;
export const documentUrl = (id: string) => `/api/v1/documents/${enc(id)}/content`;

export const listSaleDocuments = (saleId: string) => get("/documents", { query: { saleId, limit: 200 } });
export const deleteDocument = (id: string) => send("DELETE /documents/:id", { params: { id } });
export const documentUsage = () => get("/documents/usage");

/** Sends one file attached to a sale, reporting upload progress. */
export function uploadSaleDocument(
  saleId: string,
  file: Blob,
  filename: string,
  onProgress: (fraction: number) => void,
): Promise<Document> {
  const form = new FormData();
  // The server reads the fields before the file: the sale id must come first.
  form.append("saleId", saleId);
  form.append("file", file, filename);
  return upload("/documents", form, onProgress);
}
