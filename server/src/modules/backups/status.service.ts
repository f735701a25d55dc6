import type { BackupStatus } from "@duka/contracts";
import { desc, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { backups } from "../../db/schema.js";

/** Past this age the daily backup has been missed at least once: the owner is warned. */
export const STALE_AFTER_MS = 26 * 3_600_000;

/**
 * The state of the whole-database backups as an owner may see it: times and size only. The error
 * text stays in the server log and `npm run backups`: it may describe the system, not this shop.
 */
export async function backupStatus(db: Db, now: Date): Promise<BackupStatus> {
  const newest = (statuses: ("succeeded" | "failed")[]) =>
    db
      .select({ status: backups.status, startedAt: backups.startedAt, size: backups.size })
      .from(backups)
      .where(inArray(backups.status, statuses))
      .orderBy(desc(backups.startedAt))
      .limit(1);
  const [success] = await newest(["succeeded"]);
  const [latest] = await newest(["succeeded", "failed"]);
  const failure = latest?.status === "failed" ? latest : undefined;
  return {
    lastSuccess: success ? { at: success.startedAt.toISOString(), size: success.size ?? 0 } : null,
    lastFailure: failure ? { at: failure.startedAt.toISOString() } : null,
    stale: !success || now.getTime() - success.startedAt.getTime() > STALE_AFTER_MS || failure !== undefined,
  };
}
