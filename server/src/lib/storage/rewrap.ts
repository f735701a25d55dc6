import type { SealedStorage } from "./sealed.js";

export interface RewrapReport {
  rewrapped: number;
  alreadyCurrent: number;
  failed: { key: string; error: string }[];
}

/**
 * Moves every stored object's data key to the current master key. Safe to run again after an
 * interruption: objects already on the current key are skipped. Once `failed` is empty, old keys
 * can be dropped from MASTER_KEYS_OLD.
 */
export async function rewrapAll(files: SealedStorage, prefix = ""): Promise<RewrapReport> {
  const report: RewrapReport = { rewrapped: 0, alreadyCurrent: 0, failed: [] };
  for await (const { key } of files.list(prefix)) {
    try {
      if (await files.rewrap(key)) report.rewrapped++;
      else report.alreadyCurrent++;
    } catch (err) {
      report.failed.push({ key, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return report;
}
