import fs from "node:fs";

/** Debian's Chromium: Playwright cannot download its own browsers here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasBrowser = () => fs.existsSync(CHROMIUM);
export const SKIP_LINE = `Browser tests skipped: ${CHROMIUM} not found (apt-get install -y chromium)`;

/** Quiet, offline, deterministic: no background downloads or sync competing with the app under test. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
