import type { Document, DocumentPage, DocumentUsage } from "@duka/contracts";
import { ApiError, api } from "./client";

export type { Document, DocumentUsage };

const enc = encodeURIComponent;

/** Plain links: the browser downloads with the session cookie, so files never need a public URL. */
export const receiptPdfUrl = (saleId: string) => `/api/v1/sales/${enc(saleId)}/receipt.pdf`;
export const documentUrl = (id: string) => `/api/v1/documents/${enc(id)}/content`;

export const listSaleDocuments = (saleId: string) =>
  api.get<DocumentPage>(`/documents?saleId=${enc(saleId)}&limit=200`);
export const deleteDocument = (id: string) => api.delete<{ ok: true }>(`/documents/${enc(id)}`);
export const documentUsage = () => api.get<DocumentUsage>("/documents/usage");

/**
 * Sends one file attached to a sale. XMLHttpRequest rather than fetch because only it reports
 * upload progress, which on 3G is the difference between waiting and giving up.
 */
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
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/documents");
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "The server could not be reached."));
    xhr.ontimeout = xhr.onerror;
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as Document);
      const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
      reject(new ApiError(xhr.status, error?.code ?? "http_error", error?.message ?? xhr.statusText));
    };
    xhr.send(form);
  });
}
