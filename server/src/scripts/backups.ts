/** `npm run backups`: every backup, newest first, with its status; files in storage the database does not list are shown too. */
import { desc } from "drizzle-orm";
import { backups } from "../db/schema.js";
import { BACKUP_PREFIX } from "../modules/backups/create.js";
import { openForBackups, runCommand } from "./backup-env.js";

runCommand("backups", async () => {
  const { database, files } = await openForBackups();
  try {
    const rows = await database.db.select().from(backups).orderBy(desc(backups.startedAt));
    const known = new Set(rows.map((r) => r.key));
    for (const r of rows) {
      const size = r.size === null ? "" : `${r.size} bytes`;
      const verified = r.verifiedAt ? `verified ${r.verifiedAt.toISOString()}` : "";
      const line = [
        r.startedAt.toISOString(),
        r.status.padEnd(9),
        r.trigger.padEnd(8),
        r.id,
        size,
        verified,
        r.error ?? "",
      ];
      process.stdout.write(`${line.filter(Boolean).join("  ")}\n`);
    }
    // After a restore into a new database the list starts empty, but the older backups are still in storage.
    for await (const o of files.raw.list(BACKUP_PREFIX)) {
      if (o.key.endsWith(".ndjson.gz") && !known.has(o.key)) {
        process.stdout.write(`${o.key}  in storage, not recorded in this database  ${o.size} bytes\n`);
      }
    }
    if (rows.length === 0) process.stdout.write("No backups recorded in this database.\n");
    return 0;
  } finally {
    await database.close();
  }
});
