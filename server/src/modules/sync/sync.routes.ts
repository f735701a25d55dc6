import { AttentionParams, DiscardBody, Ok, Sale, SyncAttentionList, SyncBody, SyncResponse } from "@duka/contracts";
import { type App, ctxOf, requestMeta } from "../../lib/http.js";
import { acceptAttention, discardAttention, listAttention } from "./attention.service.js";
import { syncWrites } from "./sync.service.js";

/** A phone's offline queue arriving, and the writes refused on arrival ("needs attention"). */
export default async function syncRoutes(app: App) {
  const { db } = app.deps;
  const tags = ["sync"];

  app.post(
    "/sync",
    { config: { access: "session" }, schema: { tags, body: SyncBody, response: { 200: SyncResponse } } },
    async (request) => ({
      results: await syncWrites(db, ctxOf(request), request.body.items, requestMeta(request), (err) =>
        request.log.error({ err }, "a queued write failed unexpectedly"),
      ),
    }),
  );

  app.get(
    "/sync/attention",
    { config: { access: "session" }, schema: { tags, response: { 200: SyncAttentionList } } },
    async (request) => ({ items: await listAttention(db, ctxOf(request)) }),
  );

  app.post(
    "/sync/attention/:id/discard",
    {
      config: { access: "session" },
      schema: { tags, params: AttentionParams, body: DiscardBody, response: { 200: Ok } },
    },
    async (request) => {
      await discardAttention(db, ctxOf(request), request.params.id, request.body.reason, requestMeta(request));
      return { ok: true as const };
    },
  );

  app.post(
    "/sync/attention/:id/accept",
    {
      config: { access: "sync.any" },
      schema: { tags, params: AttentionParams, response: { 201: Sale } },
    },
    async (request, reply) =>
      reply.status(201).send(await acceptAttention(db, ctxOf(request), request.params.id, requestMeta(request))),
  );
}
