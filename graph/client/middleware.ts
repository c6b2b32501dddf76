import type { AuthenticationProvider, Context, Middleware } from "@microsoft/microsoft-graph-client";
import type { AdaptiveLimiter } from "./adaptive-limiter.js";
import { GraphRequestError, RETRYABLE_STATUSES, type ClientStats } from "./types.js";

/**
 * Graph SDK middleware of our own, each for a reason the SDK's handlers do not cover:
 * - ReauthenticateHandler: a 401 renews the credential once and sends the request again.
 * - ThrottleRetryHandler: 429/503/504 waits for Retry-After (seconds or an HTTP date, capped), or
 *   backs off exponentially with jitter when there is none; the wait is injectable for tests. A
 *   dropped connection (fetch rejects, no status) is sent again the same way when the request only
 *   reads, which every request the sweep makes does (GETs, and $batch POSTs of GETs).
 * - AdaptiveConcurrencyHandler: gates every attempt through the AIMD limiter and tells it about
 *   429/503/504 (it sits after the retry handler, so it sees each attempt, not just the last).
 * - LoopbackBearerHandler: the SDK's AuthenticationHandler only signs https Graph hosts; the local
 *   stand-in is http on 127.0.0.1, so this one signs that origin and no other.
 */
abstract class Chained implements Middleware {
  protected next: Middleware | undefined;
  abstract execute(context: Context): Promise<void>;
  setNext(next: Middleware): void {
    this.next = next;
  }
  protected forward(context: Context): Promise<void> {
    if (!this.next) throw new Error(`${this.constructor.name} must not be last in the chain`);
    return this.next.execute(context);
  }
}

export interface RetryPolicy {
  /** Attempts after the first. */
  readonly maxRetries: number;
  /** First back-off when Graph gives no Retry-After; doubled each attempt. */
  readonly baseDelayMs: number;
  /** No wait is ever longer than this, whatever Retry-After says. */
  readonly maxDelayMs: number;
  readonly random: () => number;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/**
 * How long to wait before sending a throttled request again (attempt counts from 0). Retry-After
 * is honoured as delta-seconds or an HTTP date and capped; without one, exponential back-off with
 * "equal jitter" (half fixed, half random) so a crowd of retries does not come back at once.
 */
export function retryDelayMs(
  retryAfter: string | null | undefined,
  attempt: number,
  policy: Omit<RetryPolicy, "sleep" | "maxRetries">,
): number {
  const value = (retryAfter ?? "").trim();
  if (/^\d+(?:\.\d+)?$/.test(value)) return Math.min(policy.maxDelayMs, Number(value) * 1000);
  const date = value === "" ? Number.NaN : Date.parse(value);
  if (!Number.isNaN(date)) return Math.min(policy.maxDelayMs, Math.max(0, date - policy.now()));
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return exponential / 2 + (exponential / 2) * policy.random();
}

function responseHeader(context: Context, name: string): string | null {
  return context.response?.headers.get(name) ?? null;
}

/**
 * Whether a request can be sent again after its connection failed without changing anything: a
 * GET or HEAD, or a JSON batch, whose inner requests this client only ever writes as GETs
 * (BatchRequest has no method).
 */
function readsOnly(context: Context): boolean {
  const method = (context.options?.method ?? "GET").toUpperCase();
  const url = typeof context.request === "string" ? context.request : context.request.url;
  return method === "GET" || method === "HEAD" || (method === "POST" && new URL(url).pathname.endsWith("/$batch"));
}

export class ThrottleRetryHandler extends Chained {
  constructor(private readonly policy: RetryPolicy) {
    super();
  }
  async execute(context: Context): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.forward(context);
      } catch (error) {
        // Node's fetch (undici) rejects with TypeError("fetch failed"), the socket error as its cause,
        // when the connection fails (reset, refused, closed while reused). Anything else thrown further
        // down the chain, a TypeError from a bug included, is not a network fault and is not retried.
        const dropped = error instanceof TypeError && error.message === "fetch failed";
        if (!dropped || !readsOnly(context) || attempt >= this.policy.maxRetries) throw error;
        await this.policy.sleep(retryDelayMs(null, attempt, this.policy));
        continue;
      }
      const status = context.response?.status ?? 0;
      if (!RETRYABLE_STATUSES.has(status) || attempt >= this.policy.maxRetries) return;
      await this.policy.sleep(retryDelayMs(responseHeader(context, "Retry-After"), attempt, this.policy));
    }
  }
}

export class ReauthenticateHandler extends Chained {
  constructor(private readonly renew: () => void | Promise<void>) {
    super();
  }
  async execute(context: Context): Promise<void> {
    await this.forward(context);
    if (context.response?.status !== 401) return;
    // Once: a token that was revoked or expired early is renewed; a second 401 is the answer.
    await this.renew();
    const headers = context.options?.headers;
    if (headers instanceof Headers) headers.delete("Authorization");
    else if (headers && !Array.isArray(headers)) delete (headers as Record<string, string>).Authorization;
    await this.forward(context);
  }
}

export class AdaptiveConcurrencyHandler extends Chained {
  constructor(
    private readonly limiter: AdaptiveLimiter,
    private readonly stats: ClientStats,
  ) {
    super();
  }
  async execute(context: Context): Promise<void> {
    await this.limiter.acquire();
    try {
      this.stats.httpRequests++;
      await this.forward(context);
    } finally {
      this.limiter.release();
    }
    if (context.response && RETRYABLE_STATUSES.has(context.response.status)) {
      this.stats.throttled++;
      this.limiter.throttled();
    }
  }
}

export function isLoopback(url: URL): boolean {
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}

export class LoopbackBearerHandler extends Chained {
  constructor(
    private readonly provider: AuthenticationProvider,
    private readonly origin: string,
  ) {
    super();
  }
  async execute(context: Context): Promise<void> {
    const url = new URL(typeof context.request === "string" ? context.request : context.request.url);
    // A token goes only to the origin it was configured for, never to wherever a link points.
    if (url.origin !== this.origin || !isLoopback(url)) {
      throw new GraphRequestError(0, "RefusedOrigin", `Refusing to send a Graph token to ${url.origin}`);
    }
    const token = await this.provider.getAccessToken();
    const options = (context.options ??= {});
    const headers = new Headers(options.headers as HeadersInit | undefined);
    headers.set("Authorization", `Bearer ${token}`);
    options.headers = headers;
    await this.forward(context);
  }
}
