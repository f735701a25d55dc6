import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Repositories are the only module code that touches tables (decision 023). This reads every
 * module file that is not a repository or a test and fails on anything that builds or runs SQL:
 * a value import from drizzle-orm or db/schema, a sql template, queryRows, or a select, insert,
 * update, delete, execute or query called on a database or transaction handle.
 */
const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../modules");

/**
 * Folders and files whose SQL has not moved into repository files yet: none, and it should stay so.
 * A line added here must go when its SQL moves (the last test below fails on a line not needed).
 */
const NOT_YET_MOVED: string[] = [];

const RULES: [string, RegExp][] = [
  ["imports query builders from drizzle-orm", /^import\s+(?!type\b)[^;]*from\s+"drizzle-orm(\/[^"]*)?";/m],
  ["imports table objects from db/schema", /^import\s+(?!type\b)[^;]*from\s+"[./]*db\/schema(\/[^"]*)?(\.js)?";/m],
  ["writes a sql template", /\bsql(\.raw|\.join)?\s*[`(]/],
  ["runs queryRows", /\bqueryRows\s*[<(]/],
  [
    "calls a query on a database handle",
    /\b(db|tx|trx|conn|client|session|database|owner|run)\s*\.\s*(select|selectDistinct|insert|update|delete|execute|query)\s*[<(]/,
  ],
];

function moduleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return moduleFiles(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

const isRepository = (rel: string) => rel.endsWith(".repository.ts");
const isTest = (rel: string) => rel.endsWith(".test.ts");

describe("SQL lives in repositories", () => {
  const files = moduleFiles(modules).map((f) => path.relative(modules, f).split(path.sep).join("/"));

  it("finds the module files (the scan is not empty)", () => {
    expect(files.filter(isRepository).length).toBeGreaterThan(10);
    expect(files.filter((f) => !isRepository(f) && !isTest(f)).length).toBeGreaterThan(50);
  });

  it("no module file outside a repository touches tables", () => {
    const offences: string[] = [];
    for (const rel of files) {
      if (isRepository(rel) || isTest(rel) || NOT_YET_MOVED.some((p) => rel.startsWith(p))) continue;
      const text = fs.readFileSync(path.join(modules, rel), "utf8");
      for (const [what, pattern] of RULES) if (pattern.test(text)) offences.push(`${rel}: ${what}`);
    }
    expect(offences).toEqual([]);
  });

  it("the allow-list names only what still holds SQL outside repositories", () => {
    for (const prefix of NOT_YET_MOVED) {
      const stillThere = files.some(
        (rel) =>
          rel.startsWith(prefix) &&
          !isRepository(rel) &&
          !isTest(rel) &&
          RULES.some(([, p]) => p.test(fs.readFileSync(path.join(modules, rel), "utf8"))),
      );
      expect(stillThere, `${prefix} has no SQL outside repositories: remove it from NOT_YET_MOVED`).toBe(true);
    }
  });
});
