import { Transform, type TransformCallback } from "node:stream";
import type { DocumentContentType } from "@duka/contracts";
import { AppError } from "../../lib/errors.js";

/** Enough leading bytes to recognise every accepted type. */
const SNIFF_BYTES = 12;
const HEIC_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"]);

/** The type a file really is, from its first bytes; null for anything Duka does not accept. */
export function sniffContentType(head: Buffer): DocumentContentType | null {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString("latin1");
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "image/jpeg";
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "image/png";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  if (ascii(4, 8) === "ftyp" && HEIC_BRANDS.has(ascii(8, 12))) return "image/heic";
  if (ascii(0, 5) === "%PDF-") return "application/pdf";
  return null;
}

export const unsupportedType = () =>
  new AppError(
    "unsupported_file_type",
    415,
    "This file is not a photo (JPEG, PNG, WebP, HEIC) or a PDF. Take a photo or choose a PDF instead.",
  );

export const tooLarge = (maxBytes: number) =>
  new AppError(
    "too_large",
    413,
    `This file is larger than ${(maxBytes / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB. Take the photo at a lower size or split the PDF.`,
    { maxBytes },
  );

/**
 * Passes an upload through unchanged while checking it: the type from its first bytes before any
 * byte goes on, and the size as it flows, so a refused file is stopped without ever being held whole.
 */
export class UploadGuard extends Transform {
  contentType: DocumentContentType | null = null;
  bytes = 0;
  /** Why the upload was refused, whatever error the storage driver then reports. */
  refusal: AppError | null = null;
  private head: Buffer[] = [];

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return this.refuse(tooLarge(this.maxBytes), done);
    if (this.contentType) return done(null, chunk);
    this.head.push(chunk);
    const head = Buffer.concat(this.head);
    if (head.length < SNIFF_BYTES) return done();
    this.head = [];
    this.decide(head, done);
  }

  override _flush(done: TransformCallback) {
    if (this.contentType) return done();
    this.decide(Buffer.concat(this.head), done);
  }

  private decide(head: Buffer, done: TransformCallback) {
    this.contentType = sniffContentType(head);
    if (!this.contentType) return this.refuse(unsupportedType(), done);
    done(null, head);
  }

  private refuse(err: AppError, done: TransformCallback) {
    this.refusal = err;
    done(err);
  }
}
