import type { Tx } from "../../db/client.js";
import { AppError } from "../../lib/errors.js";
import { documentTotals, lockQuota } from "./documents.repository.js";

/** Bytes a business keeps in file storage: uploads and generated receipts alike. */
export async function usedBytes(tx: Tx, businessId: string): Promise<number> {
  return (await documentTotals(tx, businessId)).totalBytes;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;

export const quotaExceeded = (used: number, quota: number) =>
  new AppError(
    "storage_quota_exceeded",
    409,
    `This shop's file storage is full: ${mb(used)} of ${mb(quota)} used. Delete photos or documents you no longer need, or ask whoever runs the server to raise DOCUMENT_QUOTA_BYTES.`,
    { usedBytes: used, quotaBytes: quota },
  );

/**
 * Refuses an upload of `adding` bytes that would take the business past its quota. Holds a
 * per-business lock until the transaction ends, so two uploads at once cannot both squeeze in.
 */
export async function assertRoom(tx: Tx, businessId: string, quota: number, adding: number): Promise<void> {
  await lockQuota(tx, businessId);
  const used = await usedBytes(tx, businessId);
  if (used + adding > quota) throw quotaExceeded(used, quota);
}
