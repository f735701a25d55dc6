import type { FastifyBaseLogger } from "fastify";
import pg from "pg";
import type { Database } from "../../db/client.js";
import { EVENTS_CHANNEL } from "./events.service.js";

export interface ListenerHandlers {
  message(payload: string): void;
  /** The connection came back after a drop: notifications may have been missed meanwhile. */
  reconnected(): void;
}

export interface Listener {
  close(): Promise<void>;
}

/**
 * The one LISTEN connection of this process. On PostgreSQL a dedicated client outside the pool (a
 * pooled connection would be handed to queries and lose its LISTEN); it reconnects with growing
 * pauses when the database or network drops it. The embedded database listens in-process.
 */
export async function startListener(
  database: Database,
  handlers: ListenerHandlers,
  log: FastifyBaseLogger,
): Promise<Listener> {
  if (database.pglite) {
    const unlisten = await database.pglite.listen(EVENTS_CHANNEL, handlers.message);
    return {
      close: async () => {
        if (!database.pglite?.closed) await unlisten();
      },
    };
  }
  if (!database.url) throw new Error("a PostgreSQL database without a URL cannot listen");
  return listenPostgres(database.url, handlers, log);
}

const MAX_PAUSE_MS = 30_000;

async function listenPostgres(url: string, handlers: ListenerHandlers, log: FastifyBaseLogger): Promise<Listener> {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let failures = 0;

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000, keepAlive: true });
    c.on("notification", (n) => {
      if (n.channel === EVENTS_CHANNEL && n.payload) handlers.message(n.payload);
    });
    c.on("error", () => undefined); // "end" follows and schedules the reconnect
    c.on("end", () => {
      if (client === c) client = undefined;
      if (!closed) schedule();
    });
    await c.connect();
    await c.query(`LISTEN ${EVENTS_CHANNEL}`);
    if (closed) {
      await c.end();
      return;
    }
    client = c;
  }

  function schedule() {
    if (closed || retry) return;
    const pause = Math.min(MAX_PAUSE_MS, 500 * 2 ** failures);
    failures += 1;
    log.warn({ pauseMs: pause }, "live updates: the listening connection dropped; reconnecting");
    retry = setTimeout(() => {
      retry = undefined;
      connect().then(
        () => {
          failures = 0;
          log.info("live updates: listening again");
          handlers.reconnected();
        },
        () => schedule(),
      );
    }, pause);
    retry.unref();
  }

  await connect();
  return {
    close: async () => {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
