import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { rssMb, scratchPrefix, sleep } from "./util.js";

export const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const repoDir = path.resolve(benchDir, "..");

export interface RunningServer {
  url: string;
  pid: number;
  rss(): number | null;
  stop(): Promise<void>;
  output(): string;
}

export interface ServerOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** A file: while it exists, the server's SQL is recorded in it (capture-sql.cjs). */
  captureFile?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The built server (server/dist/main.js) in its own process, as production runs it. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: "warn",
    // The daily backup would run at start-up (none yet) and share the CPU with what is measured.
    BACKUPS_ENABLED: "false",
    // Every shop the bench sets up signs up from 127.0.0.1.
    SIGNUPS_PER_ADDRESS: "100000",
    MASTER_KEY: randomBytes(32).toString("base64"),
    WEB_DIST: path.join(repoDir, "web/dist"),
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...(opts.dataDir ? { DATA_DIR: opts.dataDir } : {}),
    ...(opts.captureFile ? { DUKA_BENCH_CAPTURE: opts.captureFile } : {}),
  };
  const args = [
    ...(opts.captureFile ? ["--require", path.join(benchDir, "src/capture-sql.cjs")] : []),
    path.join(repoDir, "server/dist/main.js"),
  ];
  const child: ChildProcess = spawn(process.execPath, args, { env, cwd: repoDir, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout?.on("data", (d) => {
    out = (out + String(d)).slice(-4000);
  });
  child.stderr?.on("data", (d) => {
    out = (out + String(d)).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${out}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server did not become ready in 120 s: ${out}`);
    }
    await sleep(200);
  }
  const pid = child.pid as number;
  return {
    url,
    pid,
    rss: () => rssMb(pid),
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      const done = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await done;
      clearTimeout(timer);
    },
  };
}

export function tempDir(name: string): string {
  const dir = path.join(benchDir, ".tmp", `${scratchPrefix}${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
