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
  return page.evaluate(
    ([loc, cur]) => {
      const symbol =
        new Intl.NumberFormat(loc, { style: "currency", currency: cur })
          .formatToParts(1)
          .find((p) => p.type === "currency")?.value ?? cur;
      const sym = symbol.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const gap = "[\\s\\u00a0\\u202f]?";
      const num = "-?\\d(?:[\\d.,\\s\\u00a0\\u202f]*\\d)?";
      const pattern = new RegExp(`${sym}${gap}${num}|${num}${gap}${sym}`, "g");
      const money: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        const parent = node.parentElement;
        if (!parent || parent.closest(".visually-hidden, .sr-only, [hidden], option, select")) continue;
        for (const m of text.matchAll(pattern)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
          if (boxes.length === 0) continue;
          const lines = new Set(boxes.map((r) => Math.round(r.top + r.height / 2)));
          const whole = range.getBoundingClientRect();
          let clipped = whole.left < -0.5 || whole.right > innerWidth + 0.5;
          for (let el: Element | null = parent; el && !clipped; el = el.parentElement) {
            const style = getComputedStyle(el);
            if (style.overflowX === "visible" && style.textOverflow !== "ellipsis") continue;
            const box = el.getBoundingClientRect();
            clipped = whole.left < box.left - 0.5 || whole.right > box.right + 0.5;
          }
          if (lines.size > 1 || clipped) money.push(`${lines.size > 1 ? "wrapped" : "cut"}: "${m[0]}"`);
        }
      }
      return { scrollWidth: document.documentElement.scrollWidth, innerWidth, money };
    },
    [locale, currency] as const,
  );
}

/** Changes screens the way the app's own links do (no reload), so a walk over many pages stays quick. */
export async function goTo(page: Page, path: string) {
  await page.evaluate((to) => {
    history.pushState(null, "", to);
    dispatchEvent(new PopStateEvent("popstate"));
  }, path);
}

/** Waits until the screen has its heading and nothing on it is still loading. */
export async function settled(page: Page) {
  await page.locator("main h1").first().waitFor();
  await page.waitForFunction(() => !document.querySelector(".loading, .spinner"), undefined, { timeout: 15_000 });
}
