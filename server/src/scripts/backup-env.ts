import { ConfigError, loadConfig } from "../config.js";
import { type Database, openDatabase } from "../db/client.js";
import { databaseOptions } from "../db/urls.js";
import { loadKeyRing, type SealedStorage, sealStorage, storageFromConfig } from "../lib/storage/index.js";

/**
 * What the backup commands work on: the database of DATABASE_URL (or the embedded one in DATA_DIR,
 * which the server must not have open) with migrations applied, and the encrypted storage.
 */
export async function openForBackups(): Promise<{ database: Database; files: SealedStorage }> {
  const config = loadConfig();
  const { ring, generated } = loadKeyRing(config);
  if (generated) process.stderr.write(`No master key was set; generated ${generated}. Back it up.\n`);
  const files = sealStorage(await storageFromConfig(config), ring);
  const database = await openDatabase(databaseOptions(config, 2));
  return { database, files };
}

/** Runs a command's body and turns any failure into one readable line and exit code 1. */
export function runCommand(name: string, body: () => Promise<number | undefined>) {
  body().then(
    (code) => process.exit(code ?? 0),
    (err: unknown) => {
      const message = err instanceof ConfigError || err instanceof Error ? err.message : String(err);
      process.stderr.write(`${name} failed: ${message}\n`);
      process.exit(1);
    },
  );
}
