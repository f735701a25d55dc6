import { CreateLocationBody, IdParams, LocationItem, LocationList, UpdateLocationBody } from "@duka/contracts";
import { type App, ctxOf, requestMeta } from "../../lib/http.js";
import { createLocation, listLocations, updateLocation } from "./locations.service.js";

export default async function locationsRoutes(app: App) {
  const { db } = app.deps;

  app.get(
    "/locations",
    { config: { access: "locations.read" }, schema: { tags: ["locations"], response: { 200: LocationList } } },
    async (request) => ({ items: await listLocations(db, ctxOf(request)) }),
  );

  app.post(
    "/locations",
    {
      config: { access: "locations.manage" },
      schema: { tags: ["locations"], body: CreateLocationBody, response: { 201: LocationItem } },
    },
    async (request, reply) =>
      reply.status(201).send(await createLocation(db, ctxOf(request), request.body, requestMeta(request))),
  );

  app.patch(
    "/locations/:id",
    {
      config: { access: "locations.manage" },
      schema: { tags: ["locations"], params: IdParams, body: UpdateLocationBody, response: { 200: LocationItem } },
    },
    async (request) => updateLocation(db, ctxOf(request), request.params.id, request.body, requestMeta(request)),
  );
}
