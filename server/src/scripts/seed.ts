import { buildApp } from "../app.js";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { databaseOptions } from "../db/urls.js";
import { type Caller, DEMO_PASSWORD, DemoExists, seedDemo } from "../demo/seed-demo.js";
import { describeStartupError } from "../lib/startup.js";
import { loadKeyRing, storageFromConfig } from "../lib/storage/index.js";

/** `npm run db:seed -- --demo`: a demo shop with a month of sales, in the configured database. */
async function main() {
  if (!process.argv.includes("--demo")) {
    process.stderr.write(
      "Usage: npm run db:seed -- --demo   (fills a demo business with products, customers and sales)\n",
    );
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase(databaseOptions(config, 2));
  const app = await buildApp({
    config: { ...config, LOG_LEVEL: "warn" },
    database,
    storage: await storageFromConfig(config),
    keyRing: loadKeyRing(config).ring,
    logger: false,
  });
  let cookie = "";
  const call: Caller = async (method, path, body) => {
    const res = await app.inject({
      method,
      url: `/api/v1${path}`,
      headers: cookie ? { cookie } : {},
      payload: body as object,
    });
    const set = res.cookies.find((c) => c.name.endsWith("duka_session"));
    if (set) cookie = `${set.name}=${set.value}`;
    return { status: res.statusCode, body: res.body ? res.json() : undefined };
  };
  try {
    const demo = await seedDemo(call);
    process.stdout.write(
      [
        `Demo business "${demo.businessName}" is ready with ${demo.sales} sales over the last four weeks.`,
        `  Owner: ${demo.owner.login}  password: ${demo.owner.password}`,
        `  Staff: ${demo.staff.login}  password: ${demo.staff.password}`,
        "Start Duka with `npm start` and sign in at http://localhost:3000",
        "",
      ].join("\n"),
    );
  } catch (err) {
    if (!(err instanceof DemoExists)) throw err;
    process.stdout.write(`${err.message} Password: ${DEMO_PASSWORD}\n`);
  } finally {
    await app.close();
    await database.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Seeding failed: ${describeStartupError(err)}\n`);
  process.exit(1);
});
