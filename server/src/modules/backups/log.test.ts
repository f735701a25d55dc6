import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/api.js";
import { BackupScheduler } from "./scheduler.js";

/**
 * The one line per daily backup that the cloud's log metric filters count (docs/operations.md):
 * written by the server's own logger, read back as JSON.
 */
describe("the backup log line", () => {
  const t = useTestApp();

  function logged() {
    const lines: Record<string, unknown>[] = [];
    const log = Fastify({ logger: { level: "info", stream: { write: (l: string) => lines.push(JSON.parse(l)) } } }).log;
    return { log, backups: () => lines.filter((l) => l.event === "backup") };
  }

  it("says ok with the counts and bytes of a backup that succeeded", async () => {
    const { log, backups } = logged();
    await new BackupScheduler(
      { database: t.database, files: t.app.deps.files, clock: t.clock.now },
      { hour: 2, retention: { daily: 7, weekly: 4, monthly: 12 }, log },
    ).runNow();
    const [line, ...more] = backups();
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 30, event: "backup", outcome: "ok", trigger: "manual" });
    expect(line?.bytes).toBeGreaterThan(0);
    expect(line?.tables).toBeGreaterThan(5);
    expect(line?.rows).toEqual(expect.any(Number));
  });

  it("says failed, with why, when storage refuses the backup", async () => {
    const { log, backups } = logged();
    const files = new Proxy(t.app.deps.files, {
      get: (target, key) =>
        key === "put"
          ? async () => {
              throw new Error("the bucket refused the upload");
            }
          : Reflect.get(target, key),
    });
    await new BackupScheduler(
      { database: t.database, files, clock: t.clock.now },
      { hour: 2, retention: { daily: 7, weekly: 4, monthly: 12 }, log },
    ).runNow();
    const [line, ...more] = backups();
    expect(more).toEqual([]);
    expect(line).toMatchObject({ level: 50, event: "backup", outcome: "failed", trigger: "manual" });
    expect(String(line?.error)).toContain("the bucket refused the upload");
    expect(JSON.stringify(line)).not.toMatch(/postgres:\/\/|password|MASTER_KEY/i);
  });
});
