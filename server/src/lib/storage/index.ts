import path from "node:path";
import type { Config } from "../../config.js";
import { createLocalStorage } from "./local.js";
import type { Storage } from "./storage.js";

export type { KeyRing } from "./keyring.js";
export { createKeyRing, loadKeyRing } from "./keyring.js";
export { type SealedStorage, sealStorage } from "./sealed.js";
export type { ObjectMeta, Storage, StoredObject } from "./storage.js";

/**
 * The driver the configuration names; nothing outside this folder knows which one it is. The S3
 * driver (and the AWS SDK behind it) loads only when it is the one named, so a shop's server on
 * local disk does not carry it in memory.
 */
export async function storageFromConfig(config: Config): Promise<Storage> {
  if (config.STORAGE === "s3") {
    const { createS3Storage } = await import("./s3.js");
    return createS3Storage({
      bucket: config.S3_BUCKET as string,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
    });
  }
  return createLocalStorage(path.resolve(config.DATA_DIR, "files"));
}
