/** `npm run backup`: one backup now, verified, then retention; prints where it went. */
import { loadConfig } from "../config.js";
import { systemClock } from "../lib/time.js";
import { BackupScheduler, retentionOf } from "../modules/backups/scheduler.js";
import { openForBackups, runCommand } from "./backup-env.js";

runCommand("backup", async () => {
  const { database, files } = await openForBackups();
  const log = {
    info: (o: object) =>
      process.stdout.write(`Removed by retention: ${JSON.stringify((o as { removed?: string[] }).removed ?? [])}\n`),
    error: () => undefined,
  };
  try {
    const scheduler = new BackupScheduler(
      { database, files, clock: systemClock },
      { hour: 0, retention: retentionOf(loadConfig()), log },
    );
    const row = await scheduler.runNow();
    if (!row) {
      process.stderr.write("Another process is taking a backup right now; try again when it has finished.\n");
      return 1;
    }
    if (row.status !== "succeeded") {
      process.stderr.write(`Backup failed: ${row.error}\n`);
      return 1;
    }
    process.stdout.write(`Backup ${row.id} succeeded and was verified: ${row.key} (${row.size} bytes).\n`);
    return 0;
  } finally {
    await database.close();
  }
});
