import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadKeyRing } from "./keyring.js";

describe("master key ring", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-keys-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("generates a key into the data directory once, readable only by its owner, then reuses it", () => {
    const first = loadKeyRing({ NODE_ENV: "development", DATA_DIR: dir });
    const file = path.join(dir, "master.key");
    expect(first.generated).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = loadKeyRing({ NODE_ENV: "development", DATA_DIR: dir });
    expect(again.generated).toBeNull();
    expect(again.ring.current.id.equals(first.ring.current.id)).toBe(true);
  });

  it("uses MASTER_KEY and finds old keys by id", () => {
    const current = randomBytes(32);
    const old = randomBytes(32);
    const { ring, generated } = loadKeyRing({
      NODE_ENV: "production",
      DATA_DIR: dir,
      MASTER_KEY: current.toString("base64"),
      MASTER_KEYS_OLD: ` ${old.toString("base64")} ,`,
    });
    expect(generated).toBeNull();
    expect(ring.current.key.equals(current)).toBe(true);
    const oldId = loadKeyRing({ NODE_ENV: "test", DATA_DIR: dir, MASTER_KEY: old.toString("base64") }).ring.current.id;
    expect(ring.find(oldId)?.key.equals(old)).toBe(true);
    expect(ring.find(randomBytes(8))).toBeUndefined();
  });

  it("refuses to run in production without a master key", () => {
    expect(() => loadKeyRing({ NODE_ENV: "production", DATA_DIR: dir })).toThrow(/MASTER_KEY must be set/);
  });
});
