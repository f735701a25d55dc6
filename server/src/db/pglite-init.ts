import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Creates a new embedded data directory (PostgreSQL's initdb) in a short-lived child process.
 * initdb runs in a WASM instance of its own, and its memory stays with the process that ran it:
 * done in the server, a first start idles at ~800 MB; a server opening an existing directory
 * idles at ~300 MB. So the server only ever opens directories that exist.
 */
export async function initDataDirApart(pgDir: string): Promise<void> {
  if (fs.existsSync(path.join(pgDir, "PG_VERSION"))) return;
  const pglite = import.meta.resolve("@electric-sql/pglite");
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)});
    const db = await PGlite.create({ dataDir: process.argv[1] }); await db.close();`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, pgDir], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => {
      err = (err + String(d)).slice(-2000);
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`creating the data directory failed (${code}): ${err}`)),
    );
  });
}
