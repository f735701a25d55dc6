import { buildApp } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/client.js";
import { databaseOptions } from "./db/urls.js";
import { describeStartupError } from "./lib/startup.js";
import { loadKeyRing, storageFromConfig } from "./lib/storage/index.js";
import { schedulerFromConfig } from "./modules/backups/scheduler.js";

/** Process entry: config → database (migrated) → app → listen; closes everything on SIGTERM/SIGINT. */
async function main() {
  const config = loadConfig();
  const keys = loadKeyRing(config);
  const storage = await storageFromConfig(config);
  const database = await openDatabase(databaseOptions(config));
  const app = await buildApp({ config, database, storage, keyRing: keys.ring });
  if (keys.generated) {
    app.log.warn(
      `Generated a new master key in ${keys.generated}. Back it up somewhere safe now: without it no stored file can be read (docs/storage.md).`,
    );
  }
  if (config.NODE_ENV === "production" && database.driver === "postgres" && database.confinedBy !== "login-role") {
    app.log.warn(
      "DATABASE_URL logs in as the tables' owner: give the app a user of its own and the owner's in DATABASE_OWNER_URL (docs/operations.md).",
    );
  }
  const { files, clock } = app.deps;
  const backups = schedulerFromConfig({ database, files, clock }, config, app.log);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal, graceSeconds: config.SHUTDOWN_GRACE_SECONDS }, "shutting down");
    // Past the grace the orchestrator would kill the process anyway; say so and go first.
    const force = setTimeout(() => {
      app.log.error("shutdown grace ran out: stopping with requests still open");
      process.exit(1);
    }, config.SHUTDOWN_GRACE_SECONDS * 1000);
    force.unref();
    try {
      // /readyz answers 503 and live streams end at once; requests are still served while the load
      // balancer notices, then the listener closes and in-flight requests finish.
      app.deps.lifecycle.drain();
      await new Promise((r) =>
        setTimeout(r, Math.min(config.SHUTDOWN_DELAY_SECONDS, config.SHUTDOWN_GRACE_SECONDS) * 1000),
      );
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
