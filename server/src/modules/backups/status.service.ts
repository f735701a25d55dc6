import type { BackupStatus } from "@duka/contracts";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import { businessCreatedAt } from "../business/business.repository.js";
import { newestSince } from "./backups.repository.js";

/** Past this age the daily backup has been missed at least once: the owner is warned. */
export const STALE_AFTER_MS = 26 * 3_600_000;

/**
 * The state of the backups as one business's owner may know it: when its data was last backed up.
 * Only runs since the business was created count (an older one holds none of it); the size and the
 * error text describe the whole system, not this shop, and stay in the server log and `npm run backups`.
 */
export async function backupStatus(db: Db, businessId: string, now: Date): Promise<BackupStatus> {
  const createdAt = await inBusiness(db, businessId, (tx) => businessCreatedAt(tx, businessId));
  const since = createdAt ?? now;
  const success = await newestSince(db, ["succeeded"], since);
  const latest = await newestSince(db, ["succeeded", "failed"], since);
  const failure = latest?.status === "failed" ? latest : undefined;
  return {
    lastSuccess: success ? { at: success.startedAt.toISOString() } : null,
    lastFailure: failure ? { at: failure.startedAt.toISOString() } : null,
    stale: !success || now.getTime() - success.startedAt.getTime() > STALE_AFTER_MS || failure !== undefined,
  };
}
