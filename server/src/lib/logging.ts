import type { FastifyRequest } from "fastify";
import pino, { type DestinationStream, type LoggerOptions } from "pino";

/**
 * What the logs must never hold: secrets (cookies, authorization, password hashes) and people's
 * personal data (phones, names, logins). Database errors carry every query parameter, both in
 * their fields and in their message; searches carry phone numbers in the URL.
 */
export const REDACTED = "[redacted]";

/** Query-string keys whose values are people's data or secrets, on any route. */
const PERSONAL_QUERY_KEYS = new Set(["q", "phone", "email", "login", "name", "token", "code"]);
/** Error fields that repeat a statement's values (pg: detail "Key (login)=(juma) already exists"). */
const VALUE_FIELDS = new Set(["params", "parameters", "detail", "where", "internalQuery"]);

export function redactUrl(url: string): string {
  const at = url.indexOf("?");
  if (at < 0) return url;
  const pairs = url
    .slice(at + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {
        // a malformed key stays as it was sent; its value is still judged by the raw key
      }
      return eq >= 0 && PERSONAL_QUERY_KEYS.has(name.toLowerCase()) ? `${key}=${REDACTED}` : pair;
    });
  return `${url.slice(0, at)}?${pairs.join("&")}`;
}

/** Drizzle's "Failed query: …\nparams: a,b,c" (message and stack) keeps the query, loses the values. */
const scrubText = (s: string) => s.replace(/\nparams: [\s\S]*?(?=\n {4}at |$)/g, `\nparams: ${REDACTED}`);

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (!value || typeof value !== "object" || depth > 6) return value;
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = VALUE_FIELDS.has(key) ? REDACTED : scrub(v, depth + 1);
  return out;
}

export const serializers = {
  err: (err: Error) => scrub(pino.stdSerializers.err(err)),
  req: (req: FastifyRequest) => ({
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }),
};

/** The server's pino options; `stream` lets a test read what would be written. */
export function loggerOptions(
  level: string,
  stream?: DestinationStream,
): LoggerOptions & { stream?: DestinationStream } {
  return {
    level,
    serializers,
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        "headers.cookie",
        "headers.authorization",
        'res.headers["set-cookie"]',
        "password",
        "passwordHash",
        "*.password",
        "*.passwordHash",
      ],
      censor: REDACTED,
    },
    ...(stream ? { stream } : {}),
  };
}
