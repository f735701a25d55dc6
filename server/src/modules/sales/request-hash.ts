import { createHash } from "node:crypto";

/** JSON with object keys sorted at every level: the same request always gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What a sale request asked for, as a hash: a retry of the same request matches, a different
 * request reusing the id does not, whatever order the client wrote the fields in.
 */
export function requestHash(body: unknown): string {
  return createHash("sha256").update(canonical(body)).digest("base64url");
}
