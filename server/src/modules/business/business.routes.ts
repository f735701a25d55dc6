import { BusinessResponse, FirstSteps, UpdateBusinessBody } from "@duka/contracts";
import { type App, ctxOf, requestMeta } from "../../lib/http.js";
import { firstSteps, getBusiness, updateBusiness } from "./business.service.js";

export default async function businessRoutes(app: App) {
  const { db } = app.deps;

  app.get(
    "/business",
    { config: { access: "session" }, schema: { tags: ["business"], response: { 200: BusinessResponse } } },
    async (request) => getBusiness(db, ctxOf(request)),
  );

  app.patch(
    "/business",
    {
      config: { access: "settings.manage" },
      schema: { tags: ["business"], body: UpdateBusinessBody, response: { 200: BusinessResponse } },
    },
    async (request) => updateBusiness(db, ctxOf(request), request.body, requestMeta(request)),
  );

  app.get(
    "/business/first-steps",
    {
      config: { access: "settings.manage" },
      schema: { tags: ["business"], response: { 200: FirstSteps } },
    },
    async (request) => firstSteps(db, ctxOf(request)),
  );
}
