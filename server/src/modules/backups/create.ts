import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline, Readable } from "node:stream";
import { createGzip } from "node:zlib";
import { type Database, migrationsFolder } from "../../db/client.js";
import type { SealedStorage } from "../../lib/storage/sealed.js";
import type { Clock } from "../../lib/time.js";
import { type BackupRow, finishBackup, insertRunningBackup } from "./backups.repository.js";
import { appliedMigrations, documentKeys, listTables } from "./catalog.repository.js";
import { canonicalRows, FORMAT, type Manifest, readBackup, readManifest, TableHasher } from "./format.js";
import { type OwnerTx, withOwner } from "./owner.repository.js";

export interface BackupDeps {
  database: Database;
  files: SealedStorage;
  clock: Clock;
}

export type { BackupRow };

export const BACKUP_PREFIX = "backups/";
const stampOf = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
export const manifestKeyOf = (dataKey: string) => dataKey.replace(/\.ndjson\.gz$/, ".manifest.json");

/**
 * Takes one backup: a snapshot of every table written to storage, read back and checked against
 * its manifest, its outcome recorded in `backups`. Never throws for a failed backup: the row says
 * why, and the caller decides whom to tell.
 */
export async function runBackup(deps: BackupDeps, trigger: "schedule" | "manual"): Promise<BackupRow> {
  const { database, files, clock } = deps;
  const id = randomUUID();
  const startedAt = clock();
  const key = `${BACKUP_PREFIX}${stampOf(startedAt)}-${id}.ndjson.gz`;
  const db = database.db;
  await insertRunningBackup(db, { id, key, trigger, startedAt });
  try {
    const manifest = await withOwner(database, "snapshot", (tx) =>
      writeSnapshot(tx, files, { id, key, startedAt, engine: database.driver }),
    );
    await files.put(manifestKeyOf(key), Buffer.from(JSON.stringify(manifest)));
    // Verified from storage, not from memory: what counts is what can be read back.
    await readBackup(files, await readManifest(files, manifestKeyOf(key)));
    let size = 0;
    for await (const o of files.raw.list(key)) if (o.key === key) size = o.size;
    const done = { finishedAt: clock(), verifiedAt: clock(), size, manifest: summary(manifest) };
    return await finishBackup(db, id, { status: "succeeded", ...done });
  } catch (err) {
    // A backup that did not verify is worth nothing and must not be mistaken for one later.
    await files.delete(key).catch(() => undefined);
    await files.delete(manifestKeyOf(key)).catch(() => undefined);
    const error = err instanceof Error ? err.message : String(err);
    return finishBackup(db, id, { status: "failed", finishedAt: clock(), error });
  }
}

/** What the database keeps of a manifest: everything but the (possibly long) list of documents. */
function summary(m: Manifest) {
  const { documents, ...rest } = m;
  return { ...rest, documentCount: documents.length };
}

async function writeSnapshot(
  tx: OwnerTx,
  files: SealedStorage,
  b: { id: string; key: string; startedAt: Date; engine: Manifest["engine"] },
): Promise<Manifest> {
  const tables = await listTables(tx);
  const sums: Manifest["tables"] = [];
  async function* lines() {
    for (const table of tables) {
      yield `${JSON.stringify(["table", table.name, table.columns, table.orderBy])}\n`;
      const hasher = new TableHasher();
      for await (const line of canonicalRows(tx, table)) {
        hasher.add(line);
        yield `${line}\n`;
      }
      sums.push(hasher.sum(table));
    }
    yield `${JSON.stringify(["end", tables.length])}\n`;
  }
  // pipeline destroys the gzip stream when reading fails, so storage keeps nothing half-written.
  const body = pipeline(Readable.from(lines()), createGzip(), () => undefined);
  await files.put(b.key, body);
  const documents = await documentKeys(tx);
  return {
    format: FORMAT,
    id: b.id,
    createdAt: b.startedAt.toISOString(),
    dataKey: b.key,
    engine: b.engine,
    schema: await schemaVersion(tx),
    tables: sums,
    documents,
  };
}

/** The migrations applied to the database: how many, their hashes, and the last one's name. */
export async function schemaVersion(tx: OwnerTx): Promise<Manifest["schema"]> {
  const applied = await appliedMigrations(tx);
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: { when: number; tag: string }[];
  };
  const last = applied.at(-1);
  const tag = last ? journal.entries.find((e) => String(e.when) === last.created_at)?.tag : undefined;
  return { migrations: applied.length, lastTag: tag ?? null, hashes: applied.map((a) => a.hash) };
}
