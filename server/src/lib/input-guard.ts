import { isStorableText, UNSTORABLE_MESSAGE } from "@duka/contracts";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { badRequest } from "./errors.js";

/** The first field (as "body.lines.0.note") holding text no database can store, or null. */
export function findUnstorableText(parts: Record<string, unknown>): string | null {
  // Iterative, so a deeply nested body cannot exhaust the stack.
  const stack: [string, unknown][] = Object.entries(parts);
  while (stack.length) {
    const [path, value] = stack.pop() as [string, unknown];
    if (typeof value === "string") {
      if (!isStorableText(value)) return path;
    } else if (value && typeof value === "object" && !Buffer.isBuffer(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (!isStorableText(key)) return path;
        stack.push([`${path}.${key}`, inner]);
      }
    }
  }
  return null;
}

/**
 * Every route's body, query and path parameters: a NUL or a lone surrogate is a 400 before the
 * route's own schema runs, whether or not that field uses the shared text types.
 */
export function installInputGuard(app: FastifyInstance) {
  app.addHook("preValidation", async (request: FastifyRequest) => {
    const path = findUnstorableText({ body: request.body, querystring: request.query, params: request.params });
    if (!path) return;
    const field = path.replace(/^(body|querystring|params)\.?/, "") || "request";
    throw badRequest(`Please check ${field}: it ${UNSTORABLE_MESSAGE}.`, {
      fields: { [field]: [UNSTORABLE_MESSAGE] },
    });
  });
}
