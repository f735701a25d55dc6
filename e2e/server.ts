import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "..");

/**
 * On PostgreSQL, a database of its own for each server, as the embedded one has its own folder: so
 * one test file's shops, sign-in counters and sign-ups never reach the next.
 */
export async function freshDatabase(adminUrl: string) {
  const name = `duka_e2e_${randomBytes(6).toString("hex")}`;
  const run = async (statement: string) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** The log lines that name an `event` (such as the daily backup's), parsed. */
  events(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/** A port nobody is listening on right now, chosen by the operating system. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

export interface ServerOptions {
  timeoutMs?: number;
  /** The folder holding the built app (another copy of the repository, for the image test). */
  appRoot?: string;
  /** The command, relative to appRoot (the image's CMD). */
  command?: string[];
  /** Settings added to (or replacing) the defaults below. */
  env?: Record<string, string>;
  /** A given port (a server restarted where the browser knows it); a free one by default. */
  port?: number;
}

/**
 * Starts the built server the way production does (`node server/dist/main.js`) on a free port with
 * a fresh embedded database, and resolves once /readyz says it can serve.
 */
export async function startServer({
  timeoutMs = 60_000,
  appRoot = root,
  command = ["node", "server/dist/main.js"],
  env = {},
  port: fixedPort,
}: ServerOptions = {}): Promise<RunningServer> {
  const port = fixedPort ?? (await freePort());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duka-e2e-"));
  const adminUrl = process.env.E2E_DATABASE_URL;
  const database = adminUrl && !env.DATABASE_URL ? await freshDatabase(adminUrl) : undefined;
  const [program, ...args] = command;
  const child = spawn(program === "node" ? process.execPath : (program ?? "node"), args, {
    cwd: appRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: dataDir,
      // The embedded database unless CI points the browser tests at PostgreSQL; never the shell's own.
      DATABASE_URL: database?.url ?? "",
      LOG_LEVEL: "warn",
      MASTER_KEY: randomBytes(32).toString("base64"),
      // Every test signs a new shop up from 127.0.0.1, and on PostgreSQL the sign-ups of earlier
      // test files count in the same database: the per-address limit has its own server test.
      SIGNUPS_PER_ADDRESS: "100000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let partial = "";
  const events: Record<string, unknown>[] = [];
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    keep(chunk);
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (line.includes('"event":')) events.push(JSON.parse(line));
  });
  child.stderr?.on("data", keep);

  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited(child);
      clearTimeout(killer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The server exited with code ${child.exitCode} before it was ready:\n${output}`);
    }
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, child, events: () => events, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`The server was not ready within ${timeoutMs} ms:\n${output}`);
}
