import { randomBytes } from "node:crypto";
import type { Actor } from "./api.js";

export interface Upload {
  fields?: Record<string, string>;
  file?: { name: string; data: Buffer; type?: string };
  /** Fields sent after the file, which the server must refuse. */
  after?: Record<string, string>;
}

/** A multipart/form-data body as a browser's FormData sends it. */
export function form({ fields = {}, file, after = {} }: Upload) {
  const boundary = `----duka${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  const field = (name: string, value: string) =>
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const [k, v] of Object.entries(fields)) field(k, v);
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          `content-type: ${file.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  }
  for (const [k, v] of Object.entries(after)) field(k, v);
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** POST /documents as the actor, with fields and a file. */
export function uploadDocument(actor: Actor, u: Upload) {
  const { payload, headers } = form(u);
  return actor.request("POST", "/documents", payload, headers);
}
