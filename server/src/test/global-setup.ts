import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { TestProject } from "vitest/node";
import { runMigrations } from "../db/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/** Migrates one embedded database and hands its image to every test file: ~1 s to load, not ~4 s. */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("pgliteTemplate", "");
    return;
  }
  const client = await PGlite.create();
  await runMigrations(drizzle({ client }), "pglite");
  const dump = await client.dumpDataDir("none");
  await client.close();
  project.provide("pgliteTemplate", Buffer.from(await dump.arrayBuffer()).toString("base64"));
}
