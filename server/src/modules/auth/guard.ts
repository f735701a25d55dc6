import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError, forbidden, unauthorized } from "../../lib/errors.js";
import type { RouteAccess } from "../../lib/http.js";
import { readSessionToken } from "./cookies.js";
import { can } from "./permissions.js";
import { resolveSession } from "./sessions.service.js";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A state-changing request must come from our own pages: browsers mark cross-site requests with
 * Sec-Fetch-Site or, failing that, an Origin that is not ours. Clients that send neither are not
 * browsers, and so carry no ambient cookie for an attacker to ride on.
 */
function assertSameOrigin(request: FastifyRequest) {
  const site = request.headers["sec-fetch-site"];
  if (typeof site === "string") {
    if (site === "same-origin" || site === "none") return;
    throw new AppError("cross_site_request", 403, "This request came from another site and was refused.");
  }
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (originOf(origin) !== originOf(`${request.protocol}://${request.host}`)) {
    throw new AppError("cross_site_request", 403, "This request came from another site and was refused.");
  }
}

/** scheme://host[:port] with default ports dropped, so "http://shop:80" and "http://shop" agree. */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The one route guard: every /api route declares who may call it, and this checks it. */
async function guard(app: FastifyInstance) {
  app.decorateRequest("ctx", null);
  const routeAccess: RouteAccess[] = [];
  app.decorate("routeAccess", routeAccess);

  app.addHook("onRoute", (route) => {
    const access = route.config?.access;
    if (route.url.startsWith("/api/") && !access) {
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare its access.`);
    }
    for (const method of [route.method].flat()) routeAccess.push({ method, url: route.url, access });
  });

  app.addHook("onRequest", async (request) => {
    if (UNSAFE.has(request.method)) assertSameOrigin(request);
    const access = request.routeOptions.config?.access;
    if (!access || access === "public") return;
    const token = readSessionToken(request);
    const { db, clock, config } = app.deps;
    const ctx = token
      ? await resolveSession(db, token, clock(), {
          idleMinutes: config.SESSION_IDLE_MINUTES,
          maxHours: config.SESSION_MAX_HOURS,
        })
      : null;
    if (!ctx) throw unauthorized("Your session has ended. Please sign in again.");
    if (!can(ctx.role, access)) throw forbidden();
    request.ctx = ctx;
  });
}

export default fp(guard, { name: "guard" });
