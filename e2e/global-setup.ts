import fs from "node:fs";
import path from "node:path";
import { CHROMIUM, hasBrowser, SKIP_LINE } from "./browser.js";

const root = path.resolve(import.meta.dirname, "..");

/** Runs once before the browser tests: says clearly why they cannot run, once. */
export default function setup() {
  if (!hasBrowser()) {
    // In CI a missing browser is a broken machine, not a reason to pass quietly.
    if (process.env.CI)
      throw new Error(`Browser tests need ${CHROMIUM}, which is missing (apt-get install -y chromium).`);
    console.warn(SKIP_LINE);
    return;
  }
  for (const built of ["server/dist/main.js", "web/dist/index.html"]) {
    if (!fs.existsSync(path.join(root, built))) {
      throw new Error(`${built} is missing: run \`npm run build\` first (npm run test:e2e does).`);
    }
  }
}
