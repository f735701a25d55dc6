import type { BackupStatus } from "@duka/contracts";
import type { Db } from "../../db/client.js";
import { inBusiness } from "../../db/tenancy.js";
import { businessCreatedAt } from "../business/business.repository.js";
import { newestSince, succeededSince } from "./backups.repository.js";
import { CHECK_EVERY_MS, lastSlot } from "./scheduler.js";

/** Past this age the daily backup has been missed at least once: the owner is warned. */
export const STALE_AFTER_MS = 26 * 3_600_000;

/**
 * The state of the backups as one business's owner may know it: when its data was last backed up.
 * Only runs since the business was created count (an older one holds none of it); the size and the
 * error text describe the whole system, not this shop, and stay in the server log and `npm run backups`.
 */
export async function backupStatus(
  db: Db,
  businessId: string,
  now: Date,
  /** The daily backup's local hour; null when automatic backups are off. */
  hour: number | null,
): Promise<BackupStatus> {
  const createdAt = await inBusiness(db, businessId, (tx) => businessCreatedAt(tx, businessId));
  const since = createdAt ?? now;
  const success = await newestSince(db, ["succeeded"], since);
  const latest = await newestSince(db, ["succeeded", "failed"], since);
  const failure = latest?.status === "failed" ? latest : undefined;
  return {
    nextRun: hour === null ? null : (await nextRun(db, now, hour)).toISOString(),
    lastSuccess: success ? { at: success.startedAt.toISOString() } : null,
    lastFailure: failure ? { at: failure.startedAt.toISOString() } : null,
    stale: !success || now.getTime() - success.startedAt.getTime() > STALE_AFTER_MS || failure !== undefined,
  };
}

/**
 * When the scheduler will next back up: the next daily slot once today's is done, else its next
 * check (a slot missed while the server was down is caught up then). Any business's run counts:
 * one backup holds every shop.
 */
async function nextRun(db: Db, now: Date, hour: number): Promise<Date> {
  const slot = lastSlot(now, hour);
  const done = await succeededSince(db, slot);
  if (!done) return new Date(now.getTime() + CHECK_EVERY_MS);
  const next = new Date(slot);
  next.setDate(next.getDate() + 1);
  return next;
}
