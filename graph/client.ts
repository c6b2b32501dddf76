/**
 * The Graph client the sweep is given (never a global): GET with paging, and JSON batching in
 * groups of at most 20 with every inner status checked. Inner and whole-batch 429/503/504 are
 * retried after their own Retry-After; concurrency adapts (halves on throttling, climbs by one on
 * clean batches) instead of trusting a fixed number.
 */
export interface BatchRequest {
  readonly id: string;
  readonly url: string;
}

export interface BatchResponse {
  readonly id: string;
  readonly status: number;
  readonly body: unknown;
}

export interface GraphClient {
  getAll<T>(url: string): Promise<T[]>;
  batch(requests: readonly BatchRequest[]): Promise<BatchResponse[]>;
}

export class GraphRequestError extends Error {
  override readonly name = "GraphRequestError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchClientOptions {
  /** e.g. https://graph.microsoft.com (the /v1.0 is added). */
  readonly baseUrl: string;
  readonly getToken: () => Promise<string>;
  readonly maxConcurrency?: number;
  readonly maxRetries?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onThrottle?: (concurrency: number) => void;
}

const RETRYABLE = new Set([429, 503, 504]);
export const MAX_BATCH = 20;

export class AdaptiveLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  limit: number;
  constructor(
    readonly ceiling: number,
    start = Math.min(4, ceiling),
  ) {
    this.limit = Math.max(1, start);
  }
  async run<T>(task: () => Promise<T>): Promise<T> {
    while (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
  /** One cut per cool-down: the throttled answers of one burst are one signal, not many. */
  private lastCut = -Infinity;
  throttled(now = Date.now(), coolDownMs = 250): void {
    if (now - this.lastCut < coolDownMs) return;
    this.lastCut = now;
    this.limit = Math.max(1, Math.floor(this.limit / 2));
  }
  clean(): void {
    if (this.limit < this.ceiling) {
      this.limit++;
      this.waiting.shift()?.();
    }
  }
}

function retryAfterMs(headers: Headers | Record<string, string> | undefined): number {
  const value =
    headers instanceof Headers ? headers.get("retry-after") : (headers?.["Retry-After"] ?? headers?.["retry-after"]);
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
}

export function createFetchClient(
  options: FetchClientOptions,
): GraphClient & { limiter: AdaptiveLimiter; requests: () => number } {
  const root = options.baseUrl.replace(/\/$/, "") + "/v1.0";
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 8;
  const limiter = new AdaptiveLimiter(options.maxConcurrency ?? 8);
  let requests = 0;

  async function send(url: string, init: RequestInit = {}): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      requests++;
      const response = await fetch(url, {
        ...init,
        headers: { authorization: `Bearer ${await options.getToken()}`, "content-type": "application/json" },
      });
      if (!RETRYABLE.has(response.status) || attempt >= maxRetries) return response;
      limiter.throttled();
      options.onThrottle?.(limiter.limit);
      await sleep(retryAfterMs(response.headers));
    }
  }

  return {
    limiter,
    requests: () => requests,
    async getAll<T>(path: string): Promise<T[]> {
      const items: T[] = [];
      let next: string | undefined = path.startsWith("http") ? path : root + path;
      while (next) {
        const response = await send(next);
        if (!response.ok) throw new GraphRequestError(response.status, `GET ${next}: ${response.status}`);
        const page = (await response.json()) as { value: T[]; "@odata.nextLink"?: string };
        items.push(...page.value);
        next = page["@odata.nextLink"];
      }
      return items;
    },
    async batch(batchRequests: readonly BatchRequest[]): Promise<BatchResponse[]> {
      if (batchRequests.length > MAX_BATCH) throw new RangeError(`A Graph batch holds at most ${MAX_BATCH} requests`);
      const done = new Map<string, BatchResponse>();
      let pending = [...batchRequests];
      for (let attempt = 0; pending.length > 0; attempt++) {
        const response = await limiter.run(() =>
          send(`${root}/$batch`, {
            method: "POST",
            body: JSON.stringify({
              requests: pending.map((request) => ({ id: request.id, method: "GET", url: request.url })),
            }),
          }),
        );
        if (!response.ok) throw new GraphRequestError(response.status, `$batch: ${response.status}`);
        const body = (await response.json()) as {
          responses: { id: string; status: number; headers?: Record<string, string>; body: unknown }[];
        };
        let wait = 0;
        const retry: BatchRequest[] = [];
        for (const inner of body.responses) {
          const request = pending.find((candidate) => candidate.id === inner.id);
          if (!request) continue;
          if (RETRYABLE.has(inner.status) && attempt < maxRetries) {
            retry.push(request);
            wait = Math.max(wait, retryAfterMs(inner.headers));
          } else {
            done.set(inner.id, { id: inner.id, status: inner.status, body: inner.body });
          }
        }
        if (retry.length > 0) {
          limiter.throttled();
          options.onThrottle?.(limiter.limit);
          await sleep(wait);
        } else {
          limiter.clean();
        }
        pending = retry;
      }
      return batchRequests.map((request) => done.get(request.id) ?? { id: request.id, status: 0, body: undefined });
    },
  };
}
