import type { Queryable, Tx } from "../../db/client.js";
import type { Ctx } from "../../lib/context.js";

import { EVENTS_CHANNEL, notify } from "./events.repository.js";

export { EVENTS_CHANNEL };

/** What changed, for open dashboards and screens to refetch. */
export type EventType =
  | "sale.created"
  | "sale.voided"
  | "sale.refunded"
  | "stock.changed"
  | "customer.payment"
  | "drawer.closed";

export interface DukaEvent {
  type: EventType;
  /** Where it happened; staff restricted to locations only hear about theirs. Omitted: business-wide. */
  locationId?: string | null;
  /** Small facts the screen may use (ids, amounts); keep it well under PostgreSQL's 8 KB payload limit. */
  payload?: Record<string, string | number | boolean | null>;
}

/** The message on the wire between processes; short keys keep NOTIFY payloads small. */
export interface WireMessage {
  b: string;
  t: EventType | "session.ended";
  l: string | null;
  p: Record<string, unknown>;
}

/** The NOTIFY payload of an event, for writers that notify inside their own statement (a sale). */
export function eventText(businessId: string, event: DukaEvent): string {
  const message: WireMessage = { b: businessId, t: event.type, l: event.locationId ?? null, p: event.payload ?? {} };
  return JSON.stringify(message);
}

/** What each open transaction has already announced: PostgreSQL would fold the repeats anyway. */
const announced = new WeakMap<Tx, Set<string>>();

/**
 * Announces a change to every open stream of the business, on every server process. Call it with the
 * transaction that makes the change: PostgreSQL delivers NOTIFY only when that transaction commits,
 * so a rolled-back sale is never announced and a committed one always is. Identical messages in one
 * transaction are delivered once (a sale moving stock on ten lines is one "stock.changed").
 */
export async function publish(tx: Tx, scope: Pick<Ctx, "businessId"> | string, event: DukaEvent) {
  const text = eventText(typeof scope === "string" ? scope : scope.businessId, event);
  const seen = announced.get(tx) ?? new Set<string>();
  if (seen.has(text)) return;
  await notify(tx, text);
  seen.add(text);
  announced.set(tx, seen);
}

/** Tells every process that a user's sessions changed (logout, password change, switched off): their streams re-check now. */
export async function publishSessionEnded(tx: Queryable, businessId: string, userId: string) {
  const message: WireMessage = { b: businessId, t: "session.ended", l: null, p: { userId } };
  await notify(tx, JSON.stringify(message));
}
