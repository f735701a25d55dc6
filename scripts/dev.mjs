// Runs the server (reloading on change) and the web app's dev server together.
import { spawn } from "node:child_process";
import path from "node:path";

// The server's working directory is server/; keep its data where `npm start` keeps it.
const env = { ...process.env, DATA_DIR: process.env.DATA_DIR ?? path.resolve("data") };
const run = (args) => spawn("npm", args, { stdio: "inherit", env, shell: process.platform === "win32" });
const children = [run(["run", "dev", "-w", "@duka/server"]), run(["run", "dev", "-w", "@duka/web"])];
const stop = () => {
  for (const c of children) c.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const c of children) c.on("exit", (code) => code && process.exit(code));
