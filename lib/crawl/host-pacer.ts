/**
 * Politeness: at most `concurrency` requests in flight, and request starts to one host spaced by at least `delayMs`.
 * A job runs one site, so one pacer serves one crawl; the clock and the sleep are injected so tests need no waiting.
 * Decides when a request may start; not which requests are made.
 */

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class HostPacer {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly nextStart = new Map<string, number>();

  constructor(
    private readonly concurrency: number,
    private delayMs: number,
    private readonly clock: PacerClock = realClock,
  ) {}

  /** Raises the spacing (a robots.txt Crawl-delay larger than ours). */
  atLeast(delayMs: number): void {
    if (delayMs > this.delayMs) this.delayMs = delayMs;
  }

  get delay(): number {
    return this.delayMs;
  }

  /** Runs `task` when a slot is free and the host's spacing has passed. */
  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    while (this.inFlight >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    try {
      const at = this.nextStart.get(host) ?? 0;
      const now = this.clock.now();
      // Reserve this start before sleeping, so concurrent callers queue behind it.
      const start = Math.max(now, at);
      this.nextStart.set(host, start + this.delayMs);
      if (start > now) await this.clock.sleep(start - now);
      return await task();
    } finally {
      this.inFlight--;
      this.waiting.shift()?.();
    }
  }
}
