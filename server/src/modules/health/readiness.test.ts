import net from "node:net";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { openDatabase } from "../../db/client.js";
import { testStorage } from "../../test/api.js";
import { createTestDatabase } from "../../test/db.js";

/** A TCP relay to PostgreSQL that the test can cut and restore, as a network outage would. */
async function relay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      const listening = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server = listening;
      listening.listen(port, "127.0.0.1", () => {
        port = (listening.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server?.close(() => resolve());
    });
  await open();
  return { port: () => port, cut, open };
}

describe.skipIf(!process.env.TEST_DATABASE_URL)("readiness while PostgreSQL comes and goes", () => {
  it("answers 503 while the database is unreachable and 200 again once it is back, without a restart", async () => {
    const owned = await createTestDatabase();
    const target = new URL(owned.url ?? "");
    const link = await relay(target);
    const viaRelay = new URL(target);
    viaRelay.hostname = "127.0.0.1";
    viaRelay.port = String(link.port());
    const ownerViaRelay = new URL(owned.ownerUrl ?? "");
    ownerViaRelay.hostname = viaRelay.hostname;
    ownerViaRelay.port = viaRelay.port;
    const database = await openDatabase({ url: viaRelay.toString(), ownerUrl: ownerViaRelay.toString(), poolMax: 2 });
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", WEB_DIST: "/nonexistent" });
    const { storage, keyRing } = testStorage();
    const app = await buildApp({ config, database, storage, keyRing, logger: false });
    try {
      expect((await app.inject({ url: "/readyz" })).statusCode).toBe(200);
      await link.cut();
      const down = await app.inject({ url: "/readyz" });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: "unavailable", reason: "database unreachable" });
      expect((await app.inject({ url: "/healthz" })).statusCode).toBe(200);
      await link.open();
      expect((await app.inject({ url: "/readyz" })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.close();
      await link.cut();
      await owned.close();
    }
  });
});
