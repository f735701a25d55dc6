import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.js";

/** The PostgreSQL channel every server process listens on. */
export const EVENTS_CHANNEL = "duka_events";

/** Sends a NOTIFY on the events channel; delivered when the transaction commits. */
export async function notify(tx: Queryable, text: string) {
  await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${text})`);
}
