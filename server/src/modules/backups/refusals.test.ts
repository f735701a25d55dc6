import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sealStorage } from "../../lib/storage/index.js";
import { createKeyRing } from "../../lib/storage/keyring.js";
import { useTestApp } from "../../test/api.js";
import { dumpAll, seedBusiness } from "../../test/backups.js";
import { type BackupRow, manifestKeyOf, runBackup } from "./create.js";
import { restoreBackup } from "./restore.js";

/**
 * A backup that is damaged, cut short or sealed with another key is refused before anything is
 * written. The target here is the live database itself, restored with --force: had the refusal come
 * late, its newer rows would be gone.
 */
describe("restore refuses a bad backup and leaves the database untouched", () => {
  const t = useTestApp();
  let backup: BackupRow;
  const raw = () => t.app.deps.files.raw;
  const bytes = async (key: string) => Buffer.concat(await (await raw().get(key)).toArray());

  beforeAll(async () => {
    await seedBusiness(t, "Before");
    backup = await runBackup({ database: t.database, files: t.app.deps.files, clock: t.clock.now }, "manual");
    expect(backup.status, backup.error ?? "").toBe("succeeded");
    // Made after the backup: a restore that went ahead would lose these.
    await seedBusiness(t, "After");
  });

  async function refused(files = t.app.deps.files, message?: RegExp) {
    const before = await dumpAll(t.database);
    const attempt = restoreBackup(t.database, files, backup.id, { force: true });
    await expect(attempt).rejects.toMatchObject({ code: "backup_invalid", message: message ?? expect.any(String) });
    expect(await dumpAll(t.database)).toEqual(before);
  }

  async function tampered(key: string, change: (b: Buffer) => Buffer, message?: RegExp) {
    const original = await bytes(key);
    await raw().put(key, change(Buffer.from(original)));
    try {
      await refused(undefined, message);
    } finally {
      await raw().put(key, original);
    }
  }

  it("refuses a data file with one flipped byte, near the start or near the end", async () => {
    for (const at of [200, -40]) {
      await tampered(
        backup.key,
        (b) => {
          const i = at < 0 ? b.length + at : at;
          b[i] = (b[i] as number) ^ 0x01;
          return b;
        },
        /could not be decrypted/,
      );
    }
  });

  it("refuses a data file cut short, and a damaged manifest", async () => {
    await tampered(backup.key, (b) => b.subarray(0, b.length - 100), /could not be decrypted/);
    await tampered(manifestKeyOf(backup.key), (b) => b.subarray(0, b.length - 1), /manifest/);
  });

  it("refuses a backup sealed with another master key, naming the key it needs", async () => {
    const stranger = sealStorage(raw(), createKeyRing(randomBytes(32)));
    await refused(stranger, new RegExp(t.app.deps.files.ring.current.id.toString("hex")));
  });

  it("refuses a manifest whose checksums do not match the data", async () => {
    const key = manifestKeyOf(backup.key);
    const original = Buffer.concat(await (await t.app.deps.files.get(key)).toArray());
    const manifest = JSON.parse(original.toString());
    manifest.tables[2].sha256 = "0".repeat(64);
    await t.app.deps.files.put(key, Buffer.from(JSON.stringify(manifest)));
    try {
      await refused(undefined, /does not match its checksum/);
    } finally {
      await t.app.deps.files.put(key, original);
    }
  });

  it("refuses a database that holds data without --force, then replaces it with --force", async () => {
    const before = await dumpAll(t.database);
    await expect(restoreBackup(t.database, t.app.deps.files, backup.id)).rejects.toMatchObject({
      code: "database_not_empty",
    });
    expect(await dumpAll(t.database)).toEqual(before);
    const report = await restoreBackup(t.database, t.app.deps.files, backup.key, { force: true });
    const after = await dumpAll(t.database);
    const names = (after.businesses ?? []).join("\n");
    expect(names).toContain("Before");
    expect(names).not.toContain("After");
    expect(report.tables.find((r) => r.name === "businesses")?.rows).toBe(after.businesses?.length);
  });
});
