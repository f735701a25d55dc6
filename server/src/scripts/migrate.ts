import { loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { expectedMigrationCount } from "../db/migrate.js";
import { databaseOptions } from "../db/urls.js";
import { describeStartupError } from "../lib/startup.js";

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or the embedded database in DATA_DIR. */
async function main() {
  const config = loadConfig();
  const database = await openDatabase(databaseOptions(config, 1));
  await database.close();
  process.stdout.write(`The ${database.driver} database is up to date (${expectedMigrationCount()} migrations).\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`Migration failed: ${describeStartupError(err)}\n`);
  process.exit(1);
});
