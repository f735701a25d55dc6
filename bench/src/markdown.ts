import fs from "node:fs";
import path from "node:path";
import type { BudgetFile, Judged } from "./report.js";
import { figuresTable } from "./report.js";

// biome-ignore lint/suspicious/noExplicitAny: latest.json is read as free-form JSON
type Any = Record<string, any>;

function salesTable(sales: Any): string {
  const rows = [
    "| database | connections | sales/s | p50 ms | p95 ms | p99 ms | non-2xx | SQL limit tx/s | % of limit |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of sales.postgres ?? []) {
    const raw = (sales.limit ?? []).find((l: Any) => l.connections === r.connections);
    const pct = raw?.throughput ? `${Math.round((r.throughput / raw.throughput) * 1000) / 10}%` : "—";
    rows.push(
      `| PostgreSQL | ${r.connections} | ${r.throughput} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.non2xx + r.errors} | ${raw?.throughput ?? "—"} (p99 ${raw?.p99 ?? "—"} ms) | ${pct} |`,
    );
  }
  for (const r of sales.pglite ?? []) {
    rows.push(
      `| PGlite (embedded) | ${r.connections} | ${r.throughput} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.non2xx + r.errors} | — | — |`,
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
    `Run: ${result.startedAt}, mode **${result.mode}**, ${result.durationSeconds} s. Regenerate with \`npm run bench -- --quick\` (how to run and read it: [bench/README.md](../README.md)).`,
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
      `Each level runs ${result.settings.loadSeconds} s after a 2 s warm-up. "SQL limit": the exact statements one sale sent to PostgreSQL (captured from the running server), replayed with the \`pg\` driver at the same concurrency with fresh ids, no HTTP and no framework, right after Duka's run at that level.`,
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
    out.push("| read | p50 ms | p95 ms | status |", "| --- | ---: | ---: | --- |");
    for (const r of s.reads) out.push(`| ${r.label} | ${r.p50} | ${r.p95} | ${r.status} |`);
    out.push("");
    if (s.full) {
      out.push(
        `Full run: ${s.full.description}. Seeding took ${s.full.seedSeconds} s; database size ${s.full.databaseSizeMb} MB.`,
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
  fs.writeFileSync(path.join(dir, "latest.md"), `${out.join("\n")}`);
}
