import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createS3Storage } from "../lib/storage/s3.js";
import type { Storage } from "../lib/storage/storage.js";

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}
type S3rverClass = new (opts: Record<string, unknown>) => S3rverInstance;

/** A real S3-compatible HTTP server on a free localhost port, with its bucket in a temporary folder. */
export async function startS3Server(bucket = "duka-test") {
  const S3rver = createRequire(import.meta.url)("s3rver") as S3rverClass;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-s3-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    directory: dir,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const storage: Storage = createS3Storage({
    bucket,
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
  });
  return {
    storage,
    /** For a server process of its own (STORAGE=s3, S3_ENDPOINT). */
    endpoint,
    /** Where s3rver keeps the bucket's bytes, for tests that inspect what really landed. */
    dir,
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
