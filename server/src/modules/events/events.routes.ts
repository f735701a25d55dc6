import { z } from "zod";
import { type App, ctxOf } from "../../lib/http.js";
import { isSessionLive } from "../auth/sessions.service.js";
import { EventHub } from "./hub.js";
import { startListener } from "./listener.js";

/**
 * GET /events: a server-sent-events stream of what changes in the signed-in user's business. Each
 * process holds one LISTEN connection and a hub; streams subscribe to the hub.
 */
export default async function eventsRoutes(app: App) {
  const { database, db, clock, config } = app.deps;
  const hub = new EventHub();
  const listener = await startListener(
    database,
    { message: (payload) => hub.dispatch(payload), reconnected: () => hub.resyncAll() },
    app.log,
  );
  const closers = new Set<() => void>();
  // Open streams would keep the server from closing: end them first, then stop listening.
  const endAll = () => {
    for (const close of [...closers]) close();
  };
  // Draining: the browsers reconnect (after `retry`) through the load balancer, to another server.
  app.deps.lifecycle.onDrain(endAll);
  app.addHook("preClose", async () => endAll());
  app.addHook("onClose", async () => listener.close());

  const heartbeatMs = config.EVENTS_HEARTBEAT_SECONDS * 1000;
  const policy = { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS };

  app.get(
    "/events",
    {
      config: { access: "dashboard.read" },
      schema: {
        tags: ["dashboard"],
        description:
          "Server-sent events (text/event-stream): sale.created, sale.voided, sale.refunded, stock.changed, " +
          "customer.payment; `resync` asks the client to refetch; `signedout` precedes the end of the stream.",
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-store, no-transform",
        connection: "keep-alive",
        // Proxies such as nginx would otherwise hold events back in a buffer.
        "x-accel-buffering": "no",
        "x-content-type-options": "nosniff",
        "x-request-id": request.id,
      });
      const write = (text: string) => {
        if (!res.writableEnded) res.write(text);
      };
      // Clients wait 3 s before reconnecting; a client that missed events refetches instead of replaying.
      write("retry: 3000\n\n");
      if (request.headers["last-event-id"] !== undefined) write(`id: ${hub.nextId()}\nevent: resync\ndata: {}\n\n`);
      else write(": connected\n\n");

      let checking = false;
      const check = async () => {
        if (checking || res.writableEnded) return;
        checking = true;
        try {
          if (!(await isSessionLive(db, ctx, clock(), policy))) {
            write(`event: signedout\ndata: {}\n\n`);
            close();
          }
        } catch (err) {
          request.log.warn({ err }, "live updates: could not re-check the session");
        } finally {
          checking = false;
        }
      };
      const timer = setInterval(() => {
        write(": keep-alive\n\n");
        void check();
      }, heartbeatMs);
      const unsubscribe = hub.add({
        businessId: ctx.businessId,
        userId: ctx.userId,
        locationIds: ctx.locationIds,
        send: (id, type, data) => write(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`),
        recheck: () => void check(),
      });
      const close = () => {
        clearInterval(timer);
        unsubscribe();
        closers.delete(close);
        if (!res.writableEnded) res.end();
      };
      closers.add(close);
      request.raw.on("close", close);
    },
  );
}
