/**
 * Duka's encryption at rest (format 2). Each object has its own random data key; the data key is
 * wrapped by a master key. Layout:
 *
 *   header  "DUKA" | version u8 | key id (8) | wrap IV (12) | wrapped data key (32) | wrap tag (16)
 *           | frame IV (12) | frame size u32
 *   frames  ciphertext (frame size bytes, the last one shorter or empty) + GCM tag (16), repeated
 *
 * The data-key wrap authenticates the whole header (key id, frame IV and frame size in its AAD) and,
 * from format 2, the object's storage key (`documents/<business>/<document>`): a file copied over
 * another's place no longer opens. Format 1 files (no storage key) still open until
 * `npm run rewrap-keys` upgrades them; rewrapping rewrites the header only (see rewrapHeader).
 * Each frame's nonce is the frame IV xor its counter, and its AAD holds the counter and a "final"
 * flag, so reordered, dropped, truncated or appended frames all fail, as does any flipped bit.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { AppError } from "../errors.js";
import { KEY_BYTES, KEY_ID_BYTES, type KeyRing, type MasterKey } from "./keyring.js";

const MAGIC = Buffer.from("DUKA");
const VERSION = 2;
const LEGACY_VERSION = 1;
const IV = 12;
const TAG = 16;
export const FRAME_SIZE = 64 * 1024;
/** A header claiming bigger frames than this is damaged, not a reason to allocate memory. */
const MAX_FRAME = 16 * 1024 * 1024;

const O_VERSION = 4;
const O_KEY_ID = 5;
const O_WRAP_IV = O_KEY_ID + KEY_ID_BYTES;
const O_WRAPPED = O_WRAP_IV + IV;
const O_WRAP_TAG = O_WRAPPED + KEY_BYTES;
const O_FRAME_IV = O_WRAP_TAG + TAG;
const O_FRAME_SIZE = O_FRAME_IV + IV;
export const HEADER_BYTES = O_FRAME_SIZE + 4;

/**
 * The client sees only that the file cannot be read; `reason` (which may name a master key id) goes
 * to the server log with the error.
 */
export const decryptFailed = (reason: string) =>
  Object.assign(
    new AppError(
      "decrypt_failed",
      500,
      "A stored file could not be read. Nothing was changed; the shop's administrator can find the cause in the server log.",
    ),
    { reason },
  );

/** What the data-key wrap authenticates: every header field except the wrap itself, and the place. */
function wrapAad(header: Buffer, storageKey: string): Buffer {
  const fields = [header.subarray(0, O_WRAP_IV), header.subarray(O_FRAME_IV, HEADER_BYTES)];
  if (header[O_VERSION] !== LEGACY_VERSION) fields.push(Buffer.from(storageKey, "utf8"));
  return Buffer.concat(fields);
}

function sealDataKey(header: Buffer, master: MasterKey, dataKey: Buffer, storageKey: string, version = VERSION) {
  master.id.copy(header, O_KEY_ID);
  header[O_VERSION] = version;
  const iv = randomBytes(IV);
  const cipher = createCipheriv("aes-256-gcm", master.key, iv).setAAD(wrapAad(header, storageKey));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  iv.copy(header, O_WRAP_IV);
  wrapped.copy(header, O_WRAPPED);
  cipher.getAuthTag().copy(header, O_WRAP_TAG);
}

function openDataKey(header: Buffer, ring: KeyRing, storageKey: string): Buffer {
  if (header.length < HEADER_BYTES || !header.subarray(0, 4).equals(MAGIC)) {
    throw decryptFailed("it is not a Duka encrypted file.");
  }
  if (header[O_VERSION] !== VERSION && header[O_VERSION] !== LEGACY_VERSION) {
    throw decryptFailed(`format version ${header[O_VERSION]} is not known.`);
  }
  const id = header.subarray(O_KEY_ID, O_WRAP_IV);
  const master = ring.find(id);
  if (!master) {
    throw decryptFailed(`it was encrypted with master key ${id.toString("hex")}, which this server does not have.`);
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", master.key, header.subarray(O_WRAP_IV, O_WRAPPED));
    decipher.setAAD(wrapAad(header.subarray(0, HEADER_BYTES), storageKey));
    decipher.setAuthTag(header.subarray(O_WRAP_TAG, O_FRAME_IV));
    return Buffer.concat([decipher.update(header.subarray(O_WRAPPED, O_WRAP_TAG)), decipher.final()]);
  } catch {
    throw decryptFailed(
      `${storageKey}: its header was changed, it was moved from another place, or the master key is wrong.`,
    );
  }
}

/** The header re-sealed with the ring's current key in the current format, or null when it already is. */
export function rewrapHeader(header: Buffer, ring: KeyRing, storageKey: string): Buffer | null {
  const dataKey = openDataKey(header, ring, storageKey);
  const current = header.subarray(O_KEY_ID, O_WRAP_IV).equals(ring.current.id) && header[O_VERSION] === VERSION;
  if (current) return null;
  const next = Buffer.from(header.subarray(0, HEADER_BYTES));
  sealDataKey(next, ring.current, dataKey, storageKey);
  return next;
}

function frameParams(frameIv: Buffer, counter: number, final: boolean) {
  const nonce = Buffer.from(frameIv);
  const low = nonce.readUInt32BE(8) ^ (counter % 2 ** 32);
  const high = nonce.readUInt32BE(4) ^ Math.floor(counter / 2 ** 32);
  nonce.writeUInt32BE(low >>> 0, 8);
  nonce.writeUInt32BE(high >>> 0, 4);
  const aad = Buffer.alloc(9);
  aad.writeBigUInt64BE(BigInt(counter));
  aad[8] = final ? 1 : 0;
  return { nonce, aad };
}

/** Collects incoming chunks and hands out exact-size slices without copying more than needed. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;
  push(chunk: Buffer) {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }
  take(n: number): Buffer {
    const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
    this.chunks = all.length > n ? [all.subarray(n)] : [];
    this.length = all.length - n;
    return all.subarray(0, n);
  }
}

/** Plaintext in, header and sealed frames out; memory stays near one frame whatever the size. */
export class Encryptor extends Transform {
  private readonly dataKey = randomBytes(KEY_BYTES);
  private readonly frameIv = randomBytes(IV);
  private readonly queue = new ByteQueue();
  private counter = 0;

  /** storageKey: where the object is written; only a read of that same key opens it. */
  constructor(ring: KeyRing, storageKey: string, version = VERSION) {
    super();
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header, 0);
    this.frameIv.copy(header, O_FRAME_IV);
    header.writeUInt32BE(FRAME_SIZE, O_FRAME_SIZE);
    // Only tests pass a version: to write format 1 files and prove they are upgraded.
    sealDataKey(header, ring.current, this.dataKey, storageKey, version);
    this.push(header);
  }

  private seal(plain: Buffer, final: boolean) {
    const { nonce, aad } = frameParams(this.frameIv, this.counter++, final);
    const cipher = createCipheriv("aes-256-gcm", this.dataKey, nonce).setAAD(aad);
    this.push(Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.queue.push(chunk);
    // Strictly more than a frame: only then is it certain this frame is not the last.
    while (this.queue.length > FRAME_SIZE) this.seal(this.queue.take(FRAME_SIZE), false);
    done();
  }

  override _flush(done: TransformCallback) {
    this.seal(this.queue.take(this.queue.length), true);
    done();
  }
}

/**
 * Sealed bytes in, plaintext out. Only authenticated frames are ever passed on; `ready` settles
 * once the header and the first frame are checked, so a wrong key or damage in the first 64 KiB
 * is reported before anything is sent; damage further on aborts the transfer, never passing it on.
 */
export class Decryptor extends Transform {
  readonly ready: Promise<void>;
  private settle!: (err?: Error) => void;
  private readonly queue = new ByteQueue();
  private dataKey: Buffer | null = null;
  private frameIv = Buffer.alloc(0);
  private frameBytes = 0;
  private counter = 0;

  constructor(
    private readonly ring: KeyRing,
    private readonly storageKey: string,
  ) {
    super();
    this.ready = new Promise<void>((resolve, reject) => {
      this.settle = (err) => (err ? reject(err) : resolve());
    });
    // Whoever consumes the stream sees the error; this only keeps an unawaited `ready` quiet.
    this.ready.catch(() => undefined);
  }

  private readHeader() {
    const header = this.queue.take(HEADER_BYTES);
    this.dataKey = openDataKey(header, this.ring, this.storageKey);
    this.frameIv = Buffer.from(header.subarray(O_FRAME_IV, O_FRAME_SIZE));
    const size = header.readUInt32BE(O_FRAME_SIZE);
    if (size < 1 || size > MAX_FRAME) throw decryptFailed("its header is damaged.");
    this.frameBytes = size + TAG;
  }

  private open(sealed: Buffer, final: boolean) {
    const { nonce, aad } = frameParams(this.frameIv, this.counter++, final);
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.dataKey as Buffer, nonce).setAAD(aad);
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
      this.push(Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG)), decipher.final()]));
      this.settle();
    } catch {
      throw decryptFailed("it was changed, damaged or cut short.");
    }
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    try {
      this.queue.push(chunk);
      if (!this.dataKey && this.queue.length >= HEADER_BYTES) this.readHeader();
      while (this.dataKey && this.queue.length > this.frameBytes) this.open(this.queue.take(this.frameBytes), false);
      done();
    } catch (err) {
      this.fail(err as Error, done);
    }
  }

  override _flush(done: TransformCallback) {
    try {
      if (!this.dataKey) throw decryptFailed("it is too short to be a Duka encrypted file.");
      if (this.queue.length < TAG) throw decryptFailed("it was cut short.");
      this.open(this.queue.take(this.queue.length), true);
      done();
    } catch (err) {
      this.fail(err as Error, done);
    }
  }

  override _destroy(err: Error | null, done: (err: Error | null) => void) {
    // A source that failed before the header arrived must not leave `ready` pending forever.
    this.settle(err ?? decryptFailed("it ended before its header."));
    done(err);
  }

  private fail(err: Error, done: TransformCallback) {
    this.settle(err);
    done(err);
  }
}
