import type { Config } from "../../config.js";
import { failRunningBackups, newestBackups, withBackupLock } from "./backups.repository.js";
import { type BackupDeps, type BackupRow, runBackup } from "./create.js";
import { applyRetention, type RetentionPolicy } from "./retention.js";

/** Arbitrary constant: one backup at a time across every server process on the database. */
const BACKUP_LOCK = 7_242_009;
const HOUR = 3_600_000;
/** How often the scheduler looks whether a backup is due, unless told otherwise. */
export const CHECK_EVERY_MS = 5 * 60_000;

export interface SchedulerOptions {
  /** Local hour (server time) of the daily backup. */
  hour: number;
  retention: RetentionPolicy;
  log: { info(o: object, msg: string): void; error(o: object, msg: string): void };
  /** How often to look whether a backup is due. */
  tickMs?: number;
  /** After a failure, how long to wait before trying again. */
  retryMs?: number;
}

const durationOf = (row: BackupRow) => (row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null);

/** The most recent moment the clock showed `hour`:00 local time, at or before now. */
export function lastSlot(now: Date, hour: number): Date {
  const slot = new Date(now);
  slot.setHours(hour, 0, 0, 0);
  if (slot > now) slot.setDate(slot.getDate() - 1);
  return slot;
}

/**
 * Runs the daily backup. A check every few minutes, not one long timer: a missed 02:00 (server down,
 * laptop asleep) is simply found due at the next check, including the one made at start.
 */
export class BackupScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<BackupRow | null> | undefined;

  constructor(
    private readonly deps: BackupDeps,
    private readonly opts: SchedulerOptions,
  ) {}

  start() {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.opts.tickMs ?? CHECK_EVERY_MS);
    this.timer.unref();
  }

  /** Stops checking and waits for a backup in progress to finish. */
  async stop() {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Runs the backup when one is due; null when not due or another process has it. */
  tick(): Promise<BackupRow | null> {
    return this.exclusive(async () => ((await this.isDue()) ? this.backup("schedule") : null));
  }

  /** A backup now, whatever the time (still one at a time). */
  runNow(): Promise<BackupRow | null> {
    return this.exclusive(() => this.backup("manual"));
  }

  private async isDue(): Promise<boolean> {
    const now = this.deps.clock();
    const db = this.deps.database.db;
    const { success, attempt } = await newestBackups(db);
    if (success && success.startedAt >= lastSlot(now, this.opts.hour)) return false;
    return !attempt || now.getTime() - attempt.startedAt.getTime() >= (this.opts.retryMs ?? HOUR);
  }

  private async backup(trigger: "schedule" | "manual"): Promise<BackupRow> {
    // Whoever holds the lock is the only runner: a row still "running" was left by a process that died.
    await failRunningBackups(this.deps.database.db, "interrupted: the server stopped during the backup");
    const row = await runBackup(this.deps, trigger);
    const seen = { event: "backup", trigger, key: row.key, durationMs: durationOf(row) };
    if (row.status === "succeeded") {
      const removed = await applyRetention(this.deps, this.opts.retention);
      const tables = (row.manifest as { tables?: { rows: number }[] } | null)?.tables ?? [];
      const rows = tables.reduce((n, t) => n + t.rows, 0);
      this.opts.log.info(
        { ...seen, outcome: "ok", bytes: row.size, tables: tables.length, rows, removed },
        "backup succeeded",
      );
    } else {
      this.opts.log.error({ ...seen, outcome: "failed", error: row.error }, "backup failed");
    }
    return row;
  }

  /** One run at a time in this process, and on PostgreSQL in all processes (an advisory lock). */
  private exclusive(fn: () => Promise<BackupRow | null>): Promise<BackupRow | null> {
    if (this.running) return Promise.resolve(null);
    const run = this.locked(fn)
      .catch((err: unknown) => {
        // Still the one "backup" line the alarms count (docs/operations.md): it did not happen.
        const error = err instanceof Error ? err.message : String(err);
        this.opts.log.error({ event: "backup", outcome: "failed", error }, "backup could not run");
        return null;
      })
      .finally(() => {
        this.running = undefined;
      });
    this.running = run;
    return run;
  }

  private async locked(fn: () => Promise<BackupRow | null>): Promise<BackupRow | null> {
    const url = this.deps.database.ownerUrl;
    if (!url) return fn(); // embedded: one process owns the data directory
    return withBackupLock(url, BACKUP_LOCK, fn);
  }
}

/** The scheduler as configured, or null when backups are switched off. */
export function schedulerFromConfig(deps: BackupDeps, config: Config, log: SchedulerOptions["log"]) {
  if (!config.BACKUPS_ENABLED) return null;
  return new BackupScheduler(deps, { hour: config.BACKUP_HOUR, retention: retentionOf(config), log });
}

export const retentionOf = (config: Config): RetentionPolicy => ({
  daily: config.BACKUP_KEEP_DAILY,
  weekly: config.BACKUP_KEEP_WEEKLY,
  monthly: config.BACKUP_KEEP_MONTHLY,
});
