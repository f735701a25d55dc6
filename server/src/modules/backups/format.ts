/**
 * A backup is newline-delimited JSON, gzipped, then sealed by the storage encryption:
 *
 *   ["table", name, columns, orderBy]   once per table, parents before children
 *   {"id": …, …}                        one line per row, as row_to_json wrote it
 *   ["end", tableCount]                 so a file cut at a line boundary is still caught
 *
 * Rows are objects and markers are arrays, so a row can never be mistaken for a marker. Each
 * table's checksum is the SHA-256 of its row lines, each followed by "\n".
 */
import { createHash, type Hash } from "node:crypto";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { AppError } from "../../lib/errors.js";
import type { SealedStorage } from "../../lib/storage/sealed.js";
import type { TableInfo } from "./catalog.repository.js";

export { canonicalRows } from "./catalog.repository.js";

export const FORMAT = 1;

export interface TableSum {
  name: string;
  columns: string[];
  orderBy: string[];
  rows: number;
  sha256: string;
}

export interface Manifest {
  format: number;
  id: string;
  createdAt: string;
  /** The storage key of the data file this manifest describes. */
  dataKey: string;
  engine: "pglite" | "postgres";
  schema: { migrations: number; lastTag: string | null; hashes: string[] };
  tables: TableSum[];
  /** Storage keys of every document the database refers to; documents are not copied into the backup. */
  documents: string[];
}

export const backupInvalid = (why: string) =>
  new AppError("backup_invalid", 422, `This backup cannot be used: ${why} Nothing was changed.`);

/** Sums rows into a table's count and checksum, in the order they come. */
export class TableHasher {
  rows = 0;
  private readonly hash: Hash = createHash("sha256");
  add(line: string) {
    this.rows++;
    this.hash.update(line).update("\n");
  }
  sum(table: TableInfo): TableSum {
    return { ...table, rows: this.rows, sha256: this.hash.digest("hex") };
  }
}

/** Reads a sealed JSON object (a manifest) from storage; a damaged or foreign one is backup_invalid. */
export async function readManifest(files: SealedStorage, key: string): Promise<Manifest> {
  try {
    const chunks = await (await files.get(key)).toArray();
    const manifest = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Manifest;
    if (manifest.format !== FORMAT) throw backupInvalid(`its format ${manifest.format} is not known.`);
    return manifest;
  } catch (err) {
    throw asInvalid(err, "its manifest");
  }
}

/** A handler's own failure (say, an insert during a restore) is not damage in the backup. */
class HandlerFailure extends Error {
  constructor(readonly original: unknown) {
    super("handler failed");
  }
}

async function call<A>(fn: ((arg: A) => Promise<void>) | undefined, arg: A) {
  try {
    await fn?.(arg);
  } catch (err) {
    throw new HandlerFailure(err);
  }
}

export interface ReadHandlers {
  onTable?(table: TableInfo): Promise<void>;
  onRow?(line: string): Promise<void>;
  onTableEnd?(table: TableInfo): Promise<void>;
}

/**
 * Decrypts, decompresses and parses a backup, checking every table against the manifest. With no
 * handlers this is the verification; restore passes handlers to load what it reads.
 */
export async function readBackup(files: SealedStorage, manifest: Manifest, handlers: ReadHandlers = {}) {
  let source: Readable;
  try {
    source = await files.get(manifest.dataKey);
  } catch (err) {
    throw asInvalid(err, "its data file");
  }
  const gunzip = createGunzip();
  source.on("error", (err) => gunzip.destroy(err));
  source.pipe(gunzip);
  const lines = createInterface({ input: gunzip, crlfDelay: Number.POSITIVE_INFINITY });
  const expected = manifest.tables;
  let index = -1;
  let current: { info: TableInfo; hasher: TableHasher } | undefined;
  let ended = false;
  const close = async () => {
    if (!current) return;
    const got = current.hasher.sum(current.info);
    const want = expected[index];
    if (!want || got.rows !== want.rows || got.sha256 !== want.sha256) {
      throw backupInvalid(`table ${got.name} does not match its checksum in the manifest.`);
    }
    await call(handlers.onTableEnd, current.info);
    current = undefined;
  };
  try {
    for await (const line of lines) {
      if (ended) throw backupInvalid("it has data after its end.");
      if (line.startsWith("{")) {
        if (!current) throw backupInvalid("it has a row outside any table.");
        current.hasher.add(line);
        await call(handlers.onRow, line);
        continue;
      }
      const marker = JSON.parse(line) as [string, ...unknown[]];
      await close();
      if (marker[0] === "end") {
        ended = marker[1] === expected.length && index === expected.length - 1;
        if (!ended) throw backupInvalid("it ends before its last table.");
        continue;
      }
      const [, name, columns, orderBy] = marker as [string, string, string[], string[]];
      index++;
      if (marker[0] !== "table" || expected[index]?.name !== name) {
        throw backupInvalid(`table ${name} is not the one its manifest lists next.`);
      }
      current = { info: { name, columns, orderBy }, hasher: new TableHasher() };
      await call(handlers.onTable, current.info);
    }
  } catch (err) {
    source.destroy();
    if (err instanceof HandlerFailure) throw err.original;
    throw asInvalid(err, "its data");
  }
  if (!ended) throw backupInvalid("it was cut short.");
}

/** Every failure to read a backup, whatever its cause, is reported as one clear refusal. */
function asInvalid(err: unknown, what: string): AppError {
  if (err instanceof AppError && err.code === "backup_invalid") return err;
  if (err instanceof AppError && err.code === "decrypt_failed") {
    // Restores are the operator's: the reason may name the master key id the file needs.
    const reason = (err as AppError & { reason?: string }).reason ?? err.message;
    return backupInvalid(`${what} could not be decrypted (${reason}) — wrong master key, or the file is damaged.`);
  }
  if (err instanceof AppError && err.code === "file_missing") return backupInvalid(`${what} is missing from storage.`);
  const message = err instanceof Error ? err.message : String(err);
  return backupInvalid(`${what} is damaged (${message}).`);
}
