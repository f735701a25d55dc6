import type { Database } from "../../db/client.js";
import { AppError } from "../../lib/errors.js";
import type { SealedStorage } from "../../lib/storage/sealed.js";
import { rebuildSalesSummary } from "../summaries/summary-writer.repository.js";
import { listTables, type TableInfo } from "./catalog.repository.js";
import { BACKUP_PREFIX, manifestKeyOf, schemaVersion } from "./create.js";
import { backupInvalid, canonicalRows, type Manifest, readBackup, readManifest, TableHasher } from "./format.js";
import { type OwnerTx, withOwner } from "./owner.repository.js";
import {
  businessesWithSales,
  filledTables,
  fixSequences,
  insertJsonRows,
  ownerRun,
  truncateTables,
} from "./restore.repository.js";

export interface RestoreReport {
  backup: { id: string; createdAt: string; engine: string; key: string };
  migrations: { inBackup: number; inDatabase: number };
  tables: { name: string; rows: number; checked: boolean }[];
  documents: { listed: number; missing: string[] };
}

/** A backup named by its storage key (data or manifest) or by its id. */
export async function findBackupKey(files: SealedStorage, ref: string): Promise<string> {
  const given = ref.startsWith(BACKUP_PREFIX) ? ref : `${BACKUP_PREFIX}${ref}`;
  if (given.endsWith(".ndjson.gz") || given.endsWith(".manifest.json")) {
    return given.replace(/\.manifest\.json$/, ".ndjson.gz");
  }
  for await (const o of files.raw.list(BACKUP_PREFIX)) {
    if (o.key.endsWith(`-${ref}.ndjson.gz`)) return o.key;
  }
  throw new AppError("backup_not_found", 404, `No backup ${ref} was found in storage (npm run backups lists them).`);
}

const BATCH = 500;

/**
 * Restores a backup into the database. The backup is read and checked in full first, so a
 * damaged, cut or foreign one is refused before anything is written; then every table is loaded
 * in one transaction, parents first, and checked again against the manifest before it commits.
 */
export async function restoreBackup(
  database: Database,
  files: SealedStorage,
  ref: string,
  opts: { force?: boolean } = {},
): Promise<RestoreReport> {
  const key = await findBackupKey(files, ref);
  const manifest = await readManifest(files, manifestKeyOf(key));
  await readBackup(files, manifest);
  const inDatabase = await withOwner(database, "write", async (tx) => {
    const target = await schemaVersion(tx);
    assertCompatible(manifest, target.hashes);
    const tables = await listTables(tx);
    await emptyOrForced(tx, tables, opts.force === true);
    await load(tx, files, manifest, tables);
    await fixSequences(
      tx,
      manifest.tables.map((t) => t.name),
    );
    await recheck(tx, manifest);
    if (!SUMMARIES.every((s) => manifest.tables.some((t) => t.name === s))) await summarise(tx);
    return target.migrations;
  });
  const missing: string[] = [];
  for (const doc of manifest.documents) if (!(await files.raw.exists(doc))) missing.push(doc);
  return {
    backup: { id: manifest.id, createdAt: manifest.createdAt, engine: manifest.engine, key },
    migrations: { inBackup: manifest.schema.migrations, inDatabase },
    tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows, checked: true })),
    documents: { listed: manifest.documents.length, missing },
  };
}

/** Migrations were applied when the database was opened; the backup's must be the first of them. */
function assertCompatible(manifest: Manifest, applied: string[]) {
  const backup = manifest.schema.hashes;
  if (backup.length > applied.length) {
    throw backupInvalid(
      `it was made by newer code (${backup.length} migrations; this code has ${applied.length}). Restore it with that version.`,
    );
  }
  if (backup.some((h, i) => applied[i] !== h)) throw backupInvalid("its migrations differ from this code's.");
}

async function emptyOrForced(tx: OwnerTx, tables: TableInfo[], force: boolean) {
  const filled = await filledTables(tx, tables);
  if (filled.length === 0) return;
  if (!force) {
    throw new AppError(
      "database_not_empty",
      409,
      `The database already holds data (${filled.join(", ")}). Restore into an empty database, or add --force to replace everything in it.`,
    );
  }
  await truncateTables(tx, tables);
}

async function load(tx: OwnerTx, files: SealedStorage, manifest: Manifest, tables: TableInfo[]) {
  const known = new Map(tables.map((t) => [t.name, t]));
  let table: TableInfo | undefined;
  let batch: string[] = [];
  const flush = async () => {
    if (!table || batch.length === 0) return;
    await insertJsonRows(tx, table, batch);
    batch = [];
  };
  await readBackup(files, manifest, {
    async onTable(t) {
      const here = known.get(t.name);
      const lacking = here ? t.columns.filter((c) => !here.columns.includes(c)) : [];
      if (!here || lacking.length > 0) {
        throw backupInvalid(`this database has no ${here ? `column ${lacking.join(", ")} in ` : "table "}${t.name}.`);
      }
      table = t;
    },
    async onRow(line) {
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    },
    onTableEnd: flush,
  });
}

/** The loaded rows, read back in canonical form, must sum to exactly what the manifest says. */
async function recheck(tx: OwnerTx, manifest: Manifest) {
  for (const t of manifest.tables) {
    const hasher = new TableHasher();
    for await (const line of canonicalRows(tx, t)) hasher.add(line);
    const got = hasher.sum(t);
    if (got.rows !== t.rows || got.sha256 !== t.sha256) {
      throw new AppError(
        "restore_mismatch",
        500,
        `Table ${t.name} did not restore exactly (${got.rows} rows, ${t.rows} expected); nothing was changed.`,
      );
    }
  }
}

const SUMMARIES = ["sales_daily", "sales_monthly", "product_sales_daily", "product_sales_monthly"];

/**
 * A backup from before the summaries (or before one of them) has sales but not all their summaries:
 * work them out from the restored sales, so the dashboard and reports show what the sales say.
 */
async function summarise(tx: OwnerTx) {
  for (const id of await businessesWithSales(tx)) await rebuildSalesSummary(ownerRun(tx), id);
}
