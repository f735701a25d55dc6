import { describe, expect, it } from "vitest";
import { type Actor, signUp, useTestApp } from "../../test/api.js";
import { fixture, uploadImport } from "../../test/imports.js";
import { BATCH } from "./imports.repository.js";

/** More receipts than one commit batch, so a commit reads and writes the kept preview in several. */
const RECEIPTS = BATCH + 250;
const DAYS = 25;
const header = fixture("loyverse-receipt-items.csv").toString().split("\n")[0];

const dayOf = (i: number) => 1 + (i % DAYS);
const minuteOf = (i: number) => Math.floor(i / DAYS);
const hhmm = (m: number) => `${String(8 + Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * One line per receipt, listed newest first (so date order is not file order). The newest receipt
 * sells an item the shop does not have, at a store it does not have: both come in the last batch.
 */
function receipts(newestNet = "100.00", newestDiscount = "0.00") {
  const rows: string[] = [];
  for (let i = RECEIPTS - 1; i >= 0; i--) {
    const newest = i === RECEIPTS - 1;
    const at = `${String(dayOf(i)).padStart(2, "0")}/01/2025 ${hhmm(minuteOf(i))}`;
    const [sku, item, store] = newest ? ["", "Cocoa", "Branch"] : ["TEA-1", "Tea 250 g", "Main shop"];
    const [net, discount] = newest ? [newestNet, newestDiscount] : ["100.00", "0.00"];
    rows.push(
      `${at},9-${i},Sale,Drinks,${sku},${item},,,1,100.00,${discount},${net},60.00,40.00,0.00,,POS 1,${store},Neema,,,,Closed`,
    );
  }
  return `${header}\n${rows.join("\n")}\n`;
}

async function bringIn(owner: Actor, data: string) {
  const res = await uploadImport(owner, "sales", { name: "year.csv", data });
  expect(res.statusCode, res.body).toBe(201);
  const done = await owner.post(`/imports/${res.json().id}/commit`, { createLocations: true });
  expect(done.statusCode, done.body).toBe(200);
  return { preview: res.json(), counts: done.json().counts };
}

async function netByDay(owner: Actor) {
  const res = await owner.get(`/reports/daily?from=2025-01-01&to=2025-01-${DAYS}&format=json`);
  expect(res.statusCode, res.body).toBe(200);
  return Object.fromEntries((res.json().days as { date: string; netSales: number }[]).map((d) => [d.date, d.netSales]));
}

describe("imports: past sales committed a batch at a time", () => {
  const t = useTestApp();

  it("gives the counts and reports of one whole commit, numbers in date order, and matches again", async () => {
    const owner = await signUp(t.app);
    await owner.post("/products", { name: "Tea 250 g", sku: "TEA-1", price: 100_00, cost: 60_00 });

    const first = await bringIn(owner, receipts());
    expect(first.preview.newLocations).toEqual(["Branch"]);
    expect(first.counts).toEqual({ new: RECEIPTS, update: 0, unchanged: 0, error: 0 });
    const days = await netByDay(owner);
    for (let d = 1; d <= DAYS; d++) {
      const count = Array.from({ length: RECEIPTS }, (_, i) => i).filter((i) => dayOf(i) === d).length;
      expect(days[`2025-01-${String(d).padStart(2, "0")}`], `day ${d}`).toBe(count * 100_00);
    }
    const archived = (await owner.get("/products?archived=true")).json().items as { name: string }[];
    expect(archived.map((p) => p.name)).toContain("Cocoa");

    // Receipt numbers follow the receipts' dates across batches: the newest has the highest.
    const page = (await owner.get("/sales?limit=200")).json().items as { number: number; occurredAt: string }[];
    const byTime = [...page].sort((a, b) => (a.occurredAt < b.occurredAt ? 1 : -1));
    expect(page).toHaveLength(200);
    expect(byTime.map((s) => s.number)).toEqual(byTime.map((s) => s.number).sort((a, b) => b - a));

    const again = await bringIn(owner, receipts());
    expect(again.counts).toEqual({ new: 0, update: 0, unchanged: RECEIPTS, error: 0 });

    // The newest receipt, in the last batch, changed: only it is updated, and only its day moves.
    const changed = await bringIn(owner, receipts("90.00", "10.00"));
    expect(changed.counts).toEqual({ new: 0, update: 1, unchanged: RECEIPTS - 1, error: 0 });
    const after = await netByDay(owner);
    const newestDay = `2025-01-${String(dayOf(RECEIPTS - 1)).padStart(2, "0")}`;
    expect(after[newestDay]).toBe((days[newestDay] ?? 0) - 10_00);
    expect({ ...after, [newestDay]: days[newestDay] }).toEqual(days);
  });
});
