/**
 * The process's shutdown state, shared with the routes that care. Draining starts on SIGTERM:
 * /readyz answers 503 so the load balancer stops sending requests, responses ask clients to close
 * their keep-alive connections, and live streams end so their browsers reconnect to another server.
 */
export class Lifecycle {
  private state = false;
  private readonly listeners = new Set<() => void>();

  get draining(): boolean {
    return this.state;
  }

  /** Runs fn when draining starts; returns the way to stop listening. */
  onDrain(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  drain(): void {
    if (this.state) return;
    this.state = true;
    for (const fn of [...this.listeners]) fn();
  }
}
