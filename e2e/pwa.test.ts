import { expect, it } from "vitest";
import { describeBrowser, useE2E } from "./harness.js";
import { heading, signUpOwner } from "./helpers.js";

describeBrowser("the installable app", () => {
  const e2e = useE2E();

  it("has a manifest whose icons are served", async () => {
    const page = await e2e.newPage();
    const res = await page.request.get("/manifest.webmanifest");
    expect(res.ok()).toBe(true);
    const manifest = (await res.json()) as {
      start_url: string;
      display: string;
      icons: { src: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ start_url: "/", display: "standalone" });
    expect(manifest.icons.some((i) => i.purpose === "maskable")).toBe(true);
    for (const icon of manifest.icons) expect((await page.request.get(icon.src)).ok(), icon.src).toBe(true);
  });

  it("keeps the app shell, never API answers, and starts offline", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
    await page.evaluate("navigator.serviceWorker.ready");
    const cached = await page.evaluate<string[]>(
      "caches.open('duka-shell-v1').then((c) => c.keys()).then((ks) => ks.map((k) => new URL(k.url).pathname))",
    );
    expect(cached).toContain("/");
    expect(cached.some((p) => /^\/assets\/index-.*\.js$/.test(p))).toBe(true);
    expect(cached.filter((p) => p.startsWith("/api/"))).toEqual([]);

    await page.context().setOffline(true);
    await page.reload();
    await page.getByText("Duka cannot reach the server.", { exact: false }).waitFor();
    await page.context().setOffline(false);
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  });

  it("opens every screen offline for a user who signed up through the API and never used the app online", async () => {
    const page = await e2e.newPage();
    await page.goto("/");
    await signUpOwner(page, "Duka la Baraka");
    await page.goto("/sell");
    await heading(page, "New sale");
    // Installed means kept: every screen's file, whether visited or not, with no wait.
    await page.evaluate("navigator.serviceWorker.ready");
    const listed = ((await (await page.request.get("/precache.json")).json()) as { files: string[] }).files;
    const cached = await page.evaluate<string[]>(
      "caches.open('duka-shell-v1').then((c) => c.keys()).then((ks) => ks.map((k) => new URL(k.url).pathname))",
    );
    expect(listed.some((f) => /\/assets\/Sell-.*\.js$/.test(f))).toBe(true);
    expect(listed.filter((f) => !cached.includes(f))).toEqual([]);

    await page.context().setOffline(true);
    await page.reload();
    await heading(page, "New sale");
    for (const [path, title] of [
      ["/customers", "Customers"],
      ["/stock", "Stock"],
      ["/more", "More"],
    ] as const) {
      await page.goto(path);
      await heading(page, title);
    }
  });
});
