import fs from "node:fs";
import path from "node:path";
import type { BudgetFile, Judged } from "./report.js";
import { figuresTable } from "./report.js";
import { reportName } from "./util.js";

// biome-ignore lint/suspicious/noExplicitAny: latest.json is read as free-form JSON
type Any = Record<string, any>;

const ofLimit = (duka: number, limit: Any | undefined) =>
  limit?.throughput ? `${Math.round((duka / limit.throughput) * 1000) / 10}%` : "—";

function salesTable(sales: Any): string {
  const rows = [
    "| database | connections | Duka sales/s | p50 ms | p95 ms | p99 ms | non-2xx | one-statement limit sales/s | Duka % of limit | replay of Duka's SQL tx/s | Duka % of replay |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const at = (list: Any[] | undefined, c: number) => (list ?? []).find((l: Any) => l.connections === c);
  for (const r of sales.postgres ?? []) {
    const raw = at(sales.limit, r.connections);
    const one = at(sales.oneStatement, r.connections);
    rows.push(
      `| PostgreSQL, one business | ${r.connections} | ${r.throughput} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.non2xx + r.errors} | ${one?.throughput ?? "—"} (p99 ${one?.p99 ?? "—"} ms) | ${ofLimit(r.throughput, one)} | ${raw?.throughput ?? "—"} (p99 ${raw?.p99 ?? "—"} ms) | ${ofLimit(r.throughput, raw)} |`,
    );
  }
  const m = sales.manyShops;
  if (m) {
    const best = (sales.spread ?? []).reduce(
      (a: Any | undefined, r: Any) => (!a || r.throughput > a.throughput ? r : a),
      undefined,
    );
    rows.push(
      `| PostgreSQL, ${m.businesses} businesses × ${m.staffEach} staff | ${m.connections} | ${m.throughput} | ${m.p50} | ${m.p95} | ${m.p99} | ${m.non2xx + m.errors} | ${best?.throughput ?? "—"} (best spread level, ${best?.connections ?? "—"} connections) | ${ofLimit(m.throughput, best)} | — | — |`,
    );
  }
  for (const r of sales.pglite ?? []) {
    rows.push(
      `| PGlite (embedded) | ${r.connections} | ${r.throughput} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.non2xx + r.errors} | ${sales.pgliteLimit?.throughput ?? "—"} (in-process, 1 connection) | ${ofLimit(r.throughput, sales.pgliteLimit)} | — | — |`,
    );
  }
  const task = [...(sales.postgres ?? []), ...(m ? [m] : [])].reduce(
    (a: Any | undefined, r: Any) => (!a || r.throughput > a.throughput ? r : a),
    undefined,
  );
  if (task) {
    rows.push(
      "",
      `One server process (what one cloud task runs) sustained **${task.throughput} sales/s** on PostgreSQL ` +
        `(at ${task.connections} connections, p99 ${task.p99} ms): the figure docs/deploy-aws.md scales from.`,
    );
  }
  if (sales.spread?.length) {
    rows.push(
      "",
      "One-statement limit spread over 50 businesses (client i sells for business i mod 50):",
      "",
      "| connections | sales/s | p50 ms | p99 ms |",
      "| ---: | ---: | ---: | ---: |",
      ...sales.spread.map((r: Any) => `| ${r.connections} | ${r.throughput} | ${r.p50} | ${r.p99} |`),
    );
  }
  return rows.join("\n");
}

export function writeMarkdown(dir: string, result: Any, judged: Judged[], budgets: BudgetFile) {
  const m = result.machine;
  const over = judged.filter((f) => f.verdict.startsWith("over"));
  const out: string[] = [];
  out.push("# Duka benchmark report", "");
  out.push(
    `Run: ${result.startedAt}, mode **${result.mode}**, ${result.durationSeconds} s. Regenerate with \`npm run bench${{ quick: " -- --quick", standard: "", full: " -- --full" }[result.mode as string] ?? ""}\` (how to run and read it: [bench/README.md](../README.md)).`,
    "",
  );
  out.push("## Machine", "");
  out.push(`- ${m.cpus} CPU cores (${m.cpuModel}), ${m.memoryMb} MB memory, ${m.os}`);
  out.push(`- Node ${m.node}; PostgreSQL ${m.postgres ?? "not reachable"}; ${m.chromium ?? "no Chromium"}`);
  out.push(
    `- Load average (1, 5, 15 min) before: ${result.loadAverage.before.join(", ")}; after: ${(result.loadAverage.after ?? []).join(", ")}. ` +
      `A load above the core count means other work shared the CPUs: absolute figures are then pessimistic; the ratios (Duka vs the same SQL, measured back to back) are the figures to compare.`,
    "",
  );
  out.push("## Verdict", "");
  out.push(
    over.length === 0
      ? "Every measured figure is within its budget."
      : `Over budget: ${over.map((f) => `${f.label} = ${f.value} ${f.unit} (budget ${f.budget})`).join("; ")}. See the notes below for the cause.`,
    "",
  );
  out.push("## Recording sales (POST /api/v1/sales over HTTP, autocannon)", "");
  out.push(
    "Each request: a signed-in staff member (8 staff, cookies in turn) records a 3-line cash sale with a fresh UUID, from 30 products with stock received beforehand. " +
      `Each level runs ${result.settings.loadSeconds} s after a 2 s warm-up. "One-statement limit": the same rows a Duka sale writes (counter, sale, lines, payment, stock levels and movements, the daily and monthly summaries, audit row, notify) as one statement of data-modifying CTEs, prepared, sent with the \`pg\` driver as the app's role at the same concurrency, right after Duka's run at that level (\`bench/src/limit.ts\`); on PGlite, the same statement in-process. "Replay": the exact statements one Duka sale sent (captured from the running server), replayed with fresh ids, no HTTP and no framework. The many-shops level: ${result.sales?.manyShops?.businesses ?? 50} businesses with 2 signed-in staff each, one connection per staff member, 10 products per shop.`,
    "",
  );
  out.push(salesTable(result.sales), "");
  if (result.sales?.live) {
    const l = result.sales.live;
    out.push(
      `Live updates: with the owner's event stream open, a staff member recorded ${l.samples} sales one at a time; from sending each sale to its \`sale.created\` event arriving on the owner's stream took p50 ${l.p50} ms, p95 ${l.p95} ms, at most ${l.max} ms (this includes recording the sale, so it bounds "committed → on the owner's screen" from above).`,
      "",
    );
  }
  if (result.sales?.statements?.length) {
    out.push(
      `<details><summary>The ${result.sales.statements.length} statements of one sale (session check + transaction)</summary>`,
      "",
    );
    out.push("```sql", ...result.sales.statements.map((s: string) => `${s.slice(0, 400)};`), "```", "</details>", "");
  }
  if (result.scale) {
    const s = result.scale;
    out.push("## Owner's reads at scale", "");
    out.push(
      `${s.description}. Seeding took ${s.seedSeconds} s (of which ${s.summariesSeconds ?? "?"} s working out the daily summaries); database size ${s.databaseSizeMb} MB. Each read: ${s.repeats} sequential requests over HTTP as the owner, after one warm-up.`,
      "",
    );
    if (s.seedSteps) out.push(`Where the seeding time went (s): ${stepList(s.seedSteps)}.`, "");
    out.push("| read | p50 ms | p95 ms | status |", "| --- | ---: | ---: | --- |");
    for (const r of s.reads) out.push(`| ${r.label} | ${r.p50} | ${r.p95} | ${r.status} |`);
    out.push("");
    if (s.full) {
      out.push(
        `Full run: ${s.full.description}. Seeding took ${s.full.seedSeconds} s (${s.full.salesPerSecond} sales/s); database size ${s.full.databaseSizeMb} MB. Where the time went (s, summed over the seeding connections): ${stepList(s.full.seedSteps ?? {})}.`,
        "",
      );
      out.push("| read (one business among 1,000) | p50 ms | p95 ms | status |", "| --- | ---: | ---: | --- |");
      for (const r of s.full.reads) out.push(`| ${r.label} | ${r.p50} | ${r.p95} | ${r.status} |`);
      out.push("");
    }
  }
  if (result.web) {
    out.push("## Web", "");
    out.push(result.web.summary, "");
    if (result.web.files?.length) {
      out.push("| first-load file | gzipped KB |", "| --- | ---: |");
      for (const f of result.web.files) out.push(`| ${f.file} | ${f.gzipKb} |`);
      out.push("");
    }
  }
  if (result.lighthouse) out.push(result.lighthouse.summary, "");
  out.push("## Every figure against its budget", "");
  out.push(
    `Budgets live in \`bench/budgets.json\`. \`--check\` fails when a figure is over its budget by more than the noise margin (${budgets.noiseMarginPercent}% of the budget); "over (within noise)" is reported but does not fail.`,
    "",
  );
  out.push(figuresTable(judged), "");
  if (result.notes?.length) {
    out.push("## Notes", "");
    for (const n of result.notes) out.push(`- ${n}`);
    out.push("");
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${reportName}.md`), `${out.join("\n")}`);
}

const stepList = (steps: Record<string, number>) =>
  Object.entries(steps)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
