import { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { assertKey, assertPrefix, fileMissing, type Storage } from "./storage.js";

export interface S3Options {
  bucket: string;
  region: string;
  /** For S3-compatible services (MinIO, Ceph, R2…); unset means AWS. */
  endpoint?: string | undefined;
  forcePathStyle?: boolean;
  /** Unset means the SDK's default chain (instance role, AWS_* variables, profile). */
  credentials?: S3ClientConfig["credentials"];
}

const isMissing = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata?.httpStatusCode === 404;
};

/** Objects in an S3 bucket; bodies are streamed up in parts, never held whole in memory. */
export function createS3Storage(opts: S3Options): Storage {
  const client = new S3Client({
    region: opts.region,
    ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
    forcePathStyle: opts.forcePathStyle ?? false,
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    // Every object is already authenticated by its GCM frames; the SDK's newer trailing checksums
    // add nothing to that and are refused by many S3-compatible services.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const Bucket = opts.bucket;

  return {
    async put(key, body, meta) {
      assertKey(key);
      const upload = new Upload({
        client,
        params: { Bucket, Key: key, Body: body, ContentType: meta?.contentType ?? "application/octet-stream" },
        // A failed upload aborts its multipart upload, so no half object or orphan parts remain.
        leavePartsOnError: false,
      });
      await upload.done();
    },

    async get(key) {
      assertKey(key);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!(res.Body instanceof Readable)) throw new Error("S3 answered without a stream body");
        return res.Body;
      } catch (err) {
        throw isMissing(err) ? fileMissing(key) : err;
      }
    },

    async delete(key) {
      assertKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },

    async *list(prefix) {
      assertPrefix(prefix);
      for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: prefix })) {
        for (const o of page.Contents ?? []) if (o.Key) yield { key: o.Key, size: o.Size ?? 0 };
      }
    },

    async exists(key) {
      assertKey(key);
      try {
        await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return true;
      } catch (err) {
        if (isMissing(err)) return false;
        throw err;
      }
    },
  };
}
