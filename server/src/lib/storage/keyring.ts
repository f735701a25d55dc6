import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { AppError } from "../errors.js";

export const KEY_BYTES = 32;
export const KEY_ID_BYTES = 8;

export interface MasterKey {
  /** Derived from the key itself, so an id can never be paired with the wrong key by mistake. */
  readonly id: Buffer;
  readonly key: Buffer;
}

/** The current master key (wraps new data keys) and older ones (still unwrap what they wrapped). */
export interface KeyRing {
  readonly current: MasterKey;
  find(id: Buffer): MasterKey | undefined;
}

export function masterKey(key: Buffer): MasterKey {
  if (key.length !== KEY_BYTES) throw new Error(`a master key must be ${KEY_BYTES} bytes, got ${key.length}`);
  const id = createHmac("sha256", key).update("duka master key id").digest().subarray(0, KEY_ID_BYTES);
  return { id, key };
}

export function createKeyRing(current: Buffer, old: Buffer[] = []): KeyRing {
  const keys = [masterKey(current), ...old.map(masterKey)];
  return {
    current: keys[0] as MasterKey,
    find: (id) => keys.find((k) => k.id.equals(id)),
  };
}

/** A base64 key is valid when it decodes to exactly 32 bytes. */
export function decodeKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed, "base64");
  return key.length === KEY_BYTES ? key : undefined;
}

export interface KeySettings {
  NODE_ENV: string;
  DATA_DIR: string;
  MASTER_KEY?: string | undefined;
  MASTER_KEYS_OLD?: string | undefined;
}

/**
 * The master key ring from configuration. Without MASTER_KEY (never in production: config refuses
 * that) a key is generated once into the data directory; `generated` then names the file the
 * person running Duka must back up, since every stored file is unreadable without it.
 */
export function loadKeyRing(settings: KeySettings): { ring: KeyRing; generated: string | null } {
  const old = (settings.MASTER_KEYS_OLD ?? "")
    .split(",")
    .filter((s) => s.trim() !== "")
    .map((s) => decodeKey(s) ?? badKey("MASTER_KEYS_OLD"));
  if (settings.MASTER_KEY) {
    return { ring: createKeyRing(decodeKey(settings.MASTER_KEY) ?? badKey("MASTER_KEY"), old), generated: null };
  }
  if (settings.NODE_ENV === "production") {
    throw new AppError("master_key_missing", 500, "MASTER_KEY must be set in production (32 random bytes, base64).");
  }
  const file = path.resolve(settings.DATA_DIR, "master.key");
  if (fs.existsSync(file)) {
    return { ring: createKeyRing(decodeKey(fs.readFileSync(file, "utf8")) ?? badKey(file), old), generated: null };
  }
  const key = crypto.getRandomValues(Buffer.alloc(KEY_BYTES));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // "wx": never overwrite a key another process wrote in the meantime.
  fs.writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  return { ring: createKeyRing(key, old), generated: file };
}

function badKey(where: string): never {
  throw new AppError("master_key_invalid", 500, `${where} must hold 32 bytes encoded as base64.`);
}
