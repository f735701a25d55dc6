import { createDatabase, dropDatabase } from "./db.js";
import type { Figure } from "./report.js";
import { seedSales } from "./seed.js";
import { startServer } from "./server.js";
import { call, setUpShop } from "./shop.js";
import { log, mode, percentile, round } from "./util.js";

export interface ReadResult {
  id: string;
  label: string;
  path: string;
  p50: number | null;
  p95: number | null;
  status: string;
}

/** The calendar in the bench business's zone (Africa/Nairobi, UTC+3, no DST). */
function nairobiToday(): Date {
  return new Date(Date.now() + 3 * 3_600_000);
}

export function ownerReads(): { id: string; label: string; path: string }[] {
  const today = nairobiToday();
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth(); // 0-based
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  const lastMonthFirst = new Date(Date.UTC(y, m - 1, 1));
  const lastMonthLast = new Date(Date.UTC(y, m, 0));
  const month = (d: Date) => d.toISOString().slice(0, 7);
  return [
    { id: "dashboardToday", label: "GET /dashboard?period=today", path: "/dashboard?period=today" },
    { id: "dashboardMonth", label: "GET /dashboard?period=month", path: "/dashboard?period=month" },
    {
      id: "reportDaily",
      label: "GET /reports/daily (last month)",
      path: `/reports/daily?from=${iso(lastMonthFirst)}&to=${iso(lastMonthLast)}`,
    },
    {
      id: "reportMonthly",
      label: "GET /reports/monthly (12 months)",
      path: `/reports/monthly?from=${month(new Date(Date.UTC(y, m - 11, 1)))}&to=${month(today)}`,
    },
    { id: "productSearch", label: "GET /products?q=sugar", path: "/products?q=sugar" },
    { id: "customerSearch", label: "GET /customers?q=ami", path: "/customers?q=ami" },
  ];
}

/** Sequential requests as the owner, after one warm-up request; any non-200 is reported, not timed. */
export async function timeReads(base: string, cookie: string, repeats: number): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for (const r of ownerReads()) {
    const first = await call(base, "GET", r.path, undefined, cookie);
    if (first.status !== 200) {
      out.push({ ...r, p50: null, p95: null, status: `${first.status} ${JSON.stringify(first.body).slice(0, 120)}` });
      continue;
    }
    const times: number[] = [];
    const stopAt = performance.now() + 20_000; // a read far over budget need not be timed 30 times
    for (let i = 0; i < repeats && (i < 5 || performance.now() < stopAt); i++) {
      const t = performance.now();
      const res = await call(base, "GET", r.path, undefined, cookie);
      times.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`${r.path} answered ${res.status}`);
    }
    out.push({
      ...r,
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      status: `200 (${times.length} timed)`,
    });
  }
  return out;
}

/**
 * `--only=reads [--sales=N]`: the owner's reads alone, on a fresh database seeded with the mode's
 * sales (quick 50,000, standard 1,000,000) or N, to measure a change to a read without the rest of
 * the bench. The database is dropped at the end.
 */
export async function readFigures(add: (f: Figure) => void) {
  const arg = process.argv.find((a) => a.startsWith("--sales="));
  const count = arg ? Number(arg.slice("--sales=".length)) : mode === "quick" ? 50_000 : 1_000_000;
  const url = await createDatabase("reads");
  const server = await startServer({ databaseUrl: url });
  try {
    const shop = await setUpShop(server.url, { staff: 8, products: 30 });
    const t = Date.now();
    const seeded = await seedSales(url, shop.businessId, count, { extraProducts: 19_970, customers: 50_000 });
    log(`seeded ${count.toLocaleString("en")} sales in ${(Date.now() - t) / 1000} s: ${JSON.stringify(seeded.steps)}`);
    for (const r of await timeReads(server.url, shop.ownerCookie, mode === "quick" ? 15 : 30)) {
      add({ id: `reads.${r.id}.p50Ms`, label: `${r.label}: p50`, value: r.p50, unit: "ms" });
      add({ id: `reads.${r.id}.p95Ms`, label: `${r.label}: p95`, value: r.p95, unit: "ms" });
    }
  } finally {
    await server.stop();
    await dropDatabase(url);
  }
}
