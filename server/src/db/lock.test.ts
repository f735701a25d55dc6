import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.js";

// Each case opens and migrates an embedded database from nothing: slow on a busy machine.
describe("embedded database data directory", { timeout: 120_000 }, () => {
  it("refuses a second process on the same directory, then opens again after close", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-lock-"));
    const first = await openDatabase({ dataDir: dir });
    try {
      // A real second process, as a second `npm start` would be.
      const script = `import("${path.resolve(import.meta.dirname, "lock.ts").replaceAll("\\", "/")}").then(m => { try { m.acquireDataDirLock(${JSON.stringify(dir)}); console.log("locked"); } catch (e) { console.log(e.message); } })`;
      const other = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { encoding: "utf8" });
      expect(other.stdout).toMatch(/Another Duka process \(pid \d+\) is using the data directory/);
    } finally {
      await first.close();
    }
    expect(fs.existsSync(path.join(dir, "duka.lock"))).toBe(false);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("takes over a lock left by a process that died", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-lock-"));
    fs.writeFileSync(path.join(dir, "duka.lock"), "999999");
    const db = await openDatabase({ dataDir: dir });
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
