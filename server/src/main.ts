import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { describeStartupError } from "./lib/startup.js";
import { loadKeyRing, storageFromConfig } from "./lib/storage/index.js";
import { schedulerFromConfig } from "./modules/backups/scheduler.js";

/** Process entry: config → database (migrated) → app → listen; closes everything on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig();
  const keys = loadKeyRing(config);
  const storage = await storageFromConfig(config);
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolMax: config.DB_POOL_MAX,
  });
  const app = await buildApp({ config, database, storage, keyRing: keys.ring });
  if (keys.generated) {
    app.log.warn(
      `Generated a new master key in ${keys.generated}. Back it up somewhere safe now: without it no stored file can be read (docs/storage.md).`,
    );
  }
  const { files, clock } = app.deps;
  const backups = schedulerFromConfig({ database, files, clock }, config, app.log);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close(); // stops accepting, lets in-flight requests finish
      await backups?.stop(); // lets a backup in progress finish: a cut one would only be deleted
    } finally {
      await database.close();
    }
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
  try {
    await app.listen({ host: config.HOST, port: config.PORT });
  } catch (err) {
    await database.close();
    throw err;
  }
  const shown = config.HOST === "0.0.0.0" || config.HOST === "::" ? "localhost" : config.HOST;
  backups?.start();
  // An operator's on-demand backup of a running server (the embedded database allows no second process).
  process.on("SIGUSR2", () => void backups?.runNow());
  app.log.info(`Duka is running on http://${shown}:${config.PORT} (${database.driver})`);
}

main().catch((err: unknown) => {
  const line = err instanceof ConfigError ? err.message : describeStartupError(err);
  process.stderr.write(`Duka could not start: ${line}\n`);
  process.exit(1);
});
