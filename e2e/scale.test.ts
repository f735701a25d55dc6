import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3Server } from "../server/src/test/s3-server.js";
import { SseStream } from "../server/src/test/sse.js";
import { type RunningServer, startServer } from "./server.js";

/**
 * Stateless servers, shown locally: two built servers on one PostgreSQL and one S3-protocol
 * server, behind a round-robin proxy, as two tasks behind a load balancer. PostgreSQL only (the
 * embedded database belongs to one process): CI's PostgreSQL pass sets E2E_DATABASE_URL.
 */
const adminUrl = process.env.E2E_DATABASE_URL;
if (!adminUrl) console.warn("Two-server test skipped: set E2E_DATABASE_URL to a PostgreSQL database to run it.");

const root = path.resolve(import.meta.dirname, "..");
const migrations = JSON.parse(
  fs.readFileSync(path.join(root, "server/src/db/migrations/meta/_journal.json"), "utf8"),
) as { entries: unknown[] };

/** A load balancer in miniature: each request to the next server; a dead one answers 502. */
async function roundRobin(targets: string[]) {
  let next = 0;
  const proxy = http.createServer((req, res) => {
    const index = next++ % targets.length;
    const target = new URL(targets[index] as string);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent: false,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "x-served-by": String(index) });
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (res.headersSent) res.destroy();
      else res.writeHead(502).end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((resolve) => proxy.close(() => resolve())) };
}

describe.skipIf(!adminUrl)("two servers behind a load balancer", () => {
  const name = `duka_scale_${randomBytes(5).toString("hex")}`;
  let owner: pg.Client;
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let a: RunningServer;
  let b: RunningServer;
  let proxy: Awaited<ReturnType<typeof roundRobin>>;
  let cookie = "";
  let productId = "";

  /** A JSON request, through the proxy unless a server is named. */
  async function call(method: string, url: string, body?: unknown, base = proxy.url) {
    const res = await fetch(`${base}/api/v1${url}`, {
      method,
      headers: { origin: base, cookie, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, servedBy: res.headers.get("x-served-by"), res, json: text ? JSON.parse(text) : null };
  }
  const sale = (id: string) => ({ id, lines: [{ productId, quantity: 1 }], payment: { method: "cash" } });

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const ownerUrl = new URL(adminUrl as string);
    ownerUrl.pathname = `/${name}`;
    const appUrl = new URL(ownerUrl);
    appUrl.username = `${name}_app`;
    s3 = await startS3Server("duka-scale");
    const env = {
      DATABASE_URL: appUrl.toString(),
      DATABASE_PASSWORD: "app-secret",
      DATABASE_OWNER_URL: ownerUrl.toString(),
      STORAGE: "s3",
      S3_BUCKET: "duka-scale",
      S3_ENDPOINT: s3.endpoint,
      S3_FORCE_PATH_STYLE: "true",
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
      MASTER_KEY: randomBytes(32).toString("base64"),
      BACKUPS_ENABLED: "true",
      LOG_LEVEL: "info",
      SHUTDOWN_DELAY_SECONDS: "0",
    };
    // Started together on a new, empty database: both migrate, under one lock.
    [a, b] = await Promise.all([startServer({ env, timeoutMs: 150_000 }), startServer({ env, timeoutMs: 150_000 })]);
    proxy = await roundRobin([a.url, b.url]);
    owner = new pg.Client({ connectionString: ownerUrl.toString() });
    await owner.connect();
  }, 200_000);

  afterAll(async () => {
    await proxy?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await owner?.end();
    await s3?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${name}_app`);
    await admin.end();
  }, 60_000);

  it("migrated the new database exactly once", async () => {
    const { rows } = await owner.query(
      "select count(*)::int as applied, count(distinct hash)::int as distinct from drizzle.__drizzle_migrations",
    );
    expect(rows[0]).toEqual({ applied: migrations.entries.length, distinct: migrations.entries.length });
  });

  it("signs a user in through the proxy, who then works on both servers", async () => {
    const login = `owner-${randomBytes(4).toString("hex")}@scale.example`;
    const password = "a-long-enough-password";
    const signup = await call("POST", "/auth/signup", {
      businessName: "Scale Shop",
      currency: "KES",
      timeZone: "Africa/Nairobi",
      locationName: "Main",
      ownerName: "Amina",
      login,
      password,
    });
    expect(signup.status).toBe(201);
    const signin = await call("POST", "/auth/login", { login, password });
    expect(signin.status).toBe(200);
    cookie = signin.res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const served = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const me = await call("GET", "/me");
      expect(me.status).toBe(200);
      served.add(me.servedBy ?? "");
    }
    expect(served).toEqual(new Set(["0", "1"]));
    const locations = await call("GET", "/locations");
    const product = await call("POST", "/products", {
      name: "Sukari 1kg",
      price: 15000,
      initialStock: [{ locationId: locations.json.items[0].id, quantity: 1000 }],
    });
    expect(product.status).toBe(201);
    productId = product.json.id;
  });

  it("brings a sale recorded on A to an owner's live stream held by B within a second", async () => {
    const stream = await SseStream.open(b.url, cookie);
    try {
      expect(stream.status).toBe(200);
      await stream.until(() => stream.comments.length > 0, "the stream to open");
      const recorded = await call("POST", "/sales", sale(randomUUID()), a.url);
      expect(recorded.status).toBe(201);
      const at = Date.now();
      const event = await stream.next("sale.created", 5000);
      expect(Date.now() - at).toBeLessThan(1000);
      expect(event.data).toContain(recorded.json.id);
    } finally {
      stream.close();
    }
  });

  it("serves from B a document uploaded through A", async () => {
    const bytes = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(50_000)]);
    const form = new FormData();
    form.append("file", new Blob([bytes], { type: "application/pdf" }), "delivery.pdf");
    const upload = await fetch(`${a.url}/api/v1/documents`, {
      method: "POST",
      headers: { origin: a.url, cookie },
      body: form,
    });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: string };
    const back = await fetch(`${b.url}/api/v1/documents/${id}/content`, { headers: { cookie } });
    expect(back.status).toBe(200);
    expect(Buffer.from(await back.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("takes the daily backup on one server only", async () => {
    const backups = async () =>
      (await owner.query<{ status: string }>("select status from backups where status <> 'deleted'")).rows;
    for (let i = 0; i < 600 && !(await backups()).some((r) => r.status === "succeeded"); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    // Both checked at start; the other found the lock taken or the day's backup done.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await backups()).toEqual([{ status: "succeeded" }]);
    const lines = [...a.events(), ...b.events()].filter((l) => l.event === "backup");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ outcome: "ok", trigger: "schedule" });
  });

  it("loses and doubles no sale when A is killed mid-stream, and B keeps answering", async () => {
    const ids = Array.from({ length: 40 }, () => randomUUID());
    const queue = [...ids];
    const acknowledged = new Set<string>();
    let killedAt = -1;
    const client = async () => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        // A client whose request failed does as the till does: the same sale again, same id.
        for (let attempt = 0; ; attempt++) {
          expect(attempt, `sale ${id} kept failing`).toBeLessThan(50);
          const res = await call("POST", "/sales", sale(id)).catch(() => ({ status: 0, json: null }));
          if (res.status === 200 || res.status === 201) {
            expect(res.json.id).toBe(id);
            acknowledged.add(id);
            break;
          }
          expect([0, 502], JSON.stringify(res.json)).toContain(res.status);
          await new Promise((r) => setTimeout(r, 50));
        }
        if (acknowledged.size >= 8 && killedAt < 0) {
          killedAt = acknowledged.size;
          a.child.kill("SIGKILL");
        }
      }
    };
    await Promise.all([client(), client(), client(), client()]);
    expect(killedAt).toBeGreaterThan(0);
    expect(a.child.signalCode).toBe("SIGKILL");
    expect(acknowledged.size).toBe(ids.length);

    const { rows } = await owner.query<{ n: number; ours: number }>(
      "select count(*)::int as n, count(*) filter (where id = any($1::uuid[]))::int as ours from sales",
      [ids],
    );
    expect(rows[0]).toEqual({ n: ids.length + 1, ours: ids.length });
    // One stock movement per sale: the 40 and the one of the live-stream check, none twice.
    const product = await call("GET", `/products/${productId}`, undefined, b.url);
    expect(product.status).toBe(200);
    expect(product.json.stock).toBe(1000 - ids.length - 1);
  });
});
