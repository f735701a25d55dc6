import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The real process entry, as `npm start` runs it (from source), with only the given environment. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const entry = path.join(root, "server/src/main.ts");

export function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=source", entry], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      LOG_LEVEL: "warn",
      WEB_DIST: "/nonexistent",
      BACKUPS_ENABLED: "false",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export async function waitReady(base: string, child: ChildProcess, stderr: () => string) {
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    const ok = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not become ready: ${stderr()}`);
}
