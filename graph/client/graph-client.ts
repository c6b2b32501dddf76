import {
  AuthenticationHandler,
  Client,
  GraphError,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type AuthenticationProvider,
  type Middleware,
} from "@microsoft/microsoft-graph-client";
import { AdaptiveLimiter } from "./adaptive-limiter.js";
import { AdaptiveConcurrencyHandler, isLoopback, LoopbackBearerHandler } from "./middleware.js";
import {
  GraphRequestError,
  MAX_BATCH,
  RETRYABLE_STATUSES,
  type BatchRequest,
  type BatchResponse,
  type ClientStats,
  type GraphClient,
} from "./types.js";

/**
 * The sweep's Graph client on the Graph SDK: Client.initWithMiddleware with the chain
 * authentication → RetryHandler (whole-request 429/503/504, honouring Retry-After) → adaptive
 * concurrency → HTTP. On top: paging through @odata.nextLink, and JSON batching where each inner
 * 429/503/504 is sent again, in a later batch, after its own Retry-After.
 */
export interface GraphClientOptions {
  /** https://graph.microsoft.com (default), a national cloud, or a loopback stand-in (http allowed there only). */
  readonly graphUrl: string;
  readonly authProvider: AuthenticationProvider;
  /** The most requests in flight the adaptive limiter may climb to. */
  readonly maxConcurrency?: number;
  readonly initialConcurrency?: number;
  /** Retries per request or inner request (the SDK caps whole-request retries at 10). */
  readonly maxRetries?: number;
  /** Waits before resending throttled inner requests (tests pass a recording one). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Used when an inner 429/503/504 carries no Retry-After. */
  readonly defaultRetryAfterMs?: number;
}

export interface SweepGraphClient extends GraphClient {
  readonly limiter: AdaptiveLimiter;
  readonly stats: ClientStats;
}

const VERSION = "v1.0";

export function retryAfterMs(value: string | null | undefined, fallbackMs: number): number {
  if (value === null || value === undefined || value.trim() === "") return fallbackMs;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value); // Retry-After may also be an HTTP date.
  return Number.isNaN(date) ? fallbackMs : Math.max(0, date - Date.now());
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

export function createGraphClient(options: GraphClientOptions): SweepGraphClient {
  const base = new URL(options.graphUrl);
  if (base.protocol !== "https:" && !(base.protocol === "http:" && isLoopback(base))) {
    throw new RangeError(`--graph-url must be https (plain http only on loopback): ${options.graphUrl}`);
  }
  const baseUrl = base.origin + trimSlashes(base.pathname);
  const root = `${baseUrl}/${VERSION}`;
  const maxRetries = Math.min(10, options.maxRetries ?? 8);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limiter = new AdaptiveLimiter(options.maxConcurrency ?? 32, options.initialConcurrency ?? 4);
  const stats: ClientStats = { httpRequests: 0, batches: 0, innerRequests: 0, innerRetries: 0, throttled: 0 };

  const authentication: Middleware =
    base.protocol === "https:"
      ? new AuthenticationHandler(options.authProvider)
      : new LoopbackBearerHandler(options.authProvider, base.origin);
  const middleware: Middleware[] = [
    authentication,
    new RetryHandler(new RetryHandlerOptions(1, maxRetries)),
    new AdaptiveConcurrencyHandler(limiter, stats),
    new HTTPMessageHandler(),
  ];
  const client = Client.initWithMiddleware({
    middleware,
    baseUrl,
    defaultVersion: VERSION,
    // The SDK's AuthenticationHandler signs only Graph's own hosts and these.
    customHosts: new Set([base.hostname]),
  });

  /** nextLinks are absolute; send them only back to our own Graph root. */
  function relative(link: string): string {
    if (!link.startsWith("http")) return link;
    if (!link.startsWith(root + "/")) throw new GraphRequestError(0, "ForeignNextLink", `Unexpected link ${link}`);
    return link.slice(root.length);
  }

  async function get<T>(path: string): Promise<T> {
    try {
      const body = (await client.api(relative(path)).get()) as T;
      limiter.clean();
      return body;
    } catch (error) {
      if (error instanceof GraphError) {
        throw new GraphRequestError(
          error.statusCode,
          error.code ?? "",
          `GET ${path}: ${error.statusCode} ${error.message}`,
        );
      }
      throw error;
    }
  }

  return {
    limiter,
    stats,
    get,
    async getAll<T>(path: string): Promise<T[]> {
      const items: T[] = [];
      let next: string | undefined = path;
      while (next) {
        const page: { value?: T[]; "@odata.nextLink"?: string } = await get(next);
        items.push(...(page.value ?? []));
        next = page["@odata.nextLink"];
      }
      return items;
    },
    async batch(requests: readonly BatchRequest[]): Promise<BatchResponse[]> {
      if (requests.length > MAX_BATCH) throw new RangeError(`A Graph batch holds at most ${MAX_BATCH} requests`);
      if (new Set(requests.map((request) => request.id)).size !== requests.length)
        throw new RangeError("Batch request ids must be unique");
      const done = new Map<string, BatchResponse>();
      let pending = [...requests];
      for (let attempt = 0; pending.length > 0; attempt++) {
        stats.batches++;
        stats.innerRequests += pending.length;
        if (attempt > 0) stats.innerRetries += pending.length;
        let body: { responses?: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[] };
        try {
          // A whole-batch 429/503/504 is retried inside the SDK's RetryHandler after its Retry-After.
          body = (await client
            .api("/$batch")
            .post({
              requests: pending.map((request) => ({ id: request.id, method: "GET", url: request.url })),
            })) as typeof body;
        } catch (error) {
          if (error instanceof GraphError)
            throw new GraphRequestError(
              error.statusCode,
              error.code ?? "",
              `$batch: ${error.statusCode} ${error.message}`,
            );
          throw error;
        }
        let wait = 0;
        const retry: BatchRequest[] = [];
        for (const inner of body.responses ?? []) {
          const request = pending.find((candidate) => candidate.id === inner.id);
          if (!request) continue;
          if (RETRYABLE_STATUSES.has(inner.status) && attempt < maxRetries) {
            retry.push(request);
            wait = Math.max(
              wait,
              retryAfterMs(headerValue(inner.headers, "Retry-After"), options.defaultRetryAfterMs ?? 1000),
            );
          } else {
            done.set(inner.id, { id: inner.id, status: inner.status, body: inner.body });
          }
        }
        // An inner request Graph did not answer at all is sent again too.
        for (const request of pending) if (!done.has(request.id) && !retry.includes(request)) retry.push(request);
        if (retry.length > 0) {
          stats.throttled += retry.length;
          limiter.throttled();
          if (attempt >= maxRetries) break;
          await sleep(wait);
        } else {
          limiter.clean();
        }
        pending = retry;
      }
      return requests.map((request) => done.get(request.id) ?? { id: request.id, status: 0, body: undefined });
    },
  };
}

function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === "/") end--;
  return path.slice(0, end);
}
