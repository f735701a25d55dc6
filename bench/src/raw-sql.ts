import { randomUUID } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { call, type Shop, saleBody } from "./shop.js";
import { percentile, round, sleep } from "./util.js";

export interface Statement {
  client: number;
  text: string;
  values: unknown[];
  rows: unknown[];
}

/**
 * Records one POST /sales on a server started with a capture file (capture-sql.cjs): every statement
 * the request sent to PostgreSQL, in order, with its parameters and answers.
 */
export async function captureSale(base: string, pid: number, shop: Shop, captureFile: string) {
  const id = randomUUID();
  fs.writeFileSync(captureFile, "");
  process.kill(pid, "SIGUSR2");
  await sleep(300);
  const res = await call(base, "POST", "/sales", saleBody(shop.productIds, id), shop.staffCookies[0]);
  process.kill(pid, "SIGUSR2");
  await sleep(300);
  const lines = fs.readFileSync(captureFile, "utf8");
  fs.rmSync(captureFile, { force: true });
  if (res.status !== 201) throw new Error(`captured sale answered ${res.status}: ${JSON.stringify(res.body)}`);
  const all = lines
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Statement);
  return { saleId: id, statements: ownStatements(all, id) };
}

/**
 * Only this sale's statements, should other requests still be finishing: its transaction (from the
 * BEGIN before the first statement naming the sale id to the COMMIT after it, on that connection)
 * and the session check just before it.
 */
function ownStatements(all: Statement[], saleId: string): Statement[] {
  const first = all.findIndex((s) => s.values.includes(saleId));
  if (first < 0) throw new Error("the captured SQL does not mention the sale");
  const client = (all[first] as Statement).client;
  let begin = first;
  while (begin > 0 && !(all[begin]?.client === client && /^\s*begin/i.test(all[begin]?.text ?? ""))) begin--;
  let end = first;
  while (end < all.length - 1 && !(all[end]?.client === client && /^\s*commit/i.test(all[end]?.text ?? ""))) end++;
  const tx = all.slice(begin, end + 1).filter((s) => s.client === client);
  const session = all
    .slice(0, begin)
    .filter((s) => /duka_resolve_session/.test(s.text))
    .at(-1);
  return session ? [session, ...tx] : tx;
}

const cells = (rows: unknown[]) =>
  rows.flatMap((r) => (Array.isArray(r) ? r : r && typeof r === "object" ? Object.values(r) : [r]));
const key = (v: unknown) =>
  v instanceof Date ? v.toISOString() : typeof v === "object" ? JSON.stringify(v) : String(v);

/**
 * One replay of the captured request on one connection, with a fresh sale id. Values the database
 * answered during the capture (the sale number, stock levels) are replaced wherever later statements
 * sent them back, by what it answers now: the same data flow as the service, minus Node and HTTP.
 */
async function replayOnce(client: pg.PoolClient, statements: Statement[], saleId: string) {
  const swap = new Map<string, unknown>([[saleId, randomUUID()]]);
  for (const s of statements) {
    const values = s.values.map((v) => (v !== null && swap.has(key(v)) ? swap.get(key(v)) : v));
    const r = await client.query({ text: s.text, values });
    const was = cells(s.rows);
    const now = cells(r.rows);
    for (let i = 0; i < Math.min(was.length, now.length); i++) {
      if (key(was[i]) !== key(now[i])) swap.set(key(was[i]), now[i]);
    }
  }
}

export interface RawResult {
  connections: number;
  seconds: number;
  transactions: number;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/** The limit: the captured SQL sent straight to PostgreSQL by `connections` workers, no HTTP, no framework. */
export async function replaySales(
  databaseUrl: string,
  captured: { saleId: string; statements: Statement[] }[],
  connections: number,
  seconds: number,
): Promise<RawResult> {
  // The same role as the server's pool, so row-level security costs the same.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections, options: "-c role=duka_app" });
  const latencies: number[] = [];
  let errors = 0;
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    clients.map(async (client) => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          // Several captured sales, picked at random: the rows they lock vary as real sales' do.
          const one = captured[Math.floor(Math.random() * captured.length)] as (typeof captured)[number];
          await replayOnce(client, one.statements, one.saleId);
          latencies.push(performance.now() - t);
        } catch (err) {
          errors++;
          await client.query("rollback").catch(() => undefined);
          if (errors === 1) process.stderr.write(`raw replay error: ${(err as Error).message}\n`);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  for (const c of clients) c.release();
  await pool.end();
  return {
    connections,
    seconds: round(elapsed, 2),
    transactions: latencies.length,
    throughput: round(latencies.length / elapsed, 1),
    p50: round(percentile(latencies, 50), 1),
    p95: round(percentile(latencies, 95), 1),
    p99: round(percentile(latencies, 99), 1),
    errors,
  };
}
