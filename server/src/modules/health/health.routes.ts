import { z } from "zod";
import { appliedMigrationCount, expectedMigrationCount } from "../../db/migrate.js";
import type { App } from "../../lib/http.js";

const Health = z.object({ status: z.enum(["ok", "unavailable"]), reason: z.string().optional() });

/** /healthz: the process answers. /readyz: not shutting down, and the database answers with every migration. */
export default async function healthRoutes(app: App) {
  const expected = expectedMigrationCount();

  app.get(
    "/healthz",
    { config: { access: "public" }, schema: { hide: true, response: { 200: Health } } },
    async () => ({ status: "ok" as const }),
  );

  app.get(
    "/readyz",
    { config: { access: "public" }, schema: { hide: true, response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      if (app.deps.lifecycle.draining) {
        return reply.status(503).send({ status: "unavailable", reason: "shutting down" });
      }
      try {
        const applied = await appliedMigrationCount(app.deps.db);
        if (applied < expected) {
          return reply
            .status(503)
            .send({ status: "unavailable", reason: `migrations pending (${applied}/${expected})` });
        }
        return { status: "ok" as const };
      } catch {
        return reply.status(503).send({ status: "unavailable", reason: "database unreachable" });
      }
    },
  );
}
