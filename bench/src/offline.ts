import { chromium, type Page } from "playwright-core";
import type { Figure } from "./report.js";
import { startServer, tempDir } from "./server.js";
import { setUpShop } from "./shop.js";
import { log, round } from "./util.js";

const QUEUED = 500;
/** A weak mobile link: 400 kbit/s each way, 400 ms round trip (Chromium's network emulation). */
const WEAK = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };

const outboxCount = (page: Page) =>
  page.evaluate<number>(`new Promise((resolve) => {
    const open = indexedDB.open("duka");
    open.onsuccess = () => {
      const req = open.result.transaction("outbox").objectStore("outbox").count();
      req.onsuccess = () => resolve(req.result);
    };
  })`);

/** Confirm tapped → the kept sale's heading on screen, measured inside the page. */
const CONFIRM_TO_RECEIPT = `new Promise((resolve) => {
  const start = performance.now();
  const done = () => document.querySelector("h1")?.textContent?.includes("kept on this phone");
  const watch = new MutationObserver(() => {
    if (done()) { watch.disconnect(); resolve(performance.now() - start); }
  });
  watch.observe(document.body, { subtree: true, childList: true, characterData: true });
  [...document.querySelectorAll("button")].find((b) => b.textContent?.startsWith("Confirm"))?.click();
})`;

/**
 * The offline till (issue 13): one sale recorded offline on a 4×-slowed CPU, Confirm to receipt;
 * and 500 sales queued offline sent over a weak link, from coming back online to an empty outbox.
 */
export async function offlineFigures(add: (f: Figure) => void): Promise<void> {
  const server = await startServer({ dataDir: tempDir("offline") });
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const shop = await setUpShop(server.url, { staff: 1, products: 30 });
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 360, height: 740 } });
    const [name, value] = (shop.staffCookies[0] ?? "").split("=");
    await context.addCookies([{ name: name ?? "", value: value ?? "", url: server.url }]);
    const page = await context.newPage();
    await page.goto("/sell");
    await page.getByRole("heading", { level: 1, name: "New sale" }).waitFor();
    await page.evaluate("navigator.serviceWorker.ready");
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "New sale" }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(4000); // the catalogue and every screen's code are kept for offline

    const cdp = await context.newCDPSession(page);
    await context.setOffline(true);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      await page.getByLabel("Find a product").fill(`Bench product ${i + 1}`);
      await page
        .getByRole("button", { name: new RegExp(`Bench product ${i + 1}\\b`) })
        .first()
        .click();
      await page.getByRole("button", { name: "Charge" }).click();
      await page.getByRole("heading", { level: 1, name: "Payment" }).waitFor();
      times.push(await page.evaluate<number>(CONFIRM_TO_RECEIPT));
      await page.getByRole("button", { name: "New sale" }).click();
    }
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    times.sort((a, b) => a - b);
    const median = round(times[Math.floor(times.length / 2)] ?? 0, 1);
    log(`offline sale on a 4× slower CPU: median ${median} ms from Confirm to receipt`);
    add({
      id: "offline.saleConfirmMs",
      label: "Offline sale, 4× slower CPU: Confirm → receipt (median)",
      value: median,
      unit: "ms",
    });

    // The rest of the 500 are queued as the till queues them: copies of a kept sale under new ids.
    await page.evaluate(`new Promise((resolve) => {
      const open = indexedDB.open("duka");
      open.onsuccess = () => {
        const store = open.result.transaction("outbox", "readwrite").objectStore("outbox");
        store.getAll().onsuccess = (e) => {
          const first = e.target.result[0];
          for (let i = e.target.result.length; i < ${QUEUED}; i++) {
            const id = crypto.randomUUID();
            const { seq, ...rest } = first;
            store.add({ ...rest, id, body: { ...first.body, id, offline: { ...first.body.offline, provisional: "BN-" + (i + 1) } } });
          }
          store.transaction.oncomplete = () => resolve(undefined);
        };
      };
    })`);
    await cdp.send("Network.enable");
    await context.setOffline(false);
    await cdp.send("Network.emulateNetworkConditions", WEAK);
    // Where the time goes: each batch's size, its wait for the server's first byte, and its whole time.
    const batches: string[] = [];
    page.on("requestfinished", (req) => {
      if (!req.url().endsWith("/api/v1/sync")) return;
      const t = req.timing();
      const items = (JSON.parse(req.postData() ?? "{}") as { items?: unknown[] }).items?.length ?? 0;
      const kb = round((req.postData()?.length ?? 0) / 1024, 0);
      batches.push(
        `${items} items ${kb} KB: first byte ${round(t.responseStart - t.requestStart, 0)} ms, done ${round(t.responseEnd, 0)} ms`,
      );
    });
    const start = Date.now();
    await page.evaluate("dispatchEvent(new Event('online'))");
    while ((await outboxCount(page)) > 0) {
      if (Date.now() - start > 600_000) throw new Error("the queue was not sent within 10 minutes");
      await page.waitForTimeout(250);
    }
    const seconds = round((Date.now() - start) / 1000, 1);
    for (const b of batches) log(`sync batch: ${b}`);
    log(`${QUEUED} queued sales sent over 400 kbit/s, 400 ms: ${seconds} s`);
    add({
      id: "offline.sync500Seconds",
      label: `Sync ${QUEUED} queued sales over 400 kbit/s, 400 ms round trip`,
      value: seconds,
      unit: "s",
    });
  } finally {
    await browser.close();
    await server.stop();
  }
}
