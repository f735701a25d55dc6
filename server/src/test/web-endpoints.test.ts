import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useTestApp } from "./api.js";
import { type OpenApi, routesOf } from "./fuzz/cases.js";

/**
 * The web app's endpoint map (`web/src/data/endpoints.ts`) names each route it calls with the
 * contract types of its answer. A route it names must be one the server serves, with that method:
 * a typo or a route renamed on one side fails here, not on a shop's phone.
 */
const map = readFileSync(new URL("../../../web/src/data/endpoints.ts", import.meta.url), "utf8");
const block = (name: string) => map.slice(map.indexOf(`export interface ${name} {`)).split("\n}\n")[0] ?? "";
const keys = (name: string) => [...block(name).matchAll(/^\s+"([^"]+)":/gm)].map((m) => m[1] as string);

describe("the web app's endpoint map", () => {
  const t = useTestApp();

  it("names only routes the server serves, each with its method", () => {
    const served = new Set(routesOf(t.app.swagger() as unknown as OpenApi).map((r) => `${r.method} ${r.url}`));
    const named = [
      ...keys("Endpoints").map((path) => `GET ${path}`),
      ...keys("Writes"),
      ...keys("Uploads").map((path) => `POST ${path}`),
    ];
    expect(named.length).toBeGreaterThan(60);
    const missing = named.filter((route) => {
      const [method, path] = route.split(" ");
      return !served.has(`${method} /api/v1${path}`);
    });
    expect(missing).toEqual([]);
  });
});
