import type { MeResponse } from "@duka/contracts";
import { type DBSchema, type IDBPDatabase, openDB } from "idb";

/** A cached answer: which session it belongs to, what it is, and when the server gave it. */
export interface CachedEntry {
  key: string;
  scope: string;
  value: unknown;
  at: number;
}

/** What a queued sale's lines and customer were called at the till (the body holds only ids). */
export interface SaleLabels {
  products: Record<string, { name: string; unit: string }>;
  customer?: { id: string; name: string; phone: string | null; balance: number } | undefined;
}

/** A write made on this phone that the server has not confirmed yet. */
export interface OutboxEntry {
  /** The order entries were made in; they are sent in this order. */
  seq?: number;
  /** The client-made id the server keys the write by (replays answer the first result). */
  id: string;
  kind: "sale" | "customer" | "repayment";
  /** Only this user's session sends it. */
  userId: string;
  businessId: string;
  body: unknown;
  /** The phone's time when it was made. */
  recordedAt: string;
  /** Provisional receipt number for a sale: device code and counter, e.g. "K7Q-12". */
  provisional?: string;
  /** A sale's words as the till showed them, for the list and for fixing it: names by product id. */
  labels?: SaleLabels;
  state: "queued" | "attention";
  error?: { status: number; code: string; message: string };
}

interface DukaDB extends DBSchema {
  cache: { key: string; value: CachedEntry; indexes: { scope: string } };
  session: { key: string; value: { me: MeResponse; at: number } };
  outbox: { key: number; value: OutboxEntry; indexes: { id: string; user: string } };
  meta: { key: string; value: unknown };
}

let opened: Promise<IDBPDatabase<DukaDB> | undefined> | undefined;

/**
 * The phone's own database: cached answers, the last session, and the outbox. Undefined where the
 * browser gives none (private windows in some browsers): the app then works online only.
 */
export function db(): Promise<IDBPDatabase<DukaDB> | undefined> {
  opened ??= openDB<DukaDB>("duka", 1, {
    upgrade(d) {
      d.createObjectStore("cache", { keyPath: "key" }).createIndex("scope", "scope");
      d.createObjectStore("session");
      const outbox = d.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true });
      outbox.createIndex("id", "id", { unique: true });
      outbox.createIndex("user", "userId");
      d.createObjectStore("meta");
    },
  }).catch(() => undefined);
  return opened;
}
