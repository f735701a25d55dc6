import { execFile } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";
import type ignore from "@balena/dockerignore";

const run = promisify(execFile);
// A CommonJS module whose types say `export default`: required as it is written.
const dockerignore = createRequire(import.meta.url)("@balena/dockerignore") as (typeof ignore)["default"];

/** One instruction of a Dockerfile: `COPY --from=build /app/x y` → op COPY, flags {from}, args. */
export interface Instruction {
  op: string;
  flags: Record<string, string>;
  /** Whitespace-separated words, or the items of the JSON ("exec") form. */
  args: string[];
  /** Everything after the op and its flags, as written (a RUN's shell command). */
  text: string;
}

export interface Stage {
  base: string;
  name?: string;
  steps: Instruction[];
}

/** Reads a Dockerfile into stages: comments dropped, continued lines joined. */
export function parseDockerfile(source: string): Stage[] {
  const lines = source
    .replace(/\\\r?\n/g, " ")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [, op = "", rest = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    let text = rest;
    const flags: Record<string, string> = {};
    for (let m = /^--([\w-]+)=(\S+)\s*/.exec(text); m; m = /^--([\w-]+)=(\S+)\s*/.exec(text)) {
      flags[m[1] as string] = m[2] as string;
      text = text.slice(m[0].length);
    }
    const args = text.startsWith("[") ? (JSON.parse(text) as string[]) : text.split(/\s+/).filter(Boolean);
    const step = { op: op.toUpperCase(), flags, args, text };
    if (step.op === "FROM") {
      const [base = "", as, name] = args;
      stages.push({ base, name: as?.toUpperCase() === "AS" ? name : undefined, steps: [] });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`${op} comes before the first FROM`);
      stage.steps.push(step);
    }
  }
  return stages;
}

/** The files `docker build` would send: the folder less what .dockerignore excludes. */
export function buildContext(root: string): string[] {
  const ignorePath = path.join(root, ".dockerignore");
  const rules = fs.existsSync(ignorePath) ? fs.readFileSync(ignorePath, "utf8") : "";
  const ignore = dockerignore().add(rules.split(/\r?\n/));
  const files: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (ignore.ignores(child)) continue;
      if (entry.isDirectory()) walk(child);
      else files.push(child);
    }
  };
  walk("");
  return files;
}

export interface Replayed {
  /** The last stage's working directory, as a folder on this machine. */
  workdir: string;
  env: Record<string, string>;
  user?: string;
  entrypoint: string[];
  cmd: string[];
  /** RUN steps left to the image (system packages, folders outside the app): this machine keeps its own. */
  skipped: string[];
}

/**
 * Carries out a Dockerfile's stages without Docker: each stage's file system is a folder under
 * `work`, COPY copies (from the build context or an earlier stage), and RUN runs every `npm`
 * command there. Other RUN steps are returned, not run, for the caller to check.
 */
export async function replay(stages: Stage[], contextRoot: string, work: string): Promise<Replayed> {
  const context = buildContext(contextRoot);
  const roots = new Map<string, string>();
  const skipped: string[] = [];
  let result: Replayed | undefined;
  for (const [i, stage] of stages.entries()) {
    const fsRoot = path.join(work, stage.name ?? String(i));
    fs.mkdirSync(fsRoot, { recursive: true });
    roots.set(stage.name ?? String(i), fsRoot);
    let cwd = "/";
    const env: Record<string, string> = {};
    const state: Replayed = { workdir: fsRoot, env, entrypoint: [], cmd: [], skipped };
    const onDisk = (p: string) => path.join(fsRoot, path.posix.resolve(cwd, p));
    for (const step of stage.steps) {
      switch (step.op) {
        case "WORKDIR":
          cwd = path.posix.resolve(cwd, step.args[0] ?? "/");
          fs.mkdirSync(onDisk("."), { recursive: true });
          break;
        case "ENV":
          for (const pair of step.args) {
            const [key = "", ...value] = pair.split("=");
            env[key] = value.join("=");
          }
          break;
        case "COPY": {
          const [src = "", dest = ""] = step.args;
          const from = step.flags.from;
          const target = onDisk(dest);
          if (from !== undefined) {
            const fromRoot = roots.get(from);
            if (!fromRoot) throw new Error(`COPY --from=${from}: no such stage before this one`);
            copy(path.join(fromRoot, src), dest.endsWith("/") ? path.join(target, path.basename(src)) : target);
          } else {
            const prefix = path.posix.normalize(src) === "." ? "" : `${path.posix.normalize(src)}/`;
            for (const file of context.filter((f) => prefix === "" || f.startsWith(prefix) || f === src)) {
              const rel = file === src ? path.basename(file) : file.slice(prefix.length);
              copy(path.join(contextRoot, file), path.join(target, rel));
            }
          }
          break;
        }
        case "RUN":
          if (/^npm\s/.test(step.text)) {
            await run("sh", ["-c", step.text], {
              cwd: onDisk("."),
              env: { ...process.env, ...env },
              maxBuffer: 64 * 1024 * 1024,
            }).catch((err: { stderr?: string; message: string }) => {
              throw new Error(`RUN ${step.text} failed:\n${err.stderr?.slice(-4000) ?? err.message}`);
            });
          } else skipped.push(step.text);
          break;
        case "USER":
          state.user = step.args[0];
          break;
        case "ENTRYPOINT":
          state.entrypoint = step.args;
          break;
        case "CMD":
          state.cmd = step.args;
          break;
        case "EXPOSE":
        case "HEALTHCHECK":
        case "LABEL":
          break;
        default:
          throw new Error(`${step.op} is not replayed here: add it to e2e/image/dockerfile.ts`);
      }
    }
    state.workdir = onDisk(".");
    result = state;
  }
  if (!result) throw new Error("the Dockerfile has no stage");
  return result;
}

/** A file or a folder, keeping relative links as they are (npm's workspace links must stay inside). */
function copy(from: string, to: string) {
  if (!fs.existsSync(from)) throw new Error(`COPY: ${from} does not exist`);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}
