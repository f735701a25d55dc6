import { Readable } from "node:stream";
import { Decryptor, Encryptor, HEADER_BYTES, rewrapHeader } from "./crypto.js";
import type { KeyRing } from "./keyring.js";
import type { Storage } from "./storage.js";

/**
 * Storage that encrypts everything it is given and decrypts everything it returns. This is the
 * storage the rest of Duka uses; `raw` is the driver underneath, holding only ciphertext.
 */
export interface SealedStorage extends Storage {
  readonly raw: Storage;
  readonly ring: KeyRing;
  /** Re-wraps one object's data key with the current master key and format; false when it already used them. */
  rewrap(key: string): Promise<boolean>;
}

const quiet = () => undefined;

export function sealStorage(raw: Storage, ring: KeyRing): SealedStorage {
  return {
    raw,
    ring,

    put(key, body, meta) {
      const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
      const sealed = new Encryptor(ring, key);
      // Errors reach the driver through `sealed`, which then writes nothing. The driver may attach
      // its listeners only after some awaits, so an early failure must not count as unhandled.
      sealed.on("error", quiet);
      source.on("error", (err) => sealed.destroy(err));
      source.pipe(sealed);
      return raw.put(key, sealed, { ...meta, contentType: "application/octet-stream" });
    },

    async get(key) {
      const source = await raw.get(key);
      const plain = new Decryptor(ring, key);
      source.on("error", (err) => plain.destroy(err));
      plain.on("close", () => source.destroy());
      // Until the header is checked nobody listens yet: its error is reported by `ready` instead.
      plain.on("error", quiet);
      source.pipe(plain);
      await plain.ready.catch((err) => {
        source.destroy();
        throw err;
      });
      plain.off("error", quiet);
      return plain;
    },

    delete: (key) => raw.delete(key),
    list: (prefix) => raw.list(prefix),
    exists: (key) => raw.exists(key),

    async rewrap(key) {
      const source = (await raw.get(key))[Symbol.asyncIterator]();
      try {
        const head = await readAtLeast(source, HEADER_BYTES);
        const next = rewrapHeader(head, ring, key);
        if (!next) return false;
        // The frames are copied unchanged behind the new header; drivers replace objects atomically.
        await raw.put(key, Readable.from(rest(next, head.subarray(HEADER_BYTES), source)));
        return true;
      } finally {
        await source.return?.();
      }
    },
  };
}

type Chunks = AsyncIterator<Buffer>;

async function readAtLeast(source: Chunks, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let have = 0;
  while (have < n) {
    const r = await source.next();
    if (r.done) break;
    chunks.push(r.value);
    have += r.value.length;
  }
  return Buffer.concat(chunks);
}

async function* rest(header: Buffer, already: Buffer, source: Chunks) {
  yield header;
  if (already.length > 0) yield already;
  for (let r = await source.next(); !r.done; r = await source.next()) yield r.value;
}
