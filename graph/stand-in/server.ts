import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { seededRandom, type Tenant } from "./tenant.js";

/**
 * A local Microsoft Graph stand-in (node:http, 127.0.0.1 only) serving the documented v1.0 shapes
 * the sweep reads:
 *   GET  /v1.0/users                                   paged ($top, @odata.nextLink), $select
 *   GET  /v1.0/groups/{id}/transitiveMembers[/microsoft.graph.user]   paged, nested groups expanded
 *   POST /v1.0/$batch                                  1–20 requests, inner answers in any order
 *   GET  /v1.0/users/{id|upn}/mailboxSettings[/automaticRepliesSetting]
 *   GET  /v1.0/users/{id}/calendar/calendarView?startDateTime&endDateTime   paged ($top)
 *   GET  /v1.0/users/{id}/calendar/calendarPermissions
 *   GET  /v1.0/users/{id}/mailFolders/inbox/messageRules
 * with a bearer-token check (401), configurable latency, Outlook's per-mailbox concurrency limit
 * (429 "ApplicationThrottled"/MailboxConcurrency with Retry-After when exceeded), injected 429/503
 * with Retry-After on inner and whole-batch requests, 404 for mailboxes that do not exist, 403 for
 * mailboxes outside the app's RBAC scope, and request counting. Read-only: anything but GET is 405.
 */
export interface StandInOptions {
  readonly tenant: Tenant;
  readonly token?: string;
  /** Added to every mailbox request (Outlook's own latency). */
  readonly latencyMs?: number;
  /** Share of mailbox requests answered 429 (70 %) or 503 (30 %) with Retry-After (0 to 1). */
  readonly throttleRate?: number;
  /** Share of $batch POSTs answered 429 as a whole. */
  readonly batchThrottleRate?: number;
  /** The first N $batch POSTs are answered 429 as a whole (deterministic tests). */
  readonly throttleFirstBatches?: number;
  /** Retry-After seconds sent with throttled answers (fractions allowed for quick tests). */
  readonly retryAfterSeconds?: number;
  /** Outlook's limit of concurrent requests per mailbox (4); Infinity for none. */
  readonly perMailboxLimit?: number;
  /** Largest page served, whatever $top asks (Graph's own cap is 999 for users). */
  readonly pageSize?: number;
  readonly seed?: number;
}

export interface StandInStats {
  /** HTTP requests received (batches count once). */
  requests: number;
  batches: number;
  innerRequests: number;
  /** Mailbox requests answered 429/503 (inner or direct), and whole batches answered 429. */
  throttled: number;
  batchesThrottled: number;
  /** Answered 429 because the mailbox already had its limit in flight. */
  concurrencyRejections: number;
  maxBatchSize: number;
  /** Highest number of requests in flight for one mailbox. */
  maxInFlightPerMailbox: number;
  /** Mailbox requests answered 2xx, per user id: a resumed sweep must not read a user twice. */
  mailboxReads: Map<string, number>;
}

export interface GraphStandIn {
  readonly url: string;
  readonly token: string;
  readonly stats: StandInStats;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

function error(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

function select(item: object, fields: string[] | undefined): object {
  if (!fields) return item;
  const record = item as Record<string, unknown>;
  return Object.fromEntries(fields.filter((field) => field in record).map((field) => [field, record[field]]));
}

export async function startGraphStandIn(options: StandInOptions): Promise<GraphStandIn> {
  const { tenant } = options;
  const token = options.token ?? "stand-in-token";
  const stats: StandInStats = {
    requests: 0,
    batches: 0,
    innerRequests: 0,
    throttled: 0,
    batchesThrottled: 0,
    concurrencyRejections: 0,
    maxBatchSize: 0,
    maxInFlightPerMailbox: 0,
    mailboxReads: new Map(),
  };
  const inFlight = new Map<string, number>();
  const rand = seededRandom(options.seed ?? 7);
  const retryAfter = String(options.retryAfterSeconds ?? 1);
  const pageCap = Math.min(999, options.pageSize ?? 999);
  const byId = new Map(tenant.users.map((user) => [user.id, user]));
  const byUpn = new Map(tenant.users.map((user) => [user.userPrincipalName.toLowerCase(), user]));
  const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** One page of a collection, with a nextLink carrying $skiptoken like Graph's (opaque to clients). */
  function page(items: readonly object[], url: URL, origin: string): Answer {
    // Graph pages server-side too: never more than the cap, whatever $top asks for.
    const top = Math.min(pageCap, Number(url.searchParams.get("$top") ?? 100) || 100);
    const skip = Number(url.searchParams.get("$skiptoken") ?? 0) || 0;
    const fields = url.searchParams.get("$select")?.split(",").filter(Boolean);
    const next = new URL(url.pathname + url.search, origin);
    next.searchParams.set("$top", String(top));
    next.searchParams.set("$skiptoken", String(skip + top));
    return {
      status: 200,
      body: {
        value: items.slice(skip, skip + top).map((item) => select(item, fields)),
        ...(skip + top < items.length ? { "@odata.nextLink": next.toString() } : {}),
      },
    };
  }

  function groupMembers(groupId: string, usersOnly: boolean): object[] {
    const members: object[] = [];
    const seen = new Set<string>([groupId]);
    const visit = (id: string) => {
      const group = tenant.groups.get(id);
      for (const member of group?.members ?? []) {
        if (seen.has(member)) continue;
        seen.add(member);
        const nested = tenant.groups.get(member);
        if (nested) {
          if (!usersOnly)
            members.push({ "@odata.type": "#microsoft.graph.group", id: nested.id, displayName: nested.displayName });
          visit(member);
        } else {
          const user = byId.get(member);
          if (user) members.push({ "@odata.type": "#microsoft.graph.user", ...user });
        }
      }
    };
    visit(groupId);
    return members;
  }

  async function handle(method: string, rawUrl: string, origin: string): Promise<Answer> {
    const url = new URL(rawUrl, origin);
    const path = decodeURIComponent(url.pathname).replace(/^\/v1\.0/, "");
    if (method !== "GET") return { status: 405, body: error("MethodNotAllowed", "This stand-in is read-only.") };
    if (path === "/users") return page(tenant.users, url, origin);
    const groupMatch = /^\/groups\/([^/]+)\/transitiveMembers(\/microsoft\.graph\.user)?$/.exec(path);
    if (groupMatch) {
      const groupId = groupMatch[1] ?? "";
      if (!tenant.groups.has(groupId))
        return { status: 404, body: error("Request_ResourceNotFound", `Resource '${groupId}' does not exist.`) };
      return page(groupMembers(groupId, Boolean(groupMatch[2])), url, origin);
    }
    const match = /^\/users\/([^/]+)\/(.+)$/.exec(path);
    if (!match) return { status: 400, body: error("BadRequest", `Resource not found for the segment '${path}'.`) };
    const key = (match[1] ?? "").toLowerCase();
    const user = byId.get(key) ?? byUpn.get(key);
    if (!user) return { status: 404, body: error("ErrorInvalidUser", `The requested user '${key}' is invalid.`) };
    const mailbox = tenant.mailboxes.get(user.id);
    if (!mailbox || mailbox.state === "missing")
      return {
        status: 404,
        body: error(
          "MailboxNotEnabledForRESTAPI",
          "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
        ),
      };
    if (mailbox.state === "forbidden")
      return { status: 403, body: error("ErrorAccessDenied", "Access is denied. Check credentials and try again.") };

    const limit = options.perMailboxLimit ?? Infinity;
    const busy = inFlight.get(user.id) ?? 0;
    if (busy >= limit) {
      stats.throttled++;
      stats.concurrencyRejections++;
      return {
        status: 429,
        headers: { "Retry-After": retryAfter },
        body: error("ApplicationThrottled", "Application is over its MailboxConcurrency limit."),
      };
    }
    const rate = options.throttleRate ?? 0;
    if (rate > 0 && rand() < rate) {
      stats.throttled++;
      const status = rand() < 0.7 ? 429 : 503;
      return {
        status,
        headers: { "Retry-After": retryAfter },
        body: error(status === 429 ? "ApplicationThrottled" : "ServiceUnavailable", "Try again later."),
      };
    }
    inFlight.set(user.id, busy + 1);
    stats.maxInFlightPerMailbox = Math.max(stats.maxInFlightPerMailbox, busy + 1);
    try {
      if (options.latencyMs) await delay(options.latencyMs);
      const answer = read(match[2] ?? "", url, origin, mailbox);
      if (answer.status < 300) stats.mailboxReads.set(user.id, (stats.mailboxReads.get(user.id) ?? 0) + 1);
      return answer;
    } finally {
      inFlight.set(user.id, (inFlight.get(user.id) ?? 1) - 1);
    }
  }

  function read(
    resource: string,
    url: URL,
    origin: string,
    mailbox: NonNullable<ReturnType<typeof tenant.mailboxes.get>>,
  ): Answer {
    if (resource === "mailboxSettings/automaticRepliesSetting")
      return {
        status: 200,
        body: {
          "@odata.context": `${origin}/v1.0/$metadata#users('id')/mailboxSettings/automaticRepliesSetting`,
          ...mailbox.automaticRepliesSetting,
        },
      };
    if (resource === "mailboxSettings")
      return {
        status: 200,
        body: {
          automaticRepliesSetting: mailbox.automaticRepliesSetting,
          timeZone: "GMT Standard Time",
          language: { locale: "en-GB" },
        },
      };
    if (resource === "calendar/calendarView") {
      const start = url.searchParams.get("startDateTime");
      const end = url.searchParams.get("endDateTime");
      if (!start || !end)
        return {
          status: 400,
          body: error(
            "ErrorInvalidParameter",
            "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.",
          ),
        };
      // Times in the query are read as UTC when they carry no offset, as Graph does.
      const from = Date.parse(/(?:Z|[+-]\d\d:\d\d)$/.test(start) ? start : `${start}Z`);
      const until = Date.parse(/(?:Z|[+-]\d\d:\d\d)$/.test(end) ? end : `${end}Z`);
      const events = mailbox.events.filter(
        (event) => Date.parse(`${event.start.dateTime}Z`) < until && Date.parse(`${event.end.dateTime}Z`) > from,
      );
      return page(events, url, origin);
    }
    if (resource === "calendar/calendarPermissions")
      return { status: 200, body: { value: mailbox.calendarPermissions } };
    if (resource === "mailFolders/inbox/messageRules") return { status: 200, body: { value: mailbox.messageRules } };
    return { status: 400, body: error("BadRequest", `Resource not found for the segment '${resource}'.`) };
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    stats.requests++;
    const origin = `http://${request.headers.host ?? "127.0.0.1"}`;
    const send = (answer: Answer) => {
      response.writeHead(answer.status, { "content-type": "application/json", ...(answer.headers ?? {}) });
      response.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    };
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void (async () => {
        if (request.headers.authorization !== `Bearer ${token}`) {
          return send({ status: 401, body: error("InvalidAuthenticationToken", "Access token is empty or invalid.") });
        }
        if (request.method === "POST" && (request.url ?? "").split("?")[0] === "/v1.0/$batch") {
          stats.batches++;
          const whole =
            stats.batches <= (options.throttleFirstBatches ?? 0) || rand() < (options.batchThrottleRate ?? 0);
          if (whole) {
            stats.batchesThrottled++;
            return send({
              status: 429,
              headers: { "Retry-After": retryAfter },
              body: error("TooManyRequests", "Too many requests."),
            });
          }
          let batch: { requests?: { id: string; method: string; url: string }[] };
          try {
            batch = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as typeof batch;
          } catch {
            return send({ status: 400, body: error("BadRequest", "Invalid batch payload format.") });
          }
          const requests = batch.requests ?? [];
          stats.maxBatchSize = Math.max(stats.maxBatchSize, requests.length);
          if (requests.length === 0 || requests.length > 20)
            return send({
              status: 400,
              body: error("BadRequest", "Number of requests in a batch must be between 1 and 20."),
            });
          if (new Set(requests.map((inner) => inner.id)).size !== requests.length)
            return send({ status: 400, body: error("BadRequest", "Batch request ids must be unique.") });
          const responses = await Promise.all(
            requests.map(async (inner) => {
              stats.innerRequests++;
              const answer = await handle(
                inner.method,
                `/v1.0${inner.url.startsWith("/") ? "" : "/"}${inner.url}`,
                origin,
              );
              return {
                id: inner.id,
                status: answer.status,
                headers: { "Content-Type": "application/json", ...(answer.headers ?? {}) },
                body: answer.body,
              };
            }),
          );
          // Graph answers inner requests in whichever order they finish: so does the stand-in.
          responses.reverse();
          return send({ status: 200, body: { responses } });
        }
        send(await handle(request.method ?? "GET", request.url ?? "/", origin));
      })().catch((failure: unknown) => send({ status: 500, body: error("InternalServerError", String(failure)) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
