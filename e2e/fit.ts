import fs from "node:fs";
import type { Page } from "playwright-core";

/** What does not fit on the screen as it is now: a page wider than the window, money broken or cut. */
export interface Misfit {
  scrollWidth: number;
  innerWidth: number;
  /** Amounts of money laid out over more than one line, or clipped by a box or the window. */
  money: string[];
}

/**
 * Measures the page in the browser. Money is found as the shop's currency symbol (as Intl writes it
 * for `locale`) next to a number; a Range over it gives one box per line it occupies, so a money
 * element that wraps shows as boxes on different lines, wherever the markup puts it.
 */
export function measure(page: Page, locale: string, currency: string): Promise<Misfit> {
  return page.evaluate(`(${MEASURE.trim().replace(/;$/, "")})(${JSON.stringify(locale)}, ${JSON.stringify(currency)})`);
}

const MEASURE = fs.readFileSync(new URL("./fit.page.js", import.meta.url), "utf8").replace(/^\/\/.*\n/gm, "");

/** Changes screens the way the app's own links do (no reload), so a walk over many pages stays quick. */
export async function goTo(page: Page, path: string) {
  await page.evaluate(
    `history.pushState(null, "", ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent("popstate"))`,
  );
}

/** Waits until the screen has its heading and nothing on it is still loading. */
export async function settled(page: Page) {
  await page.locator("main h1").first().waitFor();
  await page.locator(".loading, .spinner").first().waitFor({ state: "hidden", timeout: 15_000 });
}
