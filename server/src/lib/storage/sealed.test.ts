import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server } from "../../test/s3-server.js";
import { Encryptor, FRAME_SIZE, HEADER_BYTES } from "./crypto.js";
import { createKeyRing, type KeyRing } from "./keyring.js";
import { createLocalStorage } from "./local.js";
import { rewrapAll } from "./rewrap.js";
import { type SealedStorage, sealStorage } from "./sealed.js";
import type { Storage } from "./storage.js";

const TAG = 16;
const read = async (files: Storage, key: string) => Buffer.concat(await (await files.get(key)).toArray());
const rawBytes = async (raw: Storage, key: string) => Buffer.concat(await (await raw.get(key)).toArray());

/** Every byte of every file under dir, as one buffer: what an attacker with the disk or bucket sees. */
function everythingUnder(dir: string): Buffer {
  const parts: Buffer[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) parts.push(fs.readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return Buffer.concat(parts);
}

/** Text that is easy to find and compresses badly: it must appear nowhere in what is stored. */
const plaintext = Buffer.from(`${"SECRET-INVOICE-4711 mama amina owes 1200 KES. ".repeat(4000)}`);

describe("encryption at rest", () => {
  let dir: string;
  let raw: Storage;
  let ring: KeyRing;
  let files: SealedStorage;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-sealed-"));
    raw = createLocalStorage(dir);
    ring = createKeyRing(randomBytes(32));
    files = sealStorage(raw, ring);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("round-trips every size around the frame boundaries", async () => {
    for (const size of [0, 1, FRAME_SIZE - 1, FRAME_SIZE, FRAME_SIZE + 1, 3 * FRAME_SIZE + 7]) {
      const data = randomBytes(size);
      await files.put(`sizes/${size}`, Readable.from([data.subarray(0, 100), data.subarray(100)]));
      expect((await read(files, `sizes/${size}`)).equals(data), `size ${size}`).toBe(true);
    }
  });

  it("writes only ciphertext to disk", async () => {
    await files.put("plain/doc", plaintext);
    const onDisk = everythingUnder(dir);
    expect(onDisk.includes(Buffer.from("SECRET-INVOICE-4711"))).toBe(false);
    expect(onDisk.includes(Buffer.from("mama amina"))).toBe(false);
    expect((await read(files, "plain/doc")).equals(plaintext)).toBe(true);
  });

  it("fails with decrypt_failed when any byte is flipped: header, frames or tags", async () => {
    const data = randomBytes(2 * FRAME_SIZE + 300);
    await files.put("flip/original", data);
    const sealed = await rawBytes(raw, "flip/original");
    const positions = new Set<number>();
    for (let i = 0; i < HEADER_BYTES; i++) positions.add(i);
    for (let i = HEADER_BYTES; i < sealed.length; i += 4099) positions.add(i);
    for (const frameEnd of [FRAME_SIZE + TAG, 2 * (FRAME_SIZE + TAG)]) {
      positions.add(HEADER_BYTES + frameEnd - 1); // last byte of a frame's tag
      positions.add(HEADER_BYTES + frameEnd); // first byte of the next frame
    }
    positions.add(sealed.length - 1);
    for (const at of positions) {
      const bad = Buffer.from(sealed);
      bad[at] = (bad[at] as number) ^ 0x01;
      await raw.put("flip/bad", bad);
      await expect(read(files, "flip/bad"), `byte ${at}`).rejects.toMatchObject({ code: "decrypt_failed" });
    }
  });

  it("fails when the object is cut short anywhere, or has a frame dropped or added", async () => {
    const data = randomBytes(3 * FRAME_SIZE + 10);
    await files.put("cut/original", data);
    const sealed = await rawBytes(raw, "cut/original");
    const frame = FRAME_SIZE + TAG;
    const cuts = [
      0,
      10,
      HEADER_BYTES,
      HEADER_BYTES + 5,
      HEADER_BYTES + frame,
      HEADER_BYTES + 3 * frame,
      sealed.length - 1,
    ];
    for (const length of cuts) {
      await raw.put("cut/bad", sealed.subarray(0, length));
      await expect(read(files, "cut/bad"), `cut at ${length}`).rejects.toMatchObject({ code: "decrypt_failed" });
    }
    const dropped = Buffer.concat([
      sealed.subarray(0, HEADER_BYTES + frame),
      sealed.subarray(HEADER_BYTES + 2 * frame),
    ]);
    const doubled = Buffer.concat([sealed.subarray(0, HEADER_BYTES + frame), sealed.subarray(HEADER_BYTES)]);
    for (const bad of [dropped, doubled, Buffer.concat([sealed, sealed.subarray(HEADER_BYTES)])]) {
      await raw.put("cut/bad", bad);
      await expect(read(files, "cut/bad")).rejects.toMatchObject({ code: "decrypt_failed" });
    }
  });

  it("refuses, before sending anything, a file sealed with a key it does not have", async () => {
    await files.put("keys/a", Buffer.from("for key A only"));
    const stranger = sealStorage(raw, createKeyRing(randomBytes(32)));
    const refusal = await stranger.get("keys/a").catch((err: unknown) => err);
    // The log learns which key the file needs; the client's message never names it.
    expect(refusal).toMatchObject({
      code: "decrypt_failed",
      reason: expect.stringContaining(ring.current.id.toString("hex")),
    });
    expect((refusal as Error).message).not.toContain(ring.current.id.toString("hex"));
    await raw.put("keys/not-ours", Buffer.from("just some plain file, not sealed by Duka at all"));
    await expect(files.get("keys/not-ours")).rejects.toMatchObject({ code: "decrypt_failed" });
  });

  it("keeps old objects readable after rotation, and rewrap moves them to the new key", async () => {
    const data = randomBytes(FRAME_SIZE * 2 + 1);
    await files.put("rotate/old", data);
    const before = await rawBytes(raw, "rotate/old");

    const newKey = randomBytes(32);
    const rotated = sealStorage(raw, createKeyRing(newKey, [ring.current.key]));
    expect((await read(rotated, "rotate/old")).equals(data)).toBe(true);

    expect(await rotated.rewrap("rotate/old")).toBe(true);
    expect(await rotated.rewrap("rotate/old")).toBe(false);
    const after = await rawBytes(raw, "rotate/old");
    expect(after.length).toBe(before.length);
    // Only the header changed: the frames were copied, not re-encrypted.
    expect(after.subarray(HEADER_BYTES).equals(before.subarray(HEADER_BYTES))).toBe(true);
    expect(after.subarray(0, HEADER_BYTES).equals(before.subarray(0, HEADER_BYTES))).toBe(false);

    const newOnly = sealStorage(raw, createKeyRing(newKey));
    expect((await read(newOnly, "rotate/old")).equals(data)).toBe(true);
    await expect(read(files, "rotate/old")).rejects.toMatchObject({ code: "decrypt_failed" });
  });

  it("rewrapAll moves every object under a prefix and reports the ones it cannot open", async () => {
    const oldKey = ring.current.key;
    await files.put("all/a", Buffer.from("first"));
    await files.put("all/b", Buffer.from("second"));
    await raw.put("all/foreign", Buffer.from("not ours"));
    const newKey = randomBytes(32);
    const report = await rewrapAll(sealStorage(raw, createKeyRing(newKey, [oldKey])), "all/");
    expect(report).toMatchObject({ rewrapped: 2, alreadyCurrent: 0, failed: [{ key: "all/foreign" }] });
    const newOnly = sealStorage(raw, createKeyRing(newKey));
    expect((await read(newOnly, "all/b")).toString()).toBe("second");
  });

  it("binds each file to its storage key: copied over another's place it does not open", async () => {
    await files.put("documents/a/1", Buffer.from("business A's invoice"));
    await files.put("documents/b/2", Buffer.from("business B's invoice"));
    await raw.put("documents/b/2", await rawBytes(raw, "documents/a/1"));
    const refusal = await files.get("documents/b/2").catch((err: unknown) => err);
    expect(refusal).toMatchObject({ code: "decrypt_failed", reason: expect.stringContaining("documents/b/2") });
    expect((refusal as Error).message).not.toMatch(/documents\/|[0-9a-f]{16}/);
  });

  it("upgrades a format 1 file (not bound to its place) when rewrapped", async () => {
    const legacy = new Encryptor(ring, "ignored", 1);
    const sealed = Buffer.concat(
      await Readable.from([Buffer.from("old file")])
        .pipe(legacy)
        .toArray(),
    );
    await raw.put("legacy/a", sealed);
    await raw.put("legacy/b", sealed);
    expect((await read(files, "legacy/b")).toString()).toBe("old file");
    expect(await files.rewrap("legacy/a")).toBe(true);
    expect(await files.rewrap("legacy/a")).toBe(false);
    expect((await read(files, "legacy/a")).toString()).toBe("old file");
    await raw.put("legacy/b", await rawBytes(raw, "legacy/a"));
    await expect(files.get("legacy/b")).rejects.toMatchObject({ code: "decrypt_failed" });
  });

  it("rewrap refuses an object it cannot open and leaves it untouched", async () => {
    await raw.put("rotate/foreign", Buffer.from("not ours"));
    await expect(files.rewrap("rotate/foreign")).rejects.toMatchObject({ code: "decrypt_failed" });
    expect((await rawBytes(raw, "rotate/foreign")).toString()).toBe("not ours");
  });
});

describe("encryption at rest on S3", () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(() => s3.close());

  it("puts only ciphertext in the bucket, reads it back, and rewraps in place", async () => {
    const oldKey = randomBytes(32);
    const files = sealStorage(s3.storage, createKeyRing(oldKey));
    await files.put("documents/b/1", Readable.from([plaintext]));
    const inBucket = everythingUnder(s3.dir);
    expect(inBucket.includes(Buffer.from("SECRET-INVOICE-4711"))).toBe(false);
    expect((await read(files, "documents/b/1")).equals(plaintext)).toBe(true);

    const newKey = randomBytes(32);
    const rotated = sealStorage(s3.storage, createKeyRing(newKey, [oldKey]));
    expect(await rotated.rewrap("documents/b/1")).toBe(true);
    expect((await read(sealStorage(s3.storage, createKeyRing(newKey)), "documents/b/1")).equals(plaintext)).toBe(true);
  });
});
