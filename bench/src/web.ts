import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Figure } from "./report.js";
import { repoDir } from "./server.js";
import { round } from "./util.js";

const dist = path.join(repoDir, "web/dist");

/** Static imports of a built module: `import … from "./x.js"` and bare `import "./x.js"` (not import()). */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1] as string);
  return out;
}

/**
 * What a first visit downloads before the app can run: index.html's module scripts, stylesheets
 * and modulepreloads, then every static import of those scripts, transitively. Lazy chunks
 * (dynamic import()) are not first load.
 */
export function firstLoad() {
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  const start = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) start.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]+rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g))
    start.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]+href="([^"]+)"[^>]*rel="(?:stylesheet|modulepreload)"/g))
    start.add(m[1] as string);
  const seen = new Set<string>();
  const queue = [...start].map((u) => path.join(dist, u.replace(/^\//, "")));
  while (queue.length) {
    const file = queue.shift() as string;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    if (file.endsWith(".js")) {
      for (const spec of staticImports(fs.readFileSync(file, "utf8"))) {
        if (spec.startsWith(".") || spec.startsWith("/")) {
          queue.push(spec.startsWith("/") ? path.join(dist, spec.slice(1)) : path.resolve(path.dirname(file), spec));
        }
      }
    }
  }
  const files = [...seen].map((f) => ({
    file: path.relative(dist, f),
    gzipKb: round(gzipSync(fs.readFileSync(f), { level: 9 }).length / 1024, 2),
  }));
  const sum = (ext: string) =>
    round(
      files.filter((f) => f.file.endsWith(ext)).reduce((a, f) => a + f.gzipKb, 0),
      2,
    );
  return { files, jsKb: sum(".js"), cssKb: sum(".css") };
}

/** The first load's sizes, as figures and the report's line. */
export function webSizes(add: (f: Figure) => void) {
  const w = firstLoad();
  add({ id: "web.firstLoadJsKb", label: "First load, gzipped JavaScript", value: w.jsKb, unit: "KB" });
  add({ id: "web.firstLoadCssKb", label: "First load, gzipped CSS", value: w.cssKb, unit: "KB" });
  return {
    ...w,
    summary: `First load (index.html's scripts, stylesheets, modulepreloads and their static imports): ${w.jsKb} KB gzipped JavaScript, ${w.cssKb} KB gzipped CSS.`,
  };
}
