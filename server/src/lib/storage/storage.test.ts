import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server } from "../../test/s3-server.js";
import { createLocalStorage } from "./local.js";
import type { Storage } from "./storage.js";

async function keys(storage: Storage, prefix: string) {
  const found: string[] = [];
  for await (const o of storage.list(prefix)) found.push(o.key);
  return found.sort();
}

async function* failingBody() {
  yield Buffer.from("the start of a file");
  throw new Error("connection lost");
}

/** One contract, every driver: the rest of Duka relies on exactly these behaviours. */
function storageContract(name: string, open: () => Promise<{ storage: Storage; close(): Promise<void> }>) {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ storage, close } = await open());
    });
    afterAll(() => close());

    it("stores a buffer and a stream and gives the same bytes back", async () => {
      await storage.put("a/one", Buffer.from("hello"));
      const big = Buffer.alloc(6 * 1024 * 1024 + 5, 0x5a);
      await storage.put("a/two", Readable.from([big.subarray(0, 1000), big.subarray(1000)]));
      expect(await text(await storage.get("a/one"))).toBe("hello");
      const back = Buffer.concat(await (await storage.get("a/two")).toArray());
      expect(back.equals(big)).toBe(true);
    });

    it("replaces an object on a second put", async () => {
      await storage.put("b/x", Buffer.from("first"));
      await storage.put("b/x", Buffer.from("second"));
      expect(await text(await storage.get("b/x"))).toBe("second");
    });

    it("lists by prefix with sizes", async () => {
      await storage.put("list/p1/a", Buffer.from("12"));
      await storage.put("list/p1/b", Buffer.from("345"));
      await storage.put("list/p2/c", Buffer.from("6"));
      expect(await keys(storage, "list/p1/")).toEqual(["list/p1/a", "list/p1/b"]);
      expect(await keys(storage, "list/p")).toEqual(["list/p1/a", "list/p1/b", "list/p2/c"]);
      expect(await keys(storage, "nothing-here/")).toEqual([]);
      const sizes: Record<string, number> = {};
      for await (const o of storage.list("list/p1/")) sizes[o.key] = o.size;
      expect(sizes).toEqual({ "list/p1/a": 2, "list/p1/b": 3 });
    });

    it("deletes, answers exists, and calls a missing object file_missing", async () => {
      await storage.put("c/gone", Buffer.from("x"));
      expect(await storage.exists("c/gone")).toBe(true);
      await storage.delete("c/gone");
      await storage.delete("c/gone");
      expect(await storage.exists("c/gone")).toBe(false);
      await expect(storage.get("c/gone")).rejects.toMatchObject({ code: "file_missing", status: 404 });
    });

    it("leaves nothing behind when the body fails part way", async () => {
      await expect(storage.put("d/broken", Readable.from(failingBody()))).rejects.toThrow();
      expect(await storage.exists("d/broken")).toBe(false);
      expect(await keys(storage, "d/")).toEqual([]);
    });

    it("refuses keys that could escape the root", async () => {
      for (const bad of ["../x", "a/../../x", "/abs", "a//b", ".hidden", "a/./b", ""]) {
        await expect(storage.put(bad, Buffer.from("x")), bad).rejects.toMatchObject({ code: "invalid_storage_key" });
      }
      await expect(storage.get("../../etc/passwd")).rejects.toMatchObject({ code: "invalid_storage_key" });
    });
  });
}

storageContract("local directory", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-local-"));
  return { storage: createLocalStorage(dir), close: async () => fs.rmSync(dir, { recursive: true, force: true }) };
});

storageContract("S3 (s3rver over HTTP)", () => startS3Server());

describe("local driver", () => {
  it("writes atomically: no temporary file is left and none is listed", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-local-"));
    try {
      const storage = createLocalStorage(dir);
      await storage.put("k/v", Buffer.from("data"));
      await expect(storage.put("k/w", Readable.from(failingBody()))).rejects.toThrow();
      expect(fs.readdirSync(path.join(dir, ".tmp"))).toEqual([]);
      expect(await keys(storage, "")).toEqual(["k/v"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
