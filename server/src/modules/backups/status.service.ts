import type { BackupStatus } from "@duka/contracts";
import { and, desc, eq, gte, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { backups, businesses } from "../../db/schema.js";
import { inBusiness } from "../../db/tenancy.js";

/** Past this age the daily backup has been missed at least once: the owner is warned. */
export const STALE_AFTER_MS = 26 * 3_600_000;

/**
 * The state of the backups as one business's owner may know it: when its data was last backed up.
 * Only runs since the business was created count (an older one holds none of it); the size and the
 * error text describe the whole system, not this shop, and stay in the server log and `npm run backups`.
 */
export async function backupStatus(db: Db, businessId: string, now: Date): Promise<BackupStatus> {
  const [business] = await inBusiness(db, businessId, (tx) =>
    tx.select({ createdAt: businesses.createdAt }).from(businesses).where(eq(businesses.id, businessId)),
  );
  const since = business?.createdAt ?? now;
  const newest = (statuses: ("succeeded" | "failed")[]) =>
    db
      .select({ status: backups.status, startedAt: backups.startedAt })
      .from(backups)
      .where(and(inArray(backups.status, statuses), gte(backups.startedAt, since)))
      .orderBy(desc(backups.startedAt))
      .limit(1);
  const [success] = await newest(["succeeded"]);
  const [latest] = await newest(["succeeded", "failed"]);
  const failure = latest?.status === "failed" ? latest : undefined;
  return {
    lastSuccess: success ? { at: success.startedAt.toISOString() } : null,
    lastFailure: failure ? { at: failure.startedAt.toISOString() } : null,
    stale: !success || now.getTime() - success.startedAt.getTime() > STALE_AFTER_MS || failure !== undefined,
  };
}
