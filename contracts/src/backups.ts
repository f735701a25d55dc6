import { z } from "zod";
import { Instant } from "./common.js";

/** What an owner sees of the automatic backups: enough to know the shop's data is safe. */
export const BackupStatus = z.object({
  /** The newest backup that holds this business's data (the whole database's size is not the shop's to know). */
  lastSuccess: z.object({ at: Instant }).nullable(),
  /** The newest failed run, when it came after the last success. */
  lastFailure: z.object({ at: Instant }).nullable(),
  /** True when the last success is more than 26 hours old, or the last run failed. */
  stale: z.boolean(),
  /** When the next automatic backup is planned; null when this server makes none. */
  nextRun: Instant.nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;
