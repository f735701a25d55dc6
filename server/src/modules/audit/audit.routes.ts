import { AuditPage, AuditQuery } from "@duka/contracts";
import { type App, ctxOf } from "../../lib/http.js";
import { listAudit } from "./audit.read.repository.js";

export default async function auditRoutes(app: App) {
  const { db } = app.deps;

  app.get(
    "/audit",
    {
      config: { access: "audit.read" },
      schema: { tags: ["audit"], querystring: AuditQuery, response: { 200: AuditPage } },
    },
    async (request) => listAudit(db, ctxOf(request), request.query),
  );
}
