import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.js";
import { backups } from "../../db/schema.js";
import { logIn, signUp, uniqueLogin, useTestApp } from "../../test/api.js";
import { addStaff } from "../../test/fixtures.js";
import { BACKUP_PREFIX } from "./create.js";
import { BackupScheduler, lastSlot } from "./scheduler.js";

const HOUR = 3_600_000;
const quiet = { info: () => undefined, error: () => undefined };

describe("backup scheduler, retention and the owner's status", () => {
  const t = useTestApp();
  const deps = () => ({ database: t.database, files: t.app.deps.files, clock: t.clock.now });
  const scheduler = (retention = { daily: 7, weekly: 4, monthly: 12 }) =>
    new BackupScheduler(deps(), { hour: 2, retention, log: quiet });
  const stored = async () => {
    const keys: string[] = [];
    for await (const o of t.app.deps.files.raw.list(BACKUP_PREFIX)) keys.push(o.key);
    return keys.sort();
  };
  /** Local 03:00 on a given day, so the 02:00 slot of that day has passed. */
  const morning = (day: number) => new Date(2026, 2, day, 3, 0, 0);

  it("tells the owner there is no backup yet and when the first runs, and refuses staff", async () => {
    t.clock.set(morning(1));
    const owner = await signUp(t.app);
    const res = await owner.get("/backups/status");
    expect(res.statusCode).toBe(200);
    // Today's 02:00 has not been backed up: the scheduler's next check, minutes from now, takes it.
    const soon = new Date(morning(1).getTime() + 5 * 60_000).toISOString();
    expect(res.json()).toEqual({ lastSuccess: null, lastFailure: null, stale: true, nextRun: soon });
    const staff = await addStaff(t, owner);
    expect((await staff.get("/backups/status")).statusCode).toBe(403);
  });

  it("runs when due, once a day; a run missed while down happens at the next check", async () => {
    t.clock.set(morning(1));
    const s = scheduler();
    const first = await s.tick();
    expect(first?.status, first?.error ?? "").toBe("succeeded");
    expect(first?.trigger).toBe("schedule");
    expect(await s.tick()).toBeNull(); // already done today
    t.clock.set(new Date(2026, 2, 2, 1, 59)); // before the next 02:00
    expect(await s.tick()).toBeNull();
    // The server was down at 02:00 on the 2nd and 3rd; it comes back at 09:00 on the 3rd.
    t.clock.set(new Date(2026, 2, 3, 9, 0));
    expect((await s.tick())?.status).toBe("succeeded");
    expect(lastSlot(new Date(2026, 2, 3, 1, 0), 2)).toEqual(new Date(2026, 2, 2, 2, 0));
  });

  it("shows the owner the last success, and goes stale after 26 hours", async () => {
    // Sessions expire as the clock moves: each look is a fresh sign-in of an owner whose shop the backup holds.
    t.clock.set(new Date(2026, 2, 3, 9, 0));
    const login = uniqueLogin("owner");
    await signUp(t.app, { login });
    const status = async () => (await (await logIn(t.app, login)).get("/backups/status")).json();
    const fresh = await status();
    expect(fresh).toMatchObject({ lastSuccess: { at: new Date(2026, 2, 3, 9, 0).toISOString() }, stale: false });
    expect(fresh.lastSuccess).not.toHaveProperty("size");
    t.clock.advance(26 * HOUR - 60_000);
    expect((await status()).stale).toBe(false);
    t.clock.advance(2 * 60_000);
    expect(await status()).toMatchObject({ stale: true, lastFailure: null, lastSuccess: fresh.lastSuccess });
  });

  it("shows a failed last run as stale even when the success before it is recent", async () => {
    t.clock.set(new Date(2026, 2, 3, 10, 0));
    const owner = await signUp(t.app);
    await t.database.db.insert(backups).values({
      key: `${BACKUP_PREFIX}failed`,
      status: "failed",
      trigger: "schedule",
      startedAt: t.clock.now(),
      error: "disk full at /var/secret/path",
    });
    const res = await owner.get("/backups/status");
    expect(res.json()).toMatchObject({ lastFailure: { at: t.clock.now().toISOString() }, stale: true });
    expect(res.body).not.toContain("secret");
    // A later success clears it.
    t.clock.advance(HOUR);
    await scheduler().runNow();
    expect((await owner.get("/backups/status")).json()).toMatchObject({ lastFailure: null, stale: false });
  });

  it("shows each owner only the backups that hold their business: none yet for a shop opened since", async () => {
    t.clock.set(new Date(2026, 2, 4, 9, 0));
    const before = await signUp(t.app);
    await scheduler().runNow();
    t.clock.advance(60_000);
    const after = await signUp(t.app);
    expect((await before.get("/backups/status")).json()).toMatchObject({ lastSuccess: { at: expect.any(String) } });
    // Today's backup ran before this shop opened: its first is tomorrow's, at 02:00.
    expect((await after.get("/backups/status")).json()).toEqual({
      lastSuccess: null,
      lastFailure: null,
      stale: true,
      nextRun: new Date(2026, 2, 5, 2, 0).toISOString(),
    });
  });

  it("keeps only what the retention policy says, deleting the files of the others", async () => {
    const s = scheduler({ daily: 2, weekly: 0, monthly: 0 });
    for (let day = 10; day <= 14; day++) {
      t.clock.set(morning(day));
      expect((await s.tick())?.status).toBe("succeeded");
    }
    const rows = await t.database.db.select().from(backups);
    const live = rows.filter((r) => r.status === "succeeded").sort((a, b) => +a.startedAt - +b.startedAt);
    expect(live.map((r) => r.startedAt)).toEqual([morning(13), morning(14)]);
    const expected = live.flatMap((r) => [r.key, r.key.replace(".ndjson.gz", ".manifest.json")]).sort();
    expect(await stored()).toEqual(expected);
    expect(rows.filter((r) => r.status === "deleted").length).toBeGreaterThanOrEqual(3);
  });

  it("runs one backup at a time in a process", async () => {
    t.clock.set(morning(20));
    const s = scheduler();
    const [a, b] = await Promise.all([s.tick(), s.tick()]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("runs the job in only one of two server processes", async () => {
    const other = await openDatabase({ url: t.database.url, ownerUrl: t.database.ownerUrl, poolMax: 2 });
    try {
      t.clock.set(morning(25));
      const mine = scheduler();
      const theirs = new BackupScheduler(
        { ...deps(), database: other },
        { hour: 2, retention: { daily: 7, weekly: 4, monthly: 12 }, log: quiet },
      );
      const results = await Promise.all([mine.tick(), theirs.tick()]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      const today = (await t.database.db.select().from(backups)).filter((r) => r.startedAt >= morning(25));
      expect(today).toHaveLength(1);
      // And once it is done, neither finds it due again.
      expect(await Promise.all([mine.tick(), theirs.tick()])).toEqual([null, null]);
    } finally {
      await other.close();
    }
  });
});
