import type { Readable } from "node:stream";
import { AppError } from "../errors.js";

/** Advisory information stored beside an object where the driver can; the database stays the source of truth. */
export interface ObjectMeta {
  contentType?: string;
}

export interface StoredObject {
  key: string;
  size: number;
}

/**
 * Where files live: a local directory or an S3 bucket. Callers never learn which; keys are
 * slash-separated paths such as `documents/<businessId>/<uuid>`.
 */
export interface Storage {
  /** Writes the whole object or nothing: a failed or aborted body leaves no object behind. */
  put(key: string, body: Readable | Buffer, meta?: ObjectMeta): Promise<void>;
  /** The object's bytes; a missing object is an AppError `file_missing`. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with prefix, in no particular order. */
  list(prefix: string): AsyncIterable<StoredObject>;
  exists(key: string): Promise<boolean>;
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Keys are plain relative paths: no empty, "." or ".." segments and no leading dot, so a key can
 * never point outside the storage root nor collide with a driver's own temporary files.
 */
export function assertKey(key: string): void {
  const ok = key.length > 0 && key.length <= 512 && key.split("/").every((s) => SEGMENT.test(s) && s !== "..");
  if (!ok) throw new AppError("invalid_storage_key", 400, `"${key.slice(0, 80)}" is not a valid storage key.`);
}

/** A prefix is a key, or the start of one (it may end with "/"), or empty for everything. */
export function assertPrefix(prefix: string): void {
  if (prefix === "") return;
  assertKey(prefix.endsWith("/") ? prefix.slice(0, -1) : prefix);
}

export const fileMissing = (key: string) =>
  new AppError("file_missing", 404, `The file ${key} is missing from storage.`, { key });
