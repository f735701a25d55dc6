/** One server-sent event as a browser's EventSource would see it; comments kept for heartbeat checks. */
export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/**
 * A server-sent-events stream read over real HTTP (app.inject cannot stream): open it on a
 * listening server, then wait for events by type.
 */
export class SseStream {
  readonly events: SseEvent[] = [];
  readonly comments: string[] = [];
  ended = false;
  private buffer = "";
  private waiters: (() => void)[] = [];

  private constructor(
    readonly status: number,
    private readonly abort: AbortController,
  ) {}

  static async open(baseUrl: string, cookie: string, headers: Record<string, string> = {}): Promise<SseStream> {
    const abort = new AbortController();
    const res = await fetch(`${baseUrl}/api/v1/events`, { headers: { cookie, ...headers }, signal: abort.signal });
    const stream = new SseStream(res.status, abort);
    if (!res.body || res.status !== 200) {
      stream.ended = true;
      await res.body?.cancel();
      return stream;
    }
    void stream.pump(res.body);
    return stream;
  }

  private async pump(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body) this.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // aborted by close()
    }
    this.ended = true;
    this.wake();
  }

  private feed(text: string) {
    this.buffer += text;
    let cut = this.buffer.indexOf("\n\n");
    while (cut >= 0) {
      const block = this.buffer.slice(0, cut);
      this.buffer = this.buffer.slice(cut + 2);
      const event: SseEvent = { event: "message", data: "" };
      let isEvent = false;
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) this.comments.push(line.slice(1).trim());
        else if (line.startsWith("id: ")) event.id = line.slice(4);
        else if (line.startsWith("event: ")) {
          event.event = line.slice(7);
          isEvent = true;
        } else if (line.startsWith("data: ")) {
          event.data = line.slice(6);
          isEvent = true;
        }
      }
      if (isEvent) this.events.push(event);
      cut = this.buffer.indexOf("\n\n");
    }
    this.wake();
  }

  private wake() {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  /** Resolves when `ready()` holds, or fails after the timeout with what did arrive. */
  async until<T>(ready: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = ready();
      if (value) return value;
      if (this.ended) throw new Error(`stream ended before ${what}; got ${JSON.stringify(this.events)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${timeoutMs} ms; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** The next event of this type not yet taken. */
  next(type: string, timeoutMs?: number) {
    return this.until(() => this.events.find((e) => e.event === type), `"${type}" event`, timeoutMs);
  }

  ofType(type: string) {
    return this.events.filter((e) => e.event === type).map((e) => JSON.parse(e.data) as Record<string, unknown>);
  }

  close() {
    this.abort.abort();
  }
}
