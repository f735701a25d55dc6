import { allBackups, markBackupDeleted } from "./backups.repository.js";
import { type BackupDeps, type BackupRow, manifestKeyOf } from "./create.js";

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

type Candidate = Pick<BackupRow, "id" | "status" | "startedAt" | "verifiedAt">;

const DAY = 86_400_000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
// 1970-01-01 was a Thursday: shifting by 3 days makes every bucket start on a Monday (ISO weeks).
const weekOf = (d: Date) => String(Math.floor((Math.floor(d.getTime() / DAY) + 3) / 7));
const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/**
 * Which verified backups to delete: the newest of each of the last `daily` days, `weekly` weeks
 * and `monthly` months (UTC) are kept, and so is the newest of all. Buckets are counted among the
 * backups that exist, not back from today, so a server that was off for a month loses nothing by
 * it. Unverified, failed and running ones are never chosen, nor any dated after `now` (a clock
 * that jumped back must not cost the newest backups).
 */
export function chooseExpired(list: Candidate[], now: Date, policy: RetentionPolicy): string[] {
  const verified = list
    .filter((b) => b.status === "succeeded" && b.verifiedAt !== null)
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());
  const keep = new Set<string>();
  const newest = verified[0];
  if (!newest) return [];
  keep.add(newest.id);
  for (const [bucket, count] of [
    [dayOf, policy.daily],
    [weekOf, policy.weekly],
    [monthOf, policy.monthly],
  ] as const) {
    const seen = new Set<string>();
    for (const b of verified) {
      const k = bucket(b.startedAt);
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b.id);
    }
  }
  return verified.filter((b) => !keep.has(b.id) && b.startedAt <= now).map((b) => b.id);
}

/** Deletes the expired backups' files, then marks their rows; returns the keys removed. */
export async function applyRetention(deps: BackupDeps, policy: RetentionPolicy): Promise<string[]> {
  const db = deps.database.db;
  const rows = await allBackups(db);
  const expired = new Set(chooseExpired(rows, deps.clock(), policy));
  const removed: string[] = [];
  for (const row of rows.filter((r) => expired.has(r.id))) {
    await deps.files.delete(row.key);
    await deps.files.delete(manifestKeyOf(row.key));
    await markBackupDeleted(db, row.id);
    removed.push(row.key);
  }
  return removed;
}
