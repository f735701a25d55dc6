import fs from "node:fs";
import path from "node:path";
import { reportName } from "./util.js";

export interface Figure {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  note?: string;
}

interface Budget {
  max?: number;
  min?: number;
  what?: string;
}

export interface BudgetFile {
  noiseMarginPercent: number;
  budgets: Record<string, Budget>;
}

export type Verdict = "within" | "over" | "over (within noise)" | "no budget" | "not measured";

export interface Judged extends Figure {
  budget: string | null;
  verdict: Verdict;
  /** Over by more than the noise margin: what --check fails on. */
  failsCheck: boolean;
}

export function readBudgets(file: string): BudgetFile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as BudgetFile;
}

function matches(pattern: string, id: string): boolean {
  const p = pattern.split(".");
  const i = id.split(".");
  return p.length === i.length && p.every((part, n) => part === "*" || part === i[n]);
}

export function budgetFor(budgets: BudgetFile, id: string): Budget | undefined {
  const exact = budgets.budgets[id];
  if (exact) return exact;
  return Object.entries(budgets.budgets).find(([k]) => k.includes("*") && matches(k, id))?.[1];
}

export function judge(budgets: BudgetFile, f: Figure): Judged {
  const b = budgetFor(budgets, f.id);
  const margin = budgets.noiseMarginPercent / 100;
  if (!b) return { ...f, budget: null, verdict: f.value === null ? "not measured" : "no budget", failsCheck: false };
  const text = b.max !== undefined ? `≤ ${b.max}` : `≥ ${b.min}`;
  if (f.value === null || Number.isNaN(f.value))
    return { ...f, budget: text, verdict: "not measured", failsCheck: false };
  let over = false;
  let overMargin = false;
  if (b.max !== undefined) {
    over = f.value > b.max;
    overMargin = f.value > b.max * (1 + margin);
  } else if (b.min !== undefined) {
    over = f.value < b.min;
    overMargin = f.value < b.min * (1 - margin);
  }
  const verdict: Verdict = !over ? "within" : overMargin ? "over" : "over (within noise)";
  return { ...f, budget: text, verdict, failsCheck: overMargin };
}

export function writeJson(dir: string, data: unknown) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${reportName}.json`), `${JSON.stringify(data, null, 2)}\n`);
}

const fmt = (v: number | null) => (v === null || Number.isNaN(v) ? "—" : String(v));

export function figuresTable(rows: Judged[]): string {
  const head = "| figure | value | budget | verdict |\n| --- | ---: | --- | --- |";
  const body = rows.map((r) => {
    const mark = r.verdict === "within" ? "✅ within" : r.verdict.startsWith("over") ? `❌ ${r.verdict}` : r.verdict;
    return `| ${r.label}${r.note ? ` (${r.note})` : ""} | ${fmt(r.value)} ${r.value === null ? "" : r.unit} | ${r.budget ?? "—"} | ${mark} |`;
  });
  return [head, ...body].join("\n");
}
