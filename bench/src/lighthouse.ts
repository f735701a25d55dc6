import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Figure } from "./report.js";
import { benchDir, type RunningServer, startServer } from "./server.js";
import { log, round } from "./util.js";

export interface PageScore {
  page: string;
  performance: number | null;
  accessibility: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  error?: string;
}

const FLAGS =
  "--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run";

/** One Lighthouse run (mobile defaults, simulated throttling) in Debian's Chromium, as a child process. */
export async function lighthouse(page: string, url: string, cookie?: string): Promise<PageScore> {
  const dir = path.join(benchDir, ".tmp", "lighthouse");
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${page.replace(/\W+/g, "-")}.json`);
  fs.rmSync(out, { force: true });
  const args = [
    url,
    "--output=json",
    `--output-path=${out}`,
    "--quiet",
    "--only-categories=performance,accessibility",
    `--chrome-flags=${FLAGS}`,
    "--max-wait-for-load=60000",
  ];
  if (cookie) {
    const headers = path.join(dir, "headers.json");
    fs.writeFileSync(headers, JSON.stringify({ Cookie: cookie }));
    args.push(`--extra-headers=${headers}`);
  }
  const bin = path.join(benchDir, "../node_modules/.bin/lighthouse");
  const failed = await new Promise<string | null>((resolve) => {
    execFile(
      bin,
      args,
      { timeout: 180_000, env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" } },
      (err, _o, stderr) => resolve(err ? `${err.message.split("\n")[0]} ${String(stderr).slice(-300)}` : null),
    );
  });
  if (failed || !fs.existsSync(out)) {
    return {
      page,
      performance: null,
      accessibility: null,
      lcpMs: null,
      tbtMs: null,
      cls: null,
      error: failed ?? "no report written",
    };
  }
  const lhr = JSON.parse(fs.readFileSync(out, "utf8"));
  const score = (c: string) => (lhr.categories?.[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100));
  const audit = (a: string) => (lhr.audits?.[a]?.numericValue == null ? null : round(lhr.audits[a].numericValue, 3));
  return {
    page,
    performance: score("performance"),
    accessibility: score("accessibility"),
    lcpMs: audit("largest-contentful-paint"),
    tbtMs: audit("total-blocking-time"),
    cls: audit("cumulative-layout-shift"),
    ...(lhr.runtimeError?.message ? { error: lhr.runtimeError.message } : {}),
  };
}

/** Lighthouse on the sign-in page and the owner's home, as figures and the report's table. */
export async function lighthouseRuns(
  ownerCookie: string,
  url: string,
  out: { add: (f: Figure) => void; notes: string[]; servers: RunningServer[] },
) {
  const { add, notes, servers } = out;
  const server = await startServer({ databaseUrl: url });
  servers.push(server);
  const pages = [await lighthouse("sign-in", `${server.url}/`)];
  // There is no /sell page yet: the signed-in page measured is the owner's home (the dashboard).
  pages.push(await lighthouse("home (signed in as owner)", `${server.url}/`, ownerCookie));
  await server.stop();
  const lines = [
    "| page | performance | accessibility | LCP ms | TBT ms | CLS |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const p of pages) {
    const key = p.page.startsWith("sign") ? "signIn" : "home";
    add({
      id: `lighthouse.${key}.performance`,
      label: `Lighthouse ${p.page}: performance`,
      value: p.performance,
      unit: "",
    });
    add({
      id: `lighthouse.${key}.accessibility`,
      label: `Lighthouse ${p.page}: accessibility`,
      value: p.accessibility,
      unit: "",
    });
    add({ id: `lighthouse.${key}.lcpMs`, label: `Lighthouse ${p.page}: LCP`, value: p.lcpMs, unit: "ms" });
    add({ id: `lighthouse.${key}.tbtMs`, label: `Lighthouse ${p.page}: TBT`, value: p.tbtMs, unit: "ms" });
    add({ id: `lighthouse.${key}.cls`, label: `Lighthouse ${p.page}: CLS`, value: p.cls, unit: "" });
    lines.push(
      `| ${p.page} | ${p.performance ?? "—"} | ${p.accessibility ?? "—"} | ${p.lcpMs ?? "—"} | ${p.tbtMs ?? "—"} | ${p.cls ?? "—"} |`,
    );
    if (p.error) notes.push(`Lighthouse on ${p.page} did not complete: ${p.error.replace(/\s+/g, " ").slice(0, 300)}`);
    log(
      `lighthouse ${p.page}: perf ${p.performance} a11y ${p.accessibility}${p.error ? ` (${p.error.slice(0, 80)})` : ""}`,
    );
  }
  return {
    pages,
    summary: `Lighthouse 12 (mobile defaults, simulated throttling), Debian Chromium:\n\n${lines.join("\n")}`,
  };
}
