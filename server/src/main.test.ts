import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

/** The real process entry, as `npm start` runs it (from source), with only the given environment. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const entry = path.join(root, "server/src/main.ts");

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=source", entry], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      LOG_LEVEL: "warn",
      WEB_DIST: "/nonexistent",
      BACKUPS_ENABLED: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

async function ready(base: string, child: ChildProcess) {
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not become ready");
}

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
      body: JSON.stringify({
        businessName: "Kept Shop",
        currency: "KES",
        timeZone: "Africa/Nairobi",
        locationName: "Main",
        ownerName: "Amina",
        login: "amina@kept.example",
        password: "a-long-enough-password",
      }),
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
