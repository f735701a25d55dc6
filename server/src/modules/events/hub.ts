import type { WireMessage } from "./events.service.js";

/** One open event stream, as the hub sees it. */
export interface Subscriber {
  businessId: string;
  userId: string;
  /** null: every location of the business. */
  locationIds: string[] | null;
  send(id: number, type: string, data: unknown): void;
  /** The user's sessions changed: check this stream's session now. */
  recheck(): void;
}

/**
 * Fans this process's notifications out to its open streams, each seeing only its own business and,
 * for staff tied to locations, only what happened there. Ids grow per process; a client that comes
 * back with Last-Event-ID is told to refetch rather than replayed (the dashboard is a query, not a log).
 */
export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private lastId = 0;

  get size() {
    return this.subscribers.size;
  }

  add(sub: Subscriber): () => void {
    this.subscribers.add(sub);
    return () => this.subscribers.delete(sub);
  }

  nextId() {
    this.lastId += 1;
    return this.lastId;
  }

  dispatch(raw: string) {
    let message: WireMessage;
    try {
      message = JSON.parse(raw) as WireMessage;
    } catch {
      return;
    }
    if (typeof message?.b !== "string" || typeof message.t !== "string") return;
    if (message.t === "session.ended") {
      for (const sub of this.subscribers) {
        if (sub.businessId === message.b && sub.userId === message.p?.userId) sub.recheck();
      }
      return;
    }
    const id = this.nextId();
    const data = { type: message.t, locationId: message.l, ...message.p };
    for (const sub of this.subscribers) {
      if (sub.businessId !== message.b) continue;
      if (sub.locationIds && !(message.l && sub.locationIds.includes(message.l))) continue;
      sub.send(id, message.t, data);
    }
  }

  /** Everyone refetches: after a lost listening connection nobody knows what they missed. */
  resyncAll() {
    const id = this.nextId();
    for (const sub of this.subscribers) sub.send(id, "resync", {});
  }
}
