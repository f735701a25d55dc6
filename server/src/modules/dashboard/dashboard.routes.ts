import { DashboardQuery, DashboardResponse } from "@duka/contracts";
import { type App, ctxOf } from "../../lib/http.js";
import { getDashboard } from "./dashboard.service.js";

export default async function dashboardRoutes(app: App) {
  const { db, clock } = app.deps;
  app.get(
    "/dashboard",
    {
      config: { access: "dashboard.read" },
      schema: { tags: ["dashboard"], querystring: DashboardQuery, response: { 200: DashboardResponse } },
    },
    async (request) => getDashboard(db, ctxOf(request), request.query, clock()),
  );
}
