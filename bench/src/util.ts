import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";

/**
 * The run's mode, from the command line. Runs of different modes may overlap on the same machine, so
 * their scratch databases and folders carry the mode; each mode's report has a file of its own.
 */
export const mode = process.argv.includes("--full") ? "full" : process.argv.includes("--quick") ? "quick" : "standard";
export const scratchPrefix = mode === "standard" ? "" : `${mode}_`;
export const reportName = mode === "quick" ? "latest" : mode;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Nearest-rank percentile of a list of numbers (ms). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function log(message: string) {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export const loadAverage = () => os.loadavg().map((n) => round(n, 2));

export function machine(postgresVersion: string | null) {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryMb: Math.round(os.totalmem() / 1048576),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: postgresVersion,
    chromium: chromiumVersion(),
  };
}

function chromiumVersion(): string | null {
  try {
    return execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8", timeout: 10_000 }).trim();
  } catch {
    return null;
  }
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}
