import { randomBytes } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertKey, assertPrefix, fileMissing, type Storage, type StoredObject } from "./storage.js";

/** Temporary files live under the root (same file system, so rename is atomic) in a folder no key can name. */
const TMP = ".tmp";

/** Objects as files under one directory; writes go to a temporary file and are renamed into place. */
export function createLocalStorage(root: string): Storage {
  const base = path.resolve(root);
  const tmpDir = path.join(base, TMP);

  function fileOf(key: string): string {
    assertKey(key);
    const file = path.resolve(base, key);
    // assertKey already forbids "..": this is the second lock on the same door.
    if (!file.startsWith(base + path.sep)) throw new Error(`storage key escapes the root: ${key}`);
    return file;
  }

  async function* walk(dir: string, rel: string): AsyncGenerator<StoredObject> {
    let entries: fs.Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return;
      throw err;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const key = rel ? `${rel}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) yield* walk(full, key);
      else if (entry.isFile()) yield { key, size: (await fsp.stat(full)).size };
    }
  }

  return {
    async put(key, body) {
      const file = fileOf(key);
      await fsp.mkdir(path.dirname(file), { recursive: true });
      await fsp.mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${randomBytes(12).toString("hex")}.part`);
      try {
        const source = Buffer.isBuffer(body) ? Readable.from([body]) : body;
        await pipeline(source, fs.createWriteStream(tmp, { flags: "wx", mode: 0o600 }));
        await fsp.rename(tmp, file);
      } catch (err) {
        await fsp.rm(tmp, { force: true });
        throw err;
      }
    },

    async get(key) {
      const file = fileOf(key);
      // Open first, so a missing file is a clear error here rather than a stream error later.
      const handle = await fsp.open(file, "r").catch((err: NodeJS.ErrnoException) => {
        throw err.code === "ENOENT" ? fileMissing(key) : err;
      });
      return handle.createReadStream();
    },

    async delete(key) {
      await fsp.rm(fileOf(key), { force: true });
    },

    async *list(prefix) {
      assertPrefix(prefix);
      // Walk only the deepest folder the prefix names, then filter by the rest of it.
      const dirPart = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
      for await (const item of walk(dirPart ? path.join(base, dirPart) : base, dirPart)) {
        if (item.key.startsWith(prefix)) yield item;
      }
    },

    async exists(key) {
      return fsp.stat(fileOf(key)).then(
        (s) => s.isFile(),
        () => false,
      );
    },
  };
}
