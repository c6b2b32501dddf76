import type { AuthenticationProvider, Context, Middleware } from "@microsoft/microsoft-graph-client";
import type { AdaptiveLimiter } from "./adaptive-limiter.js";
import { GraphRequestError, RETRYABLE_STATUSES, type ClientStats } from "./types.js";

/**
 * Graph SDK middleware of our own, each for a reason the SDK's handlers do not cover:
 * - AdaptiveConcurrencyHandler: gates every attempt through the AIMD limiter and tells it about
 *   429/503/504 (it sits after the SDK's RetryHandler, so it sees each retry, not just the last).
 * - LoopbackBearerHandler: the SDK's AuthenticationHandler only signs https Graph hosts; the local
 *   stand-in is http on 127.0.0.1, so this one signs that origin and no other.
 */
export class AdaptiveConcurrencyHandler implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly limiter: AdaptiveLimiter,
    private readonly stats: ClientStats,
  ) {}

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error("AdaptiveConcurrencyHandler must not be last in the chain");
    await this.limiter.acquire();
    try {
      this.stats.httpRequests++;
      await this.next.execute(context);
    } finally {
      this.limiter.release();
    }
    if (context.response && RETRYABLE_STATUSES.has(context.response.status)) {
      this.stats.throttled++;
      this.limiter.throttled();
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

export function isLoopback(url: URL): boolean {
  return url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
}

export class LoopbackBearerHandler implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly provider: AuthenticationProvider,
    private readonly origin: string,
  ) {}

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error("LoopbackBearerHandler must not be last in the chain");
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
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
