import path from "node:path";
import type { Config } from "../../config.js";
import { createLocalStorage } from "./local.js";
import { createS3Storage } from "./s3.js";
import type { Storage } from "./storage.js";

export type { KeyRing } from "./keyring.js";
export { createKeyRing, loadKeyRing } from "./keyring.js";
export { type SealedStorage, sealStorage } from "./sealed.js";
export type { ObjectMeta, Storage, StoredObject } from "./storage.js";

/** The driver the configuration names; nothing outside this folder knows which one it is. */
export function storageFromConfig(config: Config): Storage {
  if (config.STORAGE === "s3") {
    return createS3Storage({
      bucket: config.S3_BUCKET as string,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return createLocalStorage(path.resolve(config.DATA_DIR, "files"));
}
