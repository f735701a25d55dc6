import {
  CloseBody,
  ClosesList,
  ClosesQuery,
  DaySummary,
  DaySummaryQuery,
  DrawerClose,
  DrawerQuery,
  DrawerState,
} from "@duka/contracts";
import { type App, ctxOf, requestMeta } from "../../lib/http.js";
import { daySummary, listCloses } from "./closes.read.js";
import { closeDrawer, drawerState } from "./closes.service.js";

/** Closing the day: a drawer's expected cash, its count, every close, and the day in a few lines. */
export default async function closesRoutes(app: App) {
  const { db, clock } = app.deps;
  const tags = ["closes"];

  app.get(
    "/closes/drawer",
    { config: { access: "drawers.close" }, schema: { tags, querystring: DrawerQuery, response: { 200: DrawerState } } },
    async (request) => drawerState(db, ctxOf(request), request.query, clock()),
  );

  app.post(
    "/closes",
    {
      config: { access: "drawers.close" },
      schema: { tags, body: CloseBody, response: { 200: DrawerClose, 201: DrawerClose } },
    },
    async (request, reply) => {
      const { close, replay } = await closeDrawer(db, ctxOf(request), request.body, requestMeta(request));
      return reply.status(replay ? 200 : 201).send(close);
    },
  );

  app.get(
    "/closes",
    { config: { access: "drawers.close" }, schema: { tags, querystring: ClosesQuery, response: { 200: ClosesList } } },
    async (request) => listCloses(db, ctxOf(request), request.query, clock()),
  );

  app.get(
    "/closes/day",
    {
      config: { access: "reports.read" },
      schema: { tags, querystring: DaySummaryQuery, response: { 200: DaySummary } },
    },
    async (request) => daySummary(db, ctxOf(request), request.query, clock()),
  );
}
