import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, ready, signupBody, startProcess as start } from "./test/process.js";

describe("the server process", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it.each([
    ["a bad port", { PORT: "abc" }, /^Duka could not start: .*PORT must be a whole number/],
    ["a malformed DATABASE_URL", { DATABASE_URL: "localhost:5432" }, /^Duka could not start: .*DATABASE_URL/],
    [
      "an unreachable database",
      { DATABASE_URL: "postgres://postgres@127.0.0.1:1/duka" },
      /^Duka could not start: the database refused the connection/,
    ],
  ])("stops at once with one clear line on %s", async (_, env, message) => {
    const p = start(env);
    expect(await p.exited).toBe(1);
    const lines = p.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it("shuts down cleanly on SIGTERM: data kept, the data directory free for the next start", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-main-"));
    dirs.push(dataDir);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1" };

    const first = start(env);
    await ready(base, first.child);
    const signup = await fetch(`${base}/api/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify(signupBody("amina@kept.example")),
    });
    expect(signup.status).toBe(201);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    // The embedded database was checkpointed and closed, and its lock let go: a new process opens it.
    const second = start(env);
    try {
      await ready(base, second.child);
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ login: "amina@kept.example", password: "a-long-enough-password" }),
      });
      expect(login.status).toBe(200);
    } finally {
      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    }
  }, 90_000);
});
