import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS, hasBrowser } from "./browser.js";
import { type RunningServer, startServer } from "./server.js";

export { checkA11y } from "./a11y.js";

/** A cheap Android phone's screen: every browser test sees the app as shop staff do. */
export const PHONE = { width: 360, height: 740 };

/** `describe` for browser tests: skipped when Chromium is missing (global-setup says so, once). */
export const describeBrowser = hasBrowser() ? describe : describe.skip;

/**
 * An expected refusal (401 before sign-in, 409 for a taken login) or a test that switched the
 * network off makes Chromium log "Failed to load resource"; the page handles those. Anything else
 * on the console is a bug.
 */
function isExpectedApiRefusal(text: string, url: string | undefined) {
  const expected =
    /Failed to load resource: (the server responded with a status of 4\d\d|net::ERR_INTERNET_DISCONNECTED)/;
  return expected.test(text) && !!url?.includes("/api/");
}

export interface E2E {
  /** The running server's base URL, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  /** A new page in a fresh browser context (own cookies and storage), at phone size. */
  newPage(): Promise<Page>;
}

/**
 * One built server (fresh database) and one Chromium for a test file; a fresh context per page.
 * Any console error or uncaught exception on a page fails the test that opened it.
 */
export function useE2E(): E2E {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let contexts: BrowserContext[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });

  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    contexts = [];
    const found = problems;
    problems = [];
    if (found.length > 0) throw new Error(`The page reported errors:\n${found.join("\n")}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get url() {
      if (!server) throw new Error("the server is not running (used outside a test?)");
      return server.url;
    },
    async newPage() {
      if (!browser || !server) throw new Error("the browser is not running (used outside a test?)");
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: PHONE,
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: "en-US",
        timezoneId: "Africa/Nairobi",
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on("console", (msg) => {
        if (msg.type() !== "error" || isExpectedApiRefusal(msg.text(), msg.location().url)) return;
        problems.push(`console error: ${msg.text()} (${msg.location().url})`);
      });
      page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
      return page;
    },
  };
}
