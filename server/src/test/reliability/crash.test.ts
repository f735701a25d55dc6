import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Database } from "../../db/client.js";
import { createTestDatabase } from "../db.js";
import { freePort, ready, startProcess } from "../process.js";

/**
 * 5 rounds of kill -9 on the server in the middle of a stream of sales. Clients retry whatever got
 * no answer with the same sale id. At the end every acknowledged sale is there, and none twice.
 */
const ROUNDS = 5;
const CLIENTS = 4;
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const json = async (res: Promise<Response>): Promise<unknown> => (await res).json();

describe(`kill -9 mid-traffic (${onPostgres ? "PostgreSQL" : "embedded database"})`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-crash-"));
  let pgDatabase: Database | undefined;
  afterAll(async () => {
    await pgDatabase?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("loses no acknowledged sale and records none twice", async () => {
    pgDatabase = onPostgres ? await createTestDatabase("postgres") : undefined;
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      MASTER_KEY: Buffer.alloc(32, 7).toString("base64"),
      ...(pgDatabase?.url
        ? { DATABASE_URL: pgDatabase.url, DATABASE_OWNER_URL: pgDatabase.ownerUrl ?? pgDatabase.url }
        : {}),
    };
    let cookie = "";
    let productId = "";
    const acknowledged = new Set<string>();
    const unanswered = new Map<string, unknown>();
    const attempted = new Set<string>();

    const post = async (base: string, url: string, body: unknown) =>
      fetch(`${base}/api/v1${url}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });

    const sell = async (base: string, body: { id: string }) => {
      attempted.add(body.id);
      try {
        const res = await post(base, "/sales", body);
        if (res.status === 201 || res.status === 200) {
          acknowledged.add(body.id);
          unanswered.delete(body.id);
          return;
        }
        const text = await res.text();
        // Anything but an answer a retry cannot fix is a bug.
        if (res.status !== 503) throw new Error(`sale answered ${res.status}: ${text}`);
      } catch (err) {
        if (err instanceof Error && err.message.startsWith("sale answered")) throw err;
      }
      unanswered.set(body.id, body);
    };

    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const server = startProcess({ ...env, PORT: String(port), HOST: "127.0.0.1" });
      await ready(base, server.child);
      if (round === 0) {
        const signup = await post(base, "/auth/signup", {
          businessName: "Crash Test Shop",
          currency: "KES",
          timeZone: "Africa/Nairobi",
          locationName: "Main",
          ownerName: "Amina",
          login: `crash-${randomUUID().slice(0, 8)}@example.com`,
          password: "tall-mango-river-42",
        });
        expect(signup.status).toBe(201);
        cookie = (signup.headers.get("set-cookie") ?? "").split(";")[0] as string;
        const locations = (await json(fetch(`${base}/api/v1/locations`, { headers: { cookie } }))) as {
          items: { id: string }[];
        };
        const locationId = locations.items[0]?.id;
        const product = await post(base, "/products", {
          name: "Sugar",
          price: 100,
          initialStock: [{ locationId, quantity: 100_000 }],
        });
        productId = ((await product.json()) as { id: string }).id;
      }
      // First the retries of what the last crash left unanswered, with the same ids.
      for (const body of [...unanswered.values()]) await sell(base, body as { id: string });
      expect(unanswered.size, "retries after a restart are answered").toBe(0);

      let running = true;
      const clients = Array.from({ length: CLIENTS }, async () => {
        while (running)
          await sell(base, {
            id: randomUUID(),
            lines: [{ productId, quantity: 1 }],
            payment: { method: "cash" },
          } as never);
      });
      // Let sales flow, then kill the process without warning while requests are in flight.
      await new Promise((r) => setTimeout(r, 600 + round * 150));
      server.child.kill("SIGKILL");
      await server.exited;
      running = false;
      await Promise.all(clients);
    }

    // A last start to retry what the final crash left, then count.
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = startProcess({ ...env, PORT: String(port), HOST: "127.0.0.1" });
    try {
      await ready(base, server.child);
      for (const body of [...unanswered.values()]) await sell(base, body as { id: string });
      expect(unanswered.size).toBe(0);
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const url = `${base}/api/v1/sales?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const page = (await json(fetch(url, { headers: { cookie } }))) as {
          items: { id: string }[];
          nextCursor: string | null;
        };
        ids.push(...page.items.map((s) => s.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(ids).size, "no sale recorded twice").toBe(ids.length);
      expect(
        [...acknowledged].filter((id) => !ids.includes(id)),
        "no acknowledged sale lost",
      ).toEqual([]);
      expect(ids.every((id) => attempted.has(id))).toBe(true);
      expect(acknowledged.size).toBe(ids.length);
      const product = (await json(fetch(`${base}/api/v1/products/${productId}`, { headers: { cookie } }))) as {
        stock: number;
      };
      expect(product.stock).toBe(100_000 - ids.length);
    } finally {
      server.child.kill("SIGKILL");
      await server.exited;
    }
  }, 240_000);
});
