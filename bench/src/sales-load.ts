import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import type { Figure } from "./report.js";
import { type Shop, saleBody } from "./shop.js";
import { percentile, round } from "./util.js";

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Server RSS samples (MB) taken while the load ran. */
  rssMaxMb?: number | null;
}

/** Who sells, and what: a signed-in staff member and their shop's products. */
export interface Seller {
  cookie: string;
  productIds: string[];
}

export const sellersOf = (shops: Shop[]): Seller[] =>
  shops.flatMap((s) => s.staffCookies.map((cookie) => ({ cookie, productIds: s.productIds })));

/**
 * POST /api/v1/sales over real HTTP from autocannon: each request is a staff member's cookie (taken
 * in turn, from one shop or many) recording a new 3-line sale with a fresh UUID of their shop's
 * products, so every request really writes a sale.
 */
export async function loadSales(
  base: string,
  shops: Shop | Shop[],
  connections: number,
  seconds: number,
  sampleRss?: () => number | null,
): Promise<LoadResult> {
  const sellers = sellersOf([shops].flat());
  let turn = 0;
  const latencies: number[] = [];
  let non2xx = 0;
  let rssMax: number | null = null;
  const sampler = sampleRss
    ? setInterval(() => {
        const v = sampleRss();
        if (v !== null) rssMax = Math.max(rssMax ?? 0, v);
      }, 250)
    : undefined;
  const started = Date.now();
  // Without a callback autocannon answers its instance (an event emitter that is also a promise).
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    pipelining: 1,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: "/api/v1/sales",
        // biome-ignore lint/suspicious/noExplicitAny: autocannon's request type is not exported
        setupRequest: (req: any) => {
          const seller = sellers[turn++ % sellers.length] as Seller;
          return {
            ...req,
            headers: { "content-type": "application/json", cookie: seller.cookie },
            body: JSON.stringify(saleBody(seller.productIds, randomUUID())),
          };
        },
      },
    ],
  }) as unknown as autocannon.Instance;
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode < 200 || statusCode >= 300) non2xx++;
    else latencies.push(responseTime);
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance.on("done", resolve);
    instance.on("error", reject);
  });
  if (sampler) clearInterval(sampler);
  const elapsed = Math.max(result.duration ?? (Date.now() - started) / 1000, 0.001);
  return {
    connections,
    seconds: round(elapsed, 2),
    requests: latencies.length + non2xx,
    throughput: round(latencies.length / elapsed, 1),
    p50: round(percentile(latencies, 50), 1),
    p95: round(percentile(latencies, 95), 1),
    p99: round(percentile(latencies, 99), 1),
    non2xx,
    errors: result.errors + result.timeouts,
    ...(sampleRss ? { rssMaxMb: rssMax } : {}),
  };
}

const NAMES = { postgres: "PostgreSQL", pglite: "PGlite", manyShops: "PostgreSQL, {n} shops × 2 staff" };

/** A load level's figures for the report: throughput, latencies and failures. */
export function loadFigures(db: keyof typeof NAMES, r: LoadResult, businesses = 0): Figure[] {
  const at = `Record a sale, ${NAMES[db].replace("{n}", String(businesses))}, ${r.connections} concurrent`;
  const id = `sales.${db}.c${r.connections}`;
  return [
    { id: `${id}.throughput`, label: `${at}: throughput`, value: r.throughput, unit: "sales/s" },
    { id: `${id}.p50Ms`, label: `${at}: p50`, value: r.p50, unit: "ms" },
    { id: `${id}.p95Ms`, label: `${at}: p95`, value: r.p95, unit: "ms" },
    { id: `${id}.p99Ms`, label: `${at}: p99`, value: r.p99, unit: "ms" },
    { id: `${id}.non2xx`, label: `${at}: non-2xx + errors`, value: r.non2xx + r.errors, unit: "" },
  ];
}
