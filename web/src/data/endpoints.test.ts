import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The web app talks to the server only through the typed endpoint map (`data/endpoints.ts`): the
 * route names the contract types of its body and answer. These read the sources and fail when a
 * screen goes around it, or keeps something in memory that would outlive a sign-out.
 */
const root = join(import.meta.dirname, "..");
const sources = (function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return walk(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
})(root).map((path) => ({ file: relative(root, path), text: readFileSync(path, "utf8") }));

/** Files that use a pattern, other than those allowed to. */
const offenders = (pattern: RegExp, allowed: string[] = []) =>
  sources.filter((s) => !allowed.includes(s.file) && pattern.test(s.text)).map((s) => s.file);

describe("the web app's calls to the server", () => {
  it("go through the endpoint map: no raw request, upload or fetch of JSON elsewhere", () => {
    expect(offenders(/(?<![.\w])request(<[^>]*>)?\(/, ["api/client.ts", "data/endpoints.ts"])).toEqual([]);
    expect(offenders(/(?<![.\w])postForm(<[^>]*>)?\(/, ["api/form-upload.ts", "data/endpoints.ts"])).toEqual([]);
    expect(offenders(/\bimport\s*{[^}]*\bapi\b[^}]*}\s*from/)).toEqual([]);
    // The one fetch of its own reads a plain-text receipt, which has no JSON answer to type.
    expect(offenders(/\bfetch\s*\(/, ["api/client.ts", "api/sales.ts"])).toEqual([]);
    expect(offenders(/XMLHttpRequest/, ["api/form-upload.ts"])).toEqual([]);
  });

  it("never choose an answer's type by hand", () => {
    // A response type comes from the map; zod's types are read only there (and zod never ships).
    expect(offenders(/from\s+"zod"/, ["data/endpoints.ts"])).toEqual([]);
    expect(offenders(/as\s+Promise</, ["data/endpoints.ts"])).toEqual([]);
    expect(offenders(/\b(get|send|upload)<[A-Z]/, ["data/endpoints.ts"])).toEqual([]);
  });

  it("keep nothing at module level that survives a sign-out, unless it is forgotten with the session", () => {
    const kept = sources.filter(
      (s) => /^(pages|components)\//.test(s.file) && /^let\s/m.test(s.text) && !/forgetWithSession\(/.test(s.text),
    );
    expect(kept.map((s) => s.file)).toEqual([]);
    const stores = sources.filter(
      (s) =>
        /^(pages|components|api)\//.test(s.file) &&
        /^(export )?const \w+ = createStore\b/m.test(s.text) &&
        !/forgetWithSession\(/.test(s.text),
    );
    expect(stores.map((s) => s.file)).toEqual([]);
  });
});
