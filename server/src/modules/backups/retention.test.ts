import { describe, expect, it } from "vitest";
import { chooseExpired } from "./retention.js";

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const ok = (id: string, iso: string) => ({ id, status: "succeeded" as const, startedAt: at(iso), verifiedAt: at(iso) });

/** One verified backup every day at 02:00 UTC for `days` days ending on `last`. */
function daily(days: number, last = "2026-06-30T02:00:00Z") {
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(at(last).getTime() - (days - 1 - i) * DAY);
    return ok(d.toISOString().slice(0, 10), d.toISOString());
  });
}

describe("retention: which backups expire", () => {
  const policy = { daily: 7, weekly: 4, monthly: 12 };
  const now = at("2026-06-30T03:00:00Z");

  it("keeps 7 daily, 4 weekly and 12 monthly out of a year of daily backups", () => {
    const list = daily(400);
    const expired = new Set(chooseExpired(list, now, policy));
    const kept = list.map((b) => b.id).filter((id) => !expired.has(id));
    expect(kept).toEqual(
      [
        // monthly: the newest of each of the last 12 months (June's is the newest of all)
        "2025-07-31",
        "2025-08-31",
        "2025-09-30",
        "2025-10-31",
        "2025-11-30",
        "2025-12-31",
        "2026-01-31",
        "2026-02-28",
        "2026-03-31",
        "2026-04-30",
        "2026-05-31",
        // weekly: the Sundays that end the last 4 ISO weeks (the current week's newest is 06-30)
        "2026-06-14",
        "2026-06-21",
        "2026-06-28",
        // daily: the last 7 days
        "2026-06-24",
        "2026-06-25",
        "2026-06-26",
        "2026-06-27",
        "2026-06-29",
        "2026-06-30",
      ].sort(),
    );
  });

  it("never expires unverified, failed or running backups, nor the newest verified one", () => {
    const list = [
      ...daily(3),
      { id: "failed", status: "failed" as const, startedAt: at("2026-01-01T02:00:00Z"), verifiedAt: null },
      { id: "running", status: "running" as const, startedAt: at("2026-01-02T02:00:00Z"), verifiedAt: null },
      { id: "unverified", status: "succeeded" as const, startedAt: at("2026-01-03T02:00:00Z"), verifiedAt: null },
    ];
    expect(chooseExpired(list, now, { daily: 1, weekly: 0, monthly: 0 })).toEqual(["2026-06-29", "2026-06-28"]);
    expect(chooseExpired(list.slice(3), now, { daily: 1, weekly: 0, monthly: 0 })).toEqual([]);
  });

  it("counts buckets among existing backups: a month without backups costs none of the older ones", () => {
    const list = [...daily(7, "2026-04-30T02:00:00Z"), ok("after-break", "2026-06-30T02:00:00Z")];
    const expired = chooseExpired(list, now, { daily: 7, weekly: 0, monthly: 0 });
    expect(expired).toEqual(["2026-04-24"]);
  });

  it("keeps anything dated after now (a clock moved back)", () => {
    const list = [ok("future-1", "2026-07-05T02:00:00Z"), ok("future-2", "2026-07-04T02:00:00Z"), ...daily(2)];
    const one = { daily: 1, weekly: 0, monthly: 0 };
    expect(chooseExpired(list, now, one)).toEqual(["2026-06-30", "2026-06-29"]);
    expect(chooseExpired(list, at("2026-07-06T00:00:00Z"), one)).toEqual(["future-2", "2026-06-30", "2026-06-29"]);
  });
});
