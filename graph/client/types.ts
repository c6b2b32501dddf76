/**
 * The Graph client the sweep is given (never a global). Everything the sweep reads goes through
 * these three calls, so tests and the benchmark can pass the real SDK-based client pointed at the
 * stand-in, or the naive one-request-at-a-time client, without touching the checks.
 */
export interface BatchRequest {
  /** Unique within one batch; answers are matched by it (Graph may answer in any order). */
  readonly id: string;
  /** Relative to the version root, e.g. `/users/{id}/mailboxSettings/automaticRepliesSetting`. */
  readonly url: string;
}

export interface BatchResponse {
  readonly id: string;
  /** The inner HTTP status; 0 when retries ran out or the answer was missing. */
  readonly status: number;
  readonly body: unknown;
}

export interface GraphClient {
  /** GET one resource; a non-2xx answer rejects with {@link GraphRequestError}. */
  get<T>(path: string): Promise<T>;
  /** GET a collection, following `@odata.nextLink` to the last page. */
  getAll<T>(path: string): Promise<T[]>;
  /** GETs through JSON batching (at most {@link MAX_BATCH}); every inner status is returned, none thrown. */
  batch(requests: readonly BatchRequest[]): Promise<BatchResponse[]>;
}

/** Graph's documented limit for one JSON batch. */
export const MAX_BATCH = 20;
/** Outlook's concurrency limit per app per mailbox: the sweep never has more in flight for one user. */
export const MAILBOX_CONCURRENCY = 4;
/** Statuses Graph documents as transient: retry after Retry-After. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

export class GraphRequestError extends Error {
  override readonly name = "GraphRequestError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Counters for the benchmark and the tests (what actually went over the wire). */
export interface ClientStats {
  /** HTTP requests sent, retries included. */
  httpRequests: number;
  batches: number;
  innerRequests: number;
  /** Inner requests sent again after a 429/503/504. */
  innerRetries: number;
  /** Answers (whole or inner) that were 429/503/504. */
  throttled: number;
  /** 401 answers after which the credential was renewed and the request sent again. */
  reauthentications: number;
}
