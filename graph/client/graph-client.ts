import {
  AuthenticationHandler,
  Client,
  GraphError,
  HTTPMessageHandler,
  type AuthenticationProvider,
  type Middleware,
} from "@microsoft/microsoft-graph-client";
import { AdaptiveLimiter } from "./adaptive-limiter.js";
import {
  AdaptiveConcurrencyHandler,
  isLoopback,
  LoopbackBearerHandler,
  ReauthenticateHandler,
  retryDelayMs,
  ThrottleRetryHandler,
  type RetryPolicy,
} from "./middleware.js";
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
 * re-authenticate once on 401 → authentication (the SDK's AuthenticationHandler over
 * @azure/identity, or the loopback signer for the stand-in) → throttling retries → adaptive
 * concurrency → HTTP. On top: paging through @odata.nextLink, followed only back to the Graph root
 * it was configured for, and JSON batching where each inner 429/503/504 is sent again, in a later
 * batch, after its own Retry-After.
 */
export interface GraphClientOptions {
  /** https://graph.microsoft.com (default), a national cloud, or a loopback stand-in (http allowed there only). */
  readonly graphUrl: string;
  readonly authProvider: AuthenticationProvider;
  /** Called once when Graph answers 401, before the request is sent again (renews the credential). */
  readonly renewToken?: () => void | Promise<void>;
  /** The most requests in flight the adaptive limiter may climb to. */
  readonly maxConcurrency?: number;
  readonly initialConcurrency?: number;
  /** Retries per request or inner request. */
  readonly maxRetries?: number;
  /** Back-off without Retry-After: first wait, doubled each time (default 1 s). */
  readonly baseDelayMs?: number;
  /** No wait longer than this (default 60 s). */
  readonly maxDelayMs?: number;
  /** Waits before resending (tests pass a recording one). */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

export interface SweepGraphClient extends GraphClient {
  readonly limiter: AdaptiveLimiter;
  readonly stats: ClientStats;
}

const VERSION = "v1.0";

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

function trimSlashes(path: string): string {
  let end = path.length;
  while (end > 0 && path[end - 1] === "/") end--;
  return path.slice(0, end);
}

export function createGraphClient(options: GraphClientOptions): SweepGraphClient {
  const base = new URL(options.graphUrl);
  if (base.protocol !== "https:" && !(base.protocol === "http:" && isLoopback(base))) {
    throw new RangeError(`--graph-url must be https (plain http only on loopback): ${options.graphUrl}`);
  }
  const baseUrl = base.origin + trimSlashes(base.pathname);
  const root = `${baseUrl}/${VERSION}`;
  const policy: RetryPolicy = {
    maxRetries: options.maxRetries ?? 8,
    baseDelayMs: options.baseDelayMs ?? 1000,
    maxDelayMs: options.maxDelayMs ?? 60_000,
    random: options.random ?? Math.random,
    now: Date.now,
    sleep: options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };
  const limiter = new AdaptiveLimiter(options.maxConcurrency ?? 32, options.initialConcurrency ?? 4);
  const stats: ClientStats = {
    httpRequests: 0,
    batches: 0,
    innerRequests: 0,
    innerRetries: 0,
    throttled: 0,
    reauthentications: 0,
  };
  const authentication: Middleware =
    base.protocol === "https:"
      ? new AuthenticationHandler(options.authProvider)
      : new LoopbackBearerHandler(options.authProvider, base.origin);
  const middleware: Middleware[] = [
    new ReauthenticateHandler(async () => {
      stats.reauthentications++;
      await options.renewToken?.();
    }),
    authentication,
    new ThrottleRetryHandler(policy),
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

  /** nextLinks are absolute: follow them only back to our own Graph root, never elsewhere. */
  function relative(link: string): string {
    if (!/^https?:/i.test(link)) return link;
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw new GraphRequestError(0, "ForeignNextLink", `Refusing a link that is not a URL: ${link}`);
    }
    const path = url.pathname + url.search;
    if (url.origin !== base.origin || !path.startsWith(`${new URL(root).pathname}/`)) {
      throw new GraphRequestError(
        0,
        "ForeignNextLink",
        `Refusing to follow a link off the configured Graph host: ${url.origin}`,
      );
    }
    return path.slice(new URL(root).pathname.length);
  }

  function typed(error: unknown, what: string): unknown {
    if (error instanceof GraphError)
      return new GraphRequestError(error.statusCode, error.code ?? "", `${what}: ${error.statusCode} ${error.message}`);
    return error;
  }

  async function get<T>(path: string): Promise<T> {
    try {
      const body = (await client.api(relative(path)).get()) as T;
      limiter.clean();
      return body;
    } catch (error) {
      throw typed(error, `GET ${path}`);
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
          // A whole-batch 429/503/504 is retried by the ThrottleRetryHandler after its Retry-After.
          body = (await client.api("/$batch").post({
            requests: pending.map((request) => ({ id: request.id, method: "GET", url: request.url })),
          })) as typeof body;
        } catch (error) {
          throw typed(error, "$batch");
        }
        let wait = 0;
        const retry: BatchRequest[] = [];
        const byId = new Map(pending.map((request) => [request.id, request]));
        for (const inner of body.responses ?? []) {
          const request = byId.get(inner.id);
          if (!request || done.has(inner.id)) continue;
          if (RETRYABLE_STATUSES.has(inner.status) && attempt < policy.maxRetries) {
            retry.push(request);
            wait = Math.max(wait, retryDelayMs(headerValue(inner.headers, "Retry-After"), attempt, policy));
          } else {
            done.set(inner.id, { id: inner.id, status: inner.status, body: inner.body });
          }
        }
        // An inner request Graph did not answer at all is sent again too.
        for (const request of pending) if (!done.has(request.id) && !retry.includes(request)) retry.push(request);
        if (retry.length > 0) {
          stats.throttled += retry.length;
          limiter.throttled();
          if (attempt >= policy.maxRetries) break;
          await policy.sleep(wait);
        } else {
          limiter.clean();
        }
        pending = retry;
      }
      return requests.map((request) => done.get(request.id) ?? { id: request.id, status: 0, body: undefined });
    },
  };
}
