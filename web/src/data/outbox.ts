import type { CreateCustomerBody, CreateSaleBody, RepaymentBody, SyncItem, SyncResponse } from "@duka/contracts";
import { ApiError } from "../api/client";
import { createStore } from "../lib/store";
import { type Catalogue, catalogueKey, refreshCatalogue, tillLocation } from "./catalogue";
import { db, type OutboxEntry, type SaleLabels } from "./db";
import { send as write } from "./endpoints";

/** Who is signed in on this phone: only their queued writes are counted and sent. */
let owner: { userId: string; businessId: string } | undefined;

/**
 * What waits to be sent, for the shell: how many of each kind, the oldest, and how many the server
 * refused. Sales, payments and new customers are counted apart, so "Not sent yet: 5 sales, 1 new
 * customer" says what a shop owner would count, and hides nothing.
 */
export interface Pending {
  count: number;
  sales: number;
  payments: number;
  customers: number;
  oldest: string | null;
  attention: number;
}
const NOTHING: Pending = { count: 0, sales: 0, payments: 0, customers: 0, oldest: null, attention: 0 };
export const pending = createStore<Pending>(NOTHING);

async function mine(): Promise<OutboxEntry[]> {
  const d = await db();
  if (!d || !owner) return [];
  const rows = await d.getAllFromIndex("outbox", "user", owner.userId);
  return rows.filter((r) => r.businessId === owner?.businessId).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

export async function recount(): Promise<void> {
  const rows = await mine();
  const queued = rows.filter((r) => r.state === "queued");
  const of = (kind: OutboxEntry["kind"]) => queued.filter((r) => r.kind === kind).length;
  pending.set({
    count: queued.length,
    sales: of("sale"),
    payments: of("repayment"),
    customers: of("customer"),
    oldest: queued[0]?.recordedAt ?? null,
    attention: rows.filter((r) => r.state === "attention").length,
  });
}

export async function queuedEntries(): Promise<OutboxEntry[]> {
  return mine();
}

/** A short code for this phone ("K7Q"), made once: the first part of its provisional receipt numbers. */
const CODE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const newCode = () =>
  [...crypto.getRandomValues(new Uint8Array(3))].map((b) => CODE_CHARS[b % CODE_CHARS.length]).join("");

type Effect = (catalogue: Catalogue) => void;

/**
 * Stores a write in the outbox and its effect on the phone's copy of the catalogue (stock down,
 * a balance up) in one IndexedDB transaction: both happen, or neither.
 */
async function enqueue(entry: Omit<OutboxEntry, "userId" | "businessId" | "state" | "recordedAt">, effect?: Effect) {
  const d = await db();
  if (!d || !owner) throw new ApiError(0, "network", "The server could not be reached.");
  const tx = d.transaction(["outbox", "meta", "cache"], "readwrite");
  const meta = tx.objectStore("meta");
  let provisional: string | undefined;
  if (entry.kind === "sale") {
    const code = ((await meta.get("deviceCode")) as string | undefined) ?? newCode();
    const counter = (((await meta.get("counter")) as number | undefined) ?? 0) + 1;
    await meta.put(code, "deviceCode");
    await meta.put(counter, "counter");
    provisional = `${code}-${counter}`;
  }
  const recordedAt = new Date().toISOString();
  const body =
    entry.kind === "sale" ? { ...(entry.body as CreateSaleBody), offline: { recordedAt, provisional } } : entry.body;
  const row: OutboxEntry = {
    ...entry,
    body,
    ...owner,
    recordedAt,
    state: "queued",
    ...(provisional ? { provisional } : {}),
  };
  await tx.objectStore("outbox").add(row);
  const key = catalogueKey();
  const saved = key ? await tx.objectStore("cache").get(key) : undefined;
  if (saved && effect) {
    effect(saved.value as Catalogue);
    await tx.objectStore("cache").put(saved);
  }
  await tx.done;
  void recount();
  schedule(0);
  return { provisional: provisional ?? "", recordedAt };
}

const less = (a: number, b: number) => Math.round((a - b) * 1000) / 1000;

/**
 * A sale kept on the phone: its stock comes off the copy, at the location it sells from and in the
 * user's total, and a credit sale goes on the customer's balance.
 */
export function queueSale(body: CreateSaleBody, total: number, labels?: SaleLabels) {
  return enqueue({ id: body.id, kind: "sale", body, ...(labels ? { labels } : {}) }, (c) => {
    const at = tillLocation(c.locations, body.locationId ?? "");
    for (const line of body.lines) {
      const p = c.products.find((x) => x.id === line.productId);
      if (!p) continue;
      p.stock = less(p.stock, line.quantity);
      if (at && p.stockAt) p.stockAt[at] = less(p.stockAt[at] ?? 0, line.quantity);
    }
    const customer = body.customerId ? c.customers.find((x) => x.id === body.customerId) : undefined;
    if (customer && body.payment.method === "credit") customer.balance += total;
  });
}

export function queueCustomer(body: CreateCustomerBody & { id: string }) {
  return enqueue({ id: body.id, kind: "customer", body }, (c) => {
    c.customers.push({
      id: body.id,
      name: body.name,
      phone: body.phone ?? null,
      balance: 0,
      creditLimit: body.creditLimit ?? null,
      archived: false,
    });
  });
}

export function queueRepayment(customerId: string, body: RepaymentBody & { id: string }) {
  return enqueue({ id: body.id, kind: "repayment", body: { customerId, ...body } }, (c) => {
    const customer = c.customers.find((x) => x.id === customerId);
    if (customer) customer.balance -= body.amount;
  });
}

const BATCH = 200;
const SYNC_TIMEOUT_MS = 180_000;
/** A queued entry as the sync item it was stored from (the phone wrote it; the server checks it). */
const itemOf = (e: OutboxEntry): SyncItem => {
  if (e.kind === "repayment") {
    const { customerId, ...body } = e.body as RepaymentBody & { customerId: string; id: string };
    return { kind: e.kind, customerId, body };
  }
  return { kind: e.kind, body: e.body } as SyncItem;
};

/** What the server answered for sales sent from here: the real receipt number by the sale's id. */
export const synced = createStore<Record<string, number>>({});

/**
 * Sends this user's queue in the order it was made, one tab at a time. An entry leaves only when the
 * server confirms it (201, or 200 for a replay); a refusal (4xx) stays as needing attention with the
 * server's message; a network error, a 5xx or "not tried" keeps it for the next try.
 * Returns whether everything queued was sent.
 */
export async function sendNow(): Promise<boolean> {
  let sent = 0;
  const send = async () => {
    for (;;) {
      const batch = (await mine()).filter((e) => e.state === "queued").slice(0, BATCH);
      if (batch.length === 0) return true;
      sent += batch.length;
      let answer: SyncResponse;
      try {
        // A batch of 200 sales takes the server a while on a small machine: a long wait is not a failure.
        answer = await write("POST /sync", { body: { items: batch.map(itemOf) }, timeoutMs: SYNC_TIMEOUT_MS });
      } catch {
        return false;
      }
      const d = await db();
      if (!d) return false;
      const tx = d.transaction("outbox", "readwrite");
      let stop = false;
      for (const [i, result] of answer.results.entries()) {
        const entry = batch[i];
        if (!entry?.seq || result.id !== entry.id) continue;
        if (result.status === 200 || result.status === 201) {
          await tx.store.delete(entry.seq);
          if (result.result?.number !== undefined) synced.set({ ...synced.get(), [entry.id]: result.result.number });
        } else if (result.status >= 400 && result.status < 500) {
          const error = { status: result.status, code: result.error?.code ?? "", message: result.error?.message ?? "" };
          await tx.store.put({ ...entry, state: "attention", error });
        } else stop = true;
      }
      await tx.done;
      await recount();
      if (stop) return false;
    }
  };
  try {
    // One tab sends at a time: a second one waiting its turn then finds the queue already sent.
    const ok = navigator.locks ? await navigator.locks.request("duka-outbox", send) : await send();
    if (ok) retries = 0;
    // What was sent is now in the server's figures, with other phones' sales: the saved copy
    // (stock, balances) is fetched again rather than kept as this phone worked it out.
    if (ok && sent > 0) void refreshCatalogue().catch(() => undefined);
    return ok;
  } finally {
    await recount();
  }
}

/** "Send again" or "fix and send again": the entry, changed or not, goes back in the queue at its place. */
export async function resend(seq: number, fixed?: { body: unknown; labels?: SaleLabels | undefined }): Promise<void> {
  const d = await db();
  const entry = await d?.get("outbox", seq);
  if (!d || !entry) return;
  const { error: _, ...rest } = entry;
  await d.put("outbox", { ...rest, ...fixed, state: "queued" });
  await recount();
  schedule(0);
}

/** Takes an entry off this phone, once the server has written the discard and its reason. */
export async function forget(seq: number): Promise<void> {
  await (await db())?.delete("outbox", seq);
  await recount();
}

let timer: ReturnType<typeof setTimeout> | undefined;
let retries = 0;
/** The next try: at once after a change, then 1 s, 2 s, 4 s… up to a minute while it keeps failing. */
function schedule(delay?: number) {
  if (!owner) return;
  clearTimeout(timer);
  const wait = delay ?? Math.min(60_000, 1000 * 2 ** retries);
  timer = setTimeout(async () => {
    const ok = await sendNow().catch(() => false);
    if (ok) return;
    retries += 1;
    schedule();
  }, wait);
}

const wake = () => {
  retries = 0;
  schedule(0);
};
const onVisible = () => {
  if (document.visibilityState === "visible") wake();
};

/** Whether the browser promised to keep the phone's data (false: it may clear it when short of space). */
export const storagePersisted = createStore<boolean | null>(null);

/** Starts sending for the user who signed in: now, when the network returns, and on focus. */
export function startOutbox(user: { userId: string; businessId: string }): void {
  owner = user;
  navigator.storage?.persist?.().then(
    (granted) => storagePersisted.set(granted),
    () => storagePersisted.set(false),
  );
  addEventListener("online", wake);
  addEventListener("focus", wake);
  document.addEventListener("visibilitychange", onVisible);
  void recount();
  wake();
}

/** Stops sending (signed out or the session ended): the queue waits for the same user. */
export function stopOutbox(): void {
  owner = undefined;
  clearTimeout(timer);
  removeEventListener("online", wake);
  removeEventListener("focus", wake);
  document.removeEventListener("visibilitychange", onVisible);
  pending.set(NOTHING);
}
