/**
 * AIMD concurrency (as TCP does): halve the number of requests in flight when Graph throttles,
 * add one per clean answer up to a ceiling. Graph's limits differ per tenant and per workload and
 * are not published as numbers the client could trust, so the client learns them as it goes.
 */
export interface LimiterHistory {
  readonly cuts: number;
  readonly climbs: number;
  readonly peak: number;
  readonly lowest: number;
}

export class AdaptiveLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private lastCut = -Infinity;
  private cuts = 0;
  private climbs = 0;
  private peak: number;
  private lowest: number;
  limit: number;

  constructor(
    readonly ceiling: number,
    start = Math.min(4, ceiling),
    /** Throttled answers of one burst are one signal: cut at most once per cool-down. */
    private readonly coolDownMs = 250,
    private readonly now: () => number = Date.now,
  ) {
    if (!(ceiling >= 1)) throw new RangeError("The concurrency ceiling must be at least 1");
    this.limit = Math.max(1, Math.min(ceiling, start));
    this.peak = this.limit;
    this.lowest = this.limit;
  }

  get inFlight(): number {
    return this.running;
  }

  async acquire(): Promise<void> {
    while (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
  }

  release(): void {
    this.running--;
    this.wake();
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  throttled(): void {
    const now = this.now();
    if (now - this.lastCut < this.coolDownMs) return;
    this.lastCut = now;
    const next = Math.max(1, Math.floor(this.limit / 2));
    if (next < this.limit) this.cuts++;
    this.limit = next;
    this.lowest = Math.min(this.lowest, this.limit);
  }

  clean(): void {
    if (this.limit >= this.ceiling) return;
    this.limit++;
    this.climbs++;
    this.peak = Math.max(this.peak, this.limit);
    this.wake();
  }

  history(): LimiterHistory {
    return { cuts: this.cuts, climbs: this.climbs, peak: this.peak, lowest: this.lowest };
  }

  private wake(): void {
    // Wake as many waiters as there are free slots; each re-checks the limit itself.
    for (let free = this.limit - this.running; free > 0 && this.waiting.length > 0; free--) this.waiting.shift()?.();
  }
}
