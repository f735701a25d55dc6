import fc from "fast-check";

/**
 * Requests generated from the OpenAPI document: for each route a plausible request, then the same
 * request with one field at a time (body, query or path) replaced by something hostile or removed.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export interface Schema {
  type?: string | string[];
  format?: string;
  enum?: Json[];
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  additionalProperties?: Schema | boolean;
}
interface Operation {
  parameters?: { name: string; in: "query" | "path" | "header"; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Route {
  method: string;
  /** Fastify's form, "/api/v1/sales/:id", as the route tables name it. */
  url: string;
  path: string;
  query: Record<string, Schema>;
  params: Record<string, Schema>;
  body?: Schema;
}

export interface Case {
  /** What was changed, for the failure report. */
  label: string;
  url: string;
  /** A JSON text, so keys like __proto__ reach the server as sent. */
  payload?: string;
}

const MB = "x".repeat(1_000_000);
const SQL = "'; drop table sales; --";
const EMPTY_LIST: Json[] = [];
const PROTO: Json = { constructor: { prototype: { admin: true } } };
/** The same hostile values for every field, whatever its type. */
const HOSTILE: Json[] = [
  null,
  true,
  0,
  -1,
  1e308,
  -1e308,
  1e-308,
  5e-10,
  1.0005,
  2 ** 63,
  "",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\udc00x",
  MB,
  "0000-01-01",
  "9999-12-31",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59+14:00",
  "2026-02-31",
  SQL,
  "1' or '1'='1",
  "00000000-0000-0000-0000-000000000000",
  EMPTY_LIST,
  [null],
  {},
  PROTO,
];
/** Query strings and path segments are text: the same ideas, percent-encoded as a client could send them. */
const HOSTILE_TEXT = [
  "",
  "%00",
  "a%00b",
  "%ED%A0%80",
  "%FF",
  "NaN",
  "-1",
  "1e308",
  "1e-308",
  "99999999999999999999",
  "0000-01-01",
  "9999-12-31",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "%27%3B%20drop%20table%20sales%3B%20--",
  "__proto__",
  "x".repeat(100_000),
  "true",
  "[]",
];

/** One of each kind the issue lists, for the lighter pass. */
const LIGHT = new Set<Json>([
  null,
  -1,
  1e308,
  1e-308,
  "\u0000",
  "\ud800",
  MB,
  "0000-01-01",
  "9999-12-31T23:59:59+14:00",
  SQL,
  EMPTY_LIST,
  PROTO,
]);
const LIGHT_TEXT = new Set([
  "%00",
  "%ED%A0%80",
  "NaN",
  "-1",
  "1e-308",
  "99999999999999999999",
  "0000-01-01",
  "__proto__",
]);

export function routesOf(doc: OpenApi): Route[] {
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const query: Record<string, Schema> = {};
      const params: Record<string, Schema> = {};
      for (const p of op.parameters ?? []) {
        if (p.in === "query") query[p.name] = p.schema ?? {};
        if (p.in === "path") params[p.name] = p.schema ?? {};
      }
      const body = op.requestBody?.content?.["application/json"]?.schema;
      routes.push({ method: method.toUpperCase(), url: path.replace(/\{(\w+)\}/g, ":$1"), path, query, params, body });
    }
  }
  return routes;
}

/** Values a well-behaved client would send, by field name where the schema alone cannot say. */
export type Known = (field: string) => string | undefined;

function resolve(doc: OpenApi, s: Schema): Schema {
  if (s.$ref) return resolve(doc, doc.components?.schemas?.[s.$ref.split("/").at(-1) ?? ""] ?? {});
  const options = s.anyOf ?? s.oneOf;
  if (options) return resolve(doc, options.find((o) => o.type !== "null") ?? {});
  if (s.allOf) return Object.assign({}, ...s.allOf.map((part) => resolve(doc, part))) as Schema;
  return s;
}

export function plausible(doc: OpenApi, schema: Schema, field: string, known: Known): Json {
  const s = resolve(doc, schema);
  if (s.enum?.length) return s.enum[0] as Json;
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  if (type === "object" || s.properties) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = plausible(doc, v, k, known);
    return out;
  }
  if (type === "array")
    return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => plausible(doc, s.items ?? {}, field, known));
  if (type === "integer" || type === "number") return Math.max(s.minimum ?? 1, 1);
  if (type === "boolean") return false;
  const given = known(field);
  if (given !== undefined) return given;
  if (s.format === "uuid") return crypto.randomUUID();
  if (s.format === "date") return "2026-01-15";
  if (s.format === "date-time") return "2026-01-15T10:00:00Z";
  if (s.pattern?.startsWith("^[a-z]")) return "cash";
  return "Fuzz value".padEnd(s.minLength ?? 0, "z");
}

/** Every leaf of a plausible value, as a path of keys and indexes. */
function leaves(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (value && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    const inner = entries.flatMap(([k, v]) => leaves(v, [...path, k]));
    return path.length ? [path, ...inner] : inner;
  }
  return [path];
}

const REMOVE = Symbol("remove");
function withValue(value: Json, path: (string | number)[], next: Json | typeof REMOVE): Json {
  const copy = structuredClone(value) as Record<string | number, Json>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, Json>;
  const last = path.at(-1) as string | number;
  if (next === REMOVE) delete at[last];
  else at[last] = next;
  return copy;
}

/** A JSON text with a __proto__ key at the top, as JSON.stringify would never write it. */
const withProtoKey = (body: Json) => {
  const text = JSON.stringify(body);
  return text.startsWith("{") && text.length > 2 ? `{"__proto__":{"admin":true},${text.slice(1)}` : text;
};

/** A fixed sample of fast-check values per field, the same on every run. */
function generated(seed: number, count: number): Json[] {
  const arb = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.double(),
    fc.integer(),
    fc
      .date({ min: new Date(-62_000_000_000_000), max: new Date(253_402_300_799_000), noInvalidDate: true })
      .map((d) => d.toISOString()),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  );
  return fc.sample(arb, { seed, numRuns: count }).map((v) => (Number.isNaN(v) ? null : (v as Json)));
}

export interface CaseOptions {
  seed: number;
  /** fast-check values per field, on top of the fixed hostile ones. */
  generatedPerField: number;
  /** One value of each kind and no generated ones: the lighter pass for the other roles. */
  light?: boolean;
}

export function casesFor(doc: OpenApi, route: Route, known: Known, opts: CaseOptions): Case[] {
  const pathOf = (params: Record<string, string>) =>
    route.url.replace(/:(\w+)/g, (_, name: string) => params[name] ?? "x");
  const baseParams = Object.fromEntries(
    Object.keys(route.params).map((k) => [k, known(`:${k}`) ?? crypto.randomUUID()]),
  );
  const baseQuery = Object.fromEntries(
    Object.entries(route.query).map(([k, s]) => [k, plausible(doc, s, k, known)] as const),
  );
  const qs = (q: Record<string, Json | string>) => {
    const parts = Object.entries(q).map(
      ([k, v]) => `${k}=${typeof v === "string" ? encodeURIComponent(v) : String(v)}`,
    );
    return parts.length ? `?${parts.join("&")}` : "";
  };
  const rawQs = (q: Record<string, Json>, key: string, raw: string) =>
    `?${[
      ...Object.entries(q)
        .filter(([k]) => k !== key)
        .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`),
      `${key}=${raw}`,
    ].join("&")}`;
  const body = route.body ? plausible(doc, route.body, "", known) : undefined;
  const url = pathOf(baseParams);
  const cases: Case[] = [];
  const add = (label: string, u: string, payload?: Json, raw?: string) =>
    cases.push({ label, url: u, payload: raw ?? (payload === undefined ? undefined : JSON.stringify(payload)) });
  const texts = opts.light ? HOSTILE_TEXT.filter((v) => LIGHT_TEXT.has(v)) : HOSTILE_TEXT;
  const values = opts.light ? HOSTILE.filter((v) => LIGHT.has(v)) : HOSTILE;
  let seed = opts.seed;
  const extra = () => (opts.light ? [] : generated(seed++, opts.generatedPerField));

  add("plausible", `${url}${qs(baseQuery)}`, body);
  for (const key of Object.keys(route.params)) {
    for (const v of texts)
      add(`path ${key}=${v.slice(0, 30)}`, `${pathOf({ ...baseParams, [key]: v })}${qs(baseQuery)}`, body);
  }
  for (const key of Object.keys(route.query)) {
    const { [key]: _, ...without } = baseQuery;
    add(`query ${key} missing`, `${url}${qs(without)}`, body);
    for (const v of texts) add(`query ${key}=${v.slice(0, 30)}`, `${url}${rawQs(baseQuery, key, v)}`, body);
    for (const v of extra()) {
      const text = typeof v === "string" ? v : JSON.stringify(v);
      add(`query ${key}=${text.slice(0, 30)}`, `${url}${qs({ ...baseQuery, [key]: text })}`, body);
    }
  }
  if (body !== undefined) {
    const full = `${url}${qs(baseQuery)}`;
    for (const whole of [null, [], "text", 1, {}]) add(`body ${JSON.stringify(whole)}`, full, whole);
    add("body with a __proto__ key", full, undefined, withProtoKey(body));
    add("body not JSON", full, undefined, "{not json");
    for (const path of leaves(body)) {
      const name = path.join(".");
      add(`body ${name} missing`, full, withValue(body, path, REMOVE));
      for (const v of [...values, ...extra()]) {
        add(`body ${name}=${JSON.stringify(v)?.slice(0, 30)}`, full, withValue(body, path, v));
      }
    }
  }
  return cases;
}
