/** `npm run restore -- <backup key or id> [--force]`: see docs/operations.md before using it. */
import { restoreBackup } from "../modules/backups/restore.js";
import { openForBackups, runCommand } from "./backup-env.js";

runCommand("restore", async () => {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const ref = args.find((a) => !a.startsWith("--"));
  if (!ref) {
    process.stderr.write("Usage: npm run restore -- <backup key or id> [--force]   (npm run backups lists them)\n");
    return 2;
  }
  const { database, files } = await openForBackups();
  try {
    process.stdout.write(`Checking backup ${ref} in full before touching the database…\n`);
    const report = await restoreBackup(database, files, ref, { force });
    const { backup, migrations, tables, documents } = report;
    process.stdout.write(
      `Restored backup ${backup.id} taken ${backup.createdAt} (${backup.engine}) from ${backup.key}.\n`,
    );
    process.stdout.write(
      `Migrations: ${migrations.inBackup} in the backup, ${migrations.inDatabase} in this database.\n`,
    );
    for (const t of tables)
      process.stdout.write(`  ${t.name.padEnd(20)} ${String(t.rows).padStart(9)} rows  checksum ok\n`);
    process.stdout.write(`Documents: ${documents.listed} listed, ${documents.missing.length} missing from storage.\n`);
    for (const key of documents.missing) process.stdout.write(`  missing: ${key}\n`);
    return documents.missing.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
});
