import { useEffect, useRef } from "preact/hooks";
import { get } from "../data/endpoints";
import { createStore, useStore } from "./store";

/** What the server announces on /api/v1/events; `resync` means "you may have missed some: refetch". */
const CHANGES = [
  "sale.created",
  "sale.voided",
  "sale.refunded",
  "stock.changed",
  "customer.payment",
  "drawer.closed",
  "resync",
];
const DEBOUNCE_MS = 400;
const MAX_PAUSE_MS = 30_000;

/** Whether the stream is up: the "Live" badge. */
const liveState = createStore(false);
const listeners = new Set<() => void>();
let stop: (() => void) | undefined;

/**
 * One stream per tab, however many screens listen (the shell's badges and the dashboard). The
 * browser's EventSource retries dropped connections by itself; when it gives up (the server refused,
 * or the phone was offline too long) we open a new one with growing pauses, and at once when the
 * phone comes back online. Every change and every reconnect tells each listener, debounced: a sale
 * of ten lines is one refetch.
 */
function open(): () => void {
  let source: EventSource | undefined;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;
  let opened = false;

  const changed = () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => {
      for (const listener of listeners) listener();
    }, DEBOUNCE_MS);
  };
  const connect = () => {
    clearTimeout(retry);
    source?.close();
    if (stopped) return;
    const s = new EventSource("/api/v1/events");
    source = s;
    s.onopen = () => {
      failures = 0;
      liveState.set(true);
      // Anything that happened while we were away is in a fresh fetch, not in the stream.
      if (opened) changed();
      opened = true;
    };
    s.onerror = () => {
      liveState.set(false);
      if (s.readyState === EventSource.CLOSED) reconnectLater();
    };
    for (const type of CHANGES) s.addEventListener(type, changed);
    s.addEventListener("signedout", () => {
      s.close();
      // Any request now answers 401, which sends the app to the sign-in screen.
      void get("/me").catch(() => undefined);
    });
  };
  const reconnectLater = () => {
    source?.close();
    failures += 1;
    retry = setTimeout(connect, Math.min(MAX_PAUSE_MS, 1000 * 2 ** failures));
    // A refused stream may mean the session ended: a request finds out and shows sign-in.
    void get("/me").catch(() => undefined);
  };
  const online = () => connect();
  addEventListener("online", online);
  connect();
  return () => {
    stopped = true;
    clearTimeout(debounce);
    clearTimeout(retry);
    source?.close();
    liveState.set(false);
    removeEventListener("online", online);
  };
}

/**
 * Calls `onChange` whenever the business changes, and once after every reconnect, while the calling
 * component is mounted. Returns whether the stream is up.
 */
export function useLiveChanges(onChange: () => void): boolean {
  const callback = useRef(onChange);
  callback.current = onChange;
  useEffect(() => {
    const listener = () => callback.current();
    listeners.add(listener);
    stop ??= open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        stop?.();
        stop = undefined;
      }
    };
  }, []);
  return useStore(liveState);
}
