import { DashboardQuery, DashboardResponse } from "@duka/contracts";
import { type App, ctxOf } from "../../lib/http.js";
import { present } from "../auth/policy.js";
import { getDashboard } from "./dashboard.service.js";

export default async function dashboardRoutes(app: App) {
  const { db, clock } = app.deps;
  app.get(
    "/dashboard",
    {
      config: { access: "dashboard.read" },
      schema: { tags: ["dashboard"], querystring: DashboardQuery, response: { 200: DashboardResponse } },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return present(ctx, "dashboard", await getDashboard(db, ctx, request.query, clock()));
    },
  );
}
