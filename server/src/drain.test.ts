import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, ready, signupBody, startProcess } from "./test/process.js";

const GRACE_SECONDS = 10;
const DELAY_SECONDS = 2;

/** A request whose body arrives in two halves, so it is still in flight when the test says. */
function slowLogin(base: string, body: string) {
  const url = new URL("/api/v1/auth/login", base);
  let sendRest: () => void = () => undefined;
  const answered = new Promise<number>((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: base },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.write(body.slice(0, 10));
    sendRest = () => void req.end(body.slice(10));
  });
  return { answered, sendRest: () => sendRest() };
}

/** An open live-update stream; resolves `ended` when the server ends it. */
function openStream(base: string, cookie: string) {
  return new Promise<{ ended: Promise<number> }>((resolve, reject) => {
    const req = http.get(new URL("/api/v1/events", base), { headers: { cookie } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`the stream answered ${res.statusCode}`));
      res.resume();
      resolve({ ended: new Promise((done) => res.on("end", () => done(Date.now()))) });
    });
    req.on("error", reject);
  });
}

describe("draining on SIGTERM", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("answers 503 on /readyz at once, ends live streams, finishes in-flight requests, then exits 0 within the grace", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-drain-"));
    dirs.push(dataDir);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const server = startProcess({
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
      SHUTDOWN_DELAY_SECONDS: String(DELAY_SECONDS),
    });
    await ready(base, server.child);
    const login = "amina@drain.example";
    const signup = await fetch(`${base}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify(signupBody(login)),
    });
    expect(signup.status).toBe(201);
    const cookie = signup.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const stream = await openStream(base, cookie);
    const inFlight = slowLogin(base, JSON.stringify({ login, password: "a-long-enough-password" }));
    await new Promise((r) => setTimeout(r, 200)); // the first half is at the server

    const signalled = Date.now();
    server.child.kill("SIGTERM");
    // At once: not ready any more, while still answering (the load balancer must see the 503).
    let readiness = 200;
    for (let i = 0; i < 20 && readiness === 200; i++) {
      readiness = (await fetch(`${base}/readyz`)).status;
      if (readiness === 200) await new Promise((r) => setTimeout(r, 25));
    }
    expect(readiness).toBe(503);
    expect(Date.now() - signalled).toBeLessThan(DELAY_SECONDS * 1000);
    // The live stream ends so the browser reconnects elsewhere; the slow request still completes.
    expect((await stream.ended) - signalled).toBeLessThan(DELAY_SECONDS * 1000);
    await new Promise((r) => setTimeout(r, 500));
    inFlight.sendRest();
    expect(await inFlight.answered).toBe(200);

    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(GRACE_SECONDS * 1000);
    expect(server.stderr()).not.toMatch(/grace ran out/);
  }, 240_000);
});
