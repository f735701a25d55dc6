// Duka's service worker: the app shell and every screen start fast and offline. API answers are
// never cached — they are live business data, and a stale stock level or sale is worse than an error.
const SHELL = "duka-shell-v1";
const STATIC = ["/manifest.webmanifest", "/icons/icon.svg", "/icons/icon-192.png"];

const assetsOf = (html) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);

/** Every file of this release: precache.json, written by the build; the page's own files without it. */
async function releaseFiles(html) {
  try {
    const res = await fetch("/precache.json", { cache: "no-cache" });
    if (res.ok) return (await res.json()).files;
  } catch {
    // Offline half-way: the page's own files are known from the page itself.
  }
  return assetsOf(html);
}

/**
 * Stores a fresh index.html and every file of its release, so each screen opens offline even if it
 * was never visited. This file needs no build step and stays the same between releases: on a new
 * release only the files not kept yet are fetched, and those of the old one are dropped.
 */
async function refreshShell(res) {
  const cache = await caches.open(SHELL);
  const html = await res.clone().text();
  const files = await releaseFiles(html);
  await cache.put("/", res);
  const kept = new Set((await cache.keys()).map((req) => new URL(req.url).pathname));
  for (const path of kept) if (path.startsWith("/assets/") && !files.includes(path)) await cache.delete(path);
  await cache.addAll(files.filter((path) => !kept.has(path)));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      await refreshShell(await fetch("/", { cache: "no-cache" }));
      await (await caches.open(SHELL)).addAll(STATIC);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== SHELL) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** Pages: the network first (a new release shows at once), the cached shell when offline. */
async function page(event) {
  try {
    const res = await fetch(event.request);
    // Refreshed after the page is answered, so a new release never slows the navigation itself.
    if (res.ok && res.headers.get("content-type")?.includes("text/html")) event.waitUntil(refreshShell(res.clone()));
    return res;
  } catch {
    return (await caches.match("/")) ?? Response.error();
  }
}

/** Hashed assets never change under the same name: the cache first, the network to fill it. */
async function asset(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok) await (await caches.open(SHELL)).put(request, res.clone());
  return res;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") event.respondWith(page(event));
  else if (url.pathname.startsWith("/assets/") || STATIC.includes(url.pathname)) event.respondWith(asset(request));
});
