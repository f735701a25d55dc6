import type { Config } from "../config.js";
import type { OpenOptions } from "./client.js";
import { withPassword } from "./roles.js";

/** Where the database is, as configured: the app's URL and the owner's, passwords applied. */
export function databaseOptions(config: Config, poolMax = config.DB_POOL_MAX): OpenOptions {
  const url = config.DATABASE_URL && withPassword(config.DATABASE_URL, config.DATABASE_PASSWORD);
  const owner = config.DATABASE_OWNER_URL ?? config.DATABASE_URL;
  const ownerPassword = config.DATABASE_OWNER_URL
    ? config.DATABASE_OWNER_PASSWORD
    : (config.DATABASE_OWNER_PASSWORD ?? config.DATABASE_PASSWORD);
  return {
    url,
    ownerUrl: owner && withPassword(owner, ownerPassword),
    dataDir: config.DATA_DIR,
    poolMax,
  };
}
