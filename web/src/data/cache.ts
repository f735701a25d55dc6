import type { MeResponse } from "@duka/contracts";
import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError } from "../api/client";
import { useLiveChanges } from "../lib/live";
import { db } from "./db";
import { type Args, type Endpoints, get, pathOf, type Route } from "./endpoints";

/** One cached answer and who is watching it. */
interface Slot {
  data?: unknown;
  /** When the server gave `data` (ms since the epoch). */
  at?: number;
  error?: unknown;
  /** The server could not be reached: `data`, if any, is the copy saved on the phone. */
  offline: boolean;
  pending?: Promise<void>;
  listeners: Set<() => void>;
}

/**
 * The session the cache belongs to ("user:business"). Answers are kept only for it: a new
 * session starts empty, so nothing one account loaded can show to the next on a shared phone.
 */
let scope: string | undefined;
let slots = new Map<string, Slot>();

const scopeOf = (me: MeResponse) => `${me.user.id}:${me.business.id}`;
const keyOf = (path: string) => `${scope}|${path}`;
const isNetwork = (err: unknown) => err instanceof ApiError && err.status === 0;

function slotOf(path: string): Slot {
  let slot = slots.get(path);
  if (!slot) {
    slot = { offline: false, listeners: new Set() };
    slots.set(path, slot);
  }
  return slot;
}
const notify = (slot: Slot) => {
  for (const listener of slot.listeners) listener();
};

/** Starts a session's cache; answers saved on this phone by any other session are deleted. */
export async function startScope(me: MeResponse): Promise<void> {
  const next = scopeOf(me);
  if (next !== scope) dropMemory();
  scope = next;
  const d = await db();
  if (!d) return;
  const tx = d.transaction("cache", "readwrite");
  for await (const cursor of tx.store) if (cursor.value.scope !== next) await cursor.delete();
  await tx.done;
}

const resets = new Set<() => void>();
/**
 * What a screen keeps in memory between visits (its filters, the last location chosen, a badge's
 * count) is forgotten with the session's answers: the next person on a shared phone starts clean.
 */
export function forgetWithSession(reset: () => void): void {
  resets.add(reset);
}

/** Forgets every answer held in memory (the session ended; the phone's copy stays for its owner). */
export function dropMemory(): void {
  for (const reset of resets) reset();
  const old = slots;
  slots = new Map();
  scope = undefined;
  for (const slot of old.values()) {
    slot.data = undefined;
    slot.error = undefined;
    notify(slot);
  }
}

/** Signing out: nothing of this business stays on the phone, in memory or saved. */
export async function forgetAll(): Promise<void> {
  dropMemory();
  const d = await db();
  await d?.clear("cache");
}

async function saved(path: string): Promise<{ value: unknown; at: number } | undefined> {
  const d = await db();
  return d?.get("cache", keyOf(path));
}

/**
 * Asks the server for a route's answer (one request however many screens ask at once), keeps it
 * and saves it on the phone. Out of reach, the saved copy stands in, marked offline with its age.
 */
export function load<R extends Route>(route: R, args?: Args<R>): Promise<void> {
  const path = pathOf(route, args);
  const slot = slotOf(path);
  const owner = scope;
  slot.pending ??= (async () => {
    try {
      const value = await get(route, args);
      if (owner !== scope) return;
      Object.assign(slot, { data: value, at: Date.now(), error: undefined, offline: false });
      if (owner) void db().then((d) => d?.put("cache", { key: keyOf(path), scope: owner, value, at: slot.at ?? 0 }));
    } catch (err) {
      if (owner !== scope) return;
      if (!isNetwork(err)) Object.assign(slot, { error: err, offline: false });
      else {
        slot.offline = true;
        const copy = slot.data === undefined ? await saved(path) : undefined;
        if (copy) Object.assign(slot, { data: copy.value, at: copy.at, error: undefined });
        else if (slot.data === undefined) slot.error = err;
      }
    } finally {
      slot.pending = undefined;
      notify(slot);
    }
  })();
  return slot.pending;
}

/** The answer of a route as it is now in the cache (undefined if not loaded yet). */
export function peek<R extends Route>(route: R, args?: Args<R>): Endpoints[R] | undefined {
  return slots.get(pathOf(route, args))?.data as Endpoints[R] | undefined;
}

/** Replaces a cached answer after a change made here (a saved setting), without asking again. */
export function put<R extends Route>(route: R, value: Endpoints[R], args?: Args<R>): void {
  const path = pathOf(route, args);
  const slot = slotOf(path);
  Object.assign(slot, { data: value, at: Date.now(), error: undefined });
  const owner = scope;
  if (owner) void db().then((d) => d?.put("cache", { key: keyOf(path), scope: owner, value, at: slot.at ?? 0 }));
  notify(slot);
}

/** Asks again for every cached answer of a route, whatever its parameters (after a change made here). */
export function refresh(route: Route): void {
  const base = route.split(":")[0] ?? route;
  for (const [path, slot] of slots)
    if (path === route || path.startsWith(`${route}?`) || (base !== route && path.startsWith(base)))
      if (slot.listeners.size > 0 || slot.data !== undefined) void refetch(path);
}

async function refetch(path: string): Promise<void> {
  const [route, qs] = path.split("?");
  const query = Object.fromEntries(new URLSearchParams(qs ?? ""));
  // The path is already concrete: asking for it as a route without parameters names the same key.
  await load(route as "/me", { query });
}

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  /** When the data was fetched; with `offline`, the age a screen shows ("prices as of 09:12"). */
  at?: number;
  offline: boolean;
  reload: () => void;
}

/**
 * A route's answer for a screen: from the cache at once when there is one, fetched when there is
 * not, and fetched again whenever the live stream says the business changed.
 */
export function useData<R extends Route>(route: R, args?: Args<R>, enabled = true): Loaded<Endpoints[R]> {
  const path = pathOf(route, args);
  const [, bump] = useState(0);
  const rerender = useCallback(() => bump((n) => n + 1), []);
  useEffect(() => {
    if (!enabled) return;
    const slot = slotOf(path);
    slot.listeners.add(rerender);
    if (slot.data === undefined && !slot.pending) void load(route, args);
    return () => slot.listeners.delete(rerender);
  }, [path, enabled, scope]);
  useLiveChanges(() => {
    if (enabled) void load(route, args);
  });
  const slot = slots.get(path);
  return {
    data: enabled ? (slot?.data as Endpoints[R] | undefined) : undefined,
    error: slot?.error,
    loading: enabled && slot?.data === undefined && slot?.error === undefined,
    at: slot?.at,
    offline: slot?.offline ?? false,
    reload: () => void load(route, args),
  };
}
