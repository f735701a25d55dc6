import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS } from "./browser.js";
import { describeBrowser, PHONE } from "./harness.js";
import { add, confirm, outboxCount, shop, signInReady } from "./offline-shop.js";
import { freePort, freshDatabase, type RunningServer, startServer } from "./server.js";

const QUEUED = 400;

/** The rest of the queue made as the till makes it: copies of the first kept sale under new ids. */
const fillQueue = (page: Page) =>
  page.evaluate<string[]>(`new Promise((resolve) => {
    const open = indexedDB.open("duka");
    open.onsuccess = () => {
      const store = open.result.transaction("outbox", "readwrite").objectStore("outbox");
      store.getAll().onsuccess = (e) => {
        const rows = e.target.result;
        const ids = rows.map((r) => r.id);
        const { seq: _, ...first } = rows[0];
        for (let i = rows.length; i < ${QUEUED}; i++) {
          const id = crypto.randomUUID();
          ids.push(id);
          store.add({ ...first, id, body: { ...first.body, id, offline: { ...first.body.offline, provisional: "CUT-" + (i + 1) } } });
        }
        store.transaction.oncomplete = () => resolve(ids);
      };
    };
  })`);

describeBrowser("a sync cut in the middle", () => {
  // One server that is killed and started again on the same port, database and keys: the phone's
  // origin (and so its saved queue and cookie) stays the same.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-cut-"));
  const env: Record<string, string> = { DATA_DIR: dataDir, MASTER_KEY: randomBytes(32).toString("base64") };
  let database: Awaited<ReturnType<typeof freshDatabase>> | undefined;
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let port = 0;
  const start = async () => {
    if (!port) {
      port = await freePort();
      const admin = process.env.E2E_DATABASE_URL;
      database = admin ? await freshDatabase(admin) : undefined;
      if (database) env.DATABASE_URL = database.url;
    }
    server = await startServer({ port, env, timeoutMs: 180_000 });
    return server;
  };

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("records every queued sale exactly once when the server is killed half-way through a batch", async () => {
    const first = await start();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const phone = () => (browser as Browser).newContext({ baseURL: first.url, viewport: PHONE, locale: "en-US" });
    const setup = await (await phone()).newPage();
    const s = await shop(setup);
    const page = await (await phone()).newPage();
    page.setDefaultTimeout(20_000);
    await signInReady(page, s.staffLogin);

    await page.context().setOffline(true);
    await add(page, "maize", /Maize flour 2 kg/);
    await page.getByRole("button", { name: "Charge" }).click();
    await confirm(page);
    const queued = await fillQueue(page);
    expect(new Set(queued).size).toBe(QUEUED);

    // Online again: the first batch goes up, and the server dies while it writes it.
    const recorded = async () => {
      let count = 0;
      let cursor: string | null = null;
      const ids: string[] = [];
      do {
        const res = await s.owner.get(`/api/v1/sales?limit=200${cursor ? `&cursor=${cursor}` : ""}`);
        const page_ = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
        count += page_.items.length;
        ids.push(...page_.items.map((x) => x.id));
        cursor = page_.nextCursor;
      } while (cursor);
      return { count, ids };
    };
    const sent = new Promise<void>((resolve) =>
      page.on("request", (r) => {
        if (r.url().endsWith("/api/v1/sync")) resolve();
      }),
    );
    await page.context().setOffline(false);
    await page.evaluate("dispatchEvent(new Event('online'))");
    await sent;
    let atKill = 0;
    for (let i = 0; i < 600 && atKill === 0; i++) {
      atKill = (await recorded().catch(() => ({ count: 0 }))).count;
      if (atKill === 0) await new Promise((r) => setTimeout(r, 50));
    }
    first.child.kill("SIGKILL");
    await first.stop();
    // Killed with some written and some not: the answer never reached the phone, so all wait.
    expect(atKill).toBeGreaterThan(0);
    expect(atKill).toBeLessThan(QUEUED);
    expect(await outboxCount(page)).toBeGreaterThan(0);

    // Back: the phone sends what it still holds; what was written already answers as a replay.
    await start();
    await page.evaluate("dispatchEvent(new Event('online'))");
    await expect.poll(() => outboxCount(page), { timeout: 180_000, interval: 1000 }).toBe(0);
    const after = await recorded();
    expect(after.count).toBe(QUEUED);
    expect(new Set(after.ids)).toEqual(new Set(queued));
    // One bag each, all from the first location: its stock went down by exactly the queue.
    const maize = (await (await s.owner.get(`/api/v1/products?q=maize&locationId=${s.main}`)).json()) as {
      items: { stock: number }[];
    };
    expect(maize.items[0]?.stock).toBe(10 - QUEUED);
  }, 420_000);
});
