import { randomUUID } from "node:crypto";
import { call, type Shop, saleBody } from "./shop.js";
import { percentile, round } from "./util.js";

export interface LiveResult {
  samples: number;
  p50: number;
  p95: number;
  max: number;
}

/**
 * Live updates: the owner's event stream is open (as the dashboard holds it) while a staff member
 * records sales one at a time; each sample is the time from sending the sale to its `sale.created`
 * event arriving on the owner's stream. That includes recording the sale itself, so it is an upper
 * bound on "committed → on the owner's screen".
 */
export async function liveLatency(base: string, shop: Shop, samples = 20): Promise<LiveResult> {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/v1/events`, {
    headers: { cookie: shop.ownerCookie, accept: "text/event-stream" },
    signal: abort.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`event stream answered ${res.status}`);
  const waiting = new Map<string, (at: number) => void>();
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const at = performance.now();
        if (message.includes("event: sale.created")) {
          const data = message.split("\n").find((l) => l.startsWith("data: "));
          const saleId = data ? (JSON.parse(data.slice(6)) as { saleId?: string }).saleId : undefined;
          if (saleId) waiting.get(saleId)?.(at);
        }
        end = buffer.indexOf("\n\n");
      }
    }
  })().catch(() => undefined);

  const times: number[] = [];
  const cookie = shop.staffCookies[0] as string;
  for (let i = 0; i < samples; i++) {
    const id = randomUUID();
    const arrived = new Promise<number>((resolve, reject) => {
      waiting.set(id, resolve);
      setTimeout(() => reject(new Error(`no sale.created event for sale ${id} within 5 s`)), 5000).unref();
    });
    const sent = performance.now();
    const answer = await call(base, "POST", "/sales", saleBody(shop.productIds, id), cookie);
    if (answer.status !== 201) throw new Error(`sale answered ${answer.status}`);
    times.push((await arrived) - sent);
    waiting.delete(id);
  }
  abort.abort();
  await reading;
  return {
    samples,
    p50: round(percentile(times, 50), 1),
    p95: round(percentile(times, 95), 1),
    max: round(Math.max(...times), 1),
  };
}
