import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { toInstant } from "../checks/time.js";
import { seededRandom, type Mailbox, type MailboxResource, type StoredEvent, type Tenant } from "./tenant.js";

/**
 * A local Microsoft Graph stand-in (node:http, 127.0.0.1 only) that behaves like Graph, awkward
 * parts included, for the documented v1.0 shapes the sweep reads:
 *   GET  /v1.0/organization                       id, displayName, verifiedDomains (403 when not granted)
 *   GET  /v1.0/users                              paged ($top, @odata.nextLink with an opaque $skiptoken), $select
 *   GET  /v1.0/groups?$filter=displayName eq '…'  and /groups/{id}
 *   GET  /v1.0/groups/{id}/transitiveMembers[/microsoft.graph.user]   paged, nested groups expanded
 *   POST /v1.0/$batch                             1–20 requests, inner answers shuffled (Graph's order is arbitrary)
 *   GET  /v1.0/users/{id|upn}/mailboxSettings[/automaticRepliesSetting]   with userPurpose and timeZone
 *   GET  /v1.0/users/{id}/calendar/calendarView?startDateTime&endDateTime   paged; timed events in UTC with
 *        seven fractional digits, all-day events as floating dates, as Graph answers without a Prefer header
 *   GET  /v1.0/users/{id}/calendar/calendarPermissions
 *   GET  /v1.0/users/{id}/mailFolders/inbox/messageRules
 * Awkward parts: bearer check (401) with tokens that can be revoked mid-run; latency; Outlook's
 * per-mailbox concurrency limit (429 ApplicationThrottled); injected 429/503 on inner requests and
 * whole batches with Retry-After as seconds, as an HTTP date, or missing; 404 for mailboxes that do
 * not exist, 403 for a whole mailbox or only some of its resources; malformed bodies served
 * verbatim; nextLinks that can be made to point at another host. Read-only: anything but GET is 405.
 */
export interface StandInOptions {
  readonly tenant: Tenant;
  /** The token accepted at start (more can be allowed and revoked while it runs). */
  readonly token?: string;
  /** Added to every mailbox request (Outlook's own latency). */
  readonly latencyMs?: number;
  /** Share of mailbox requests answered 429 (70 %) or 503 (30 %) (0 to 1). */
  readonly throttleRate?: number;
  /** Share of $batch POSTs answered 429 as a whole. */
  readonly batchThrottleRate?: number;
  /** The first N $batch POSTs are answered 429 as a whole (deterministic tests). */
  readonly throttleFirstBatches?: number;
  /**
   * The first N requests have their connection destroyed before any answer, as a keep-alive socket
   * the server closed just as the client reused it, or a proxy's reset: fetch rejects with
   * "fetch failed" (undici's TypeError, the socket error as its cause) and no HTTP status at all.
   */
  readonly resetFirstRequests?: number;
  /** Retry-After seconds sent with throttled answers (fractions allowed for quick tests). */
  readonly retryAfterSeconds?: number;
  /** How Retry-After is written: seconds (default), an HTTP date, none, or a mix of the three. */
  readonly retryAfterStyle?: "seconds" | "date" | "none" | "mixed";
  /** Outlook's limit of concurrent requests per mailbox (4); Infinity for none. */
  readonly perMailboxLimit?: number;
  /** Largest page of users or members served, whatever $top asks (Graph's own cap is 999). */
  readonly pageSize?: number;
  /** Largest page of calendar events served (Graph's calendarView default is 10). */
  readonly eventPageSize?: number;
  /** /organization answers 403 (Organization.Read.All not granted). */
  readonly organizationForbidden?: boolean;
  /** Write nextLinks on this origin instead of the stand-in's own (a hostile or misrouted link). */
  readonly nextLinkOrigin?: string;
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
  /** Requests refused for a missing, wrong or revoked token. */
  unauthorized: number;
  /** Every Authorization header value seen with the host it was sent to. */
  tokensSeen: Set<string>;
}

export interface GraphStandIn {
  readonly url: string;
  readonly token: string;
  readonly stats: StandInStats;
  /** Accept another token from now on. */
  allowToken(token: string): void;
  /** Refuse a token from now on (as Entra does when a token is revoked). */
  revokeToken(token: string): void;
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

/** Graph writes UTC date-times with seven fractional digits. */
function graphUtc(instant: number): { dateTime: string; timeZone: string } {
  return { dateTime: new Date(instant).toISOString().replace(/\.\d{3}Z$/, ".0000000"), timeZone: "UTC" };
}

/** An event as calendarView gives it: timed events in UTC, all-day events as their floating dates. */
function served(event: StoredEvent): object {
  if (event.isAllDay === true || !event.start || !event.end) return event;
  try {
    return { ...event, start: graphUtc(toInstant(event.start)), end: graphUtc(toInstant(event.end)) };
  } catch {
    return event; // a malformed event is served as it is: Graph does not clean a mailbox up
  }
}

function eventSpan(event: StoredEvent): [number, number] | undefined {
  if (!event.start || !event.end) return undefined;
  try {
    const span: [number, number] =
      event.isAllDay === true
        ? [
            Date.parse(`${event.start.dateTime.slice(0, 10)}T00:00:00Z`) - 3_600_000,
            Date.parse(`${event.end.dateTime.slice(0, 10)}T00:00:00Z`) + 3_600_000,
          ]
        : [toInstant(event.start), toInstant(event.end)];
    return span.some(Number.isNaN) ? undefined : span;
  } catch {
    return undefined; // a malformed event is served: Graph does not clean a mailbox up
  }
}

export async function startGraphStandIn(options: StandInOptions): Promise<GraphStandIn> {
  const { tenant } = options;
  const token = options.token ?? "stand-in-token";
  const tokens = new Set([token]);
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
    unauthorized: 0,
    tokensSeen: new Set(),
  };
  const inFlight = new Map<string, number>();
  const rand = seededRandom(options.seed ?? 7);
  const pageCap = Math.min(999, options.pageSize ?? 999);
  const eventCap = options.eventPageSize ?? 1000;
  const byId = new Map(tenant.users.map((user) => [user.id, user]));
  const byUpn = new Map(tenant.users.map((user) => [user.userPrincipalName.toLowerCase(), user]));
  const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  function retryAfterHeaders(): Record<string, string> {
    const seconds = options.retryAfterSeconds ?? 1;
    const style =
      options.retryAfterStyle === "mixed"
        ? (["seconds", "date", "none"] as const)[Math.floor(rand() * 3)]
        : (options.retryAfterStyle ?? "seconds");
    if (style === "none") return {};
    if (style === "date") return { "Retry-After": new Date(Date.now() + seconds * 1000 + 1000).toUTCString() };
    return { "Retry-After": String(seconds) };
  }

  /** One page of a collection, with a nextLink carrying an opaque $skiptoken like Graph's. */
  function page(items: readonly object[], url: URL, origin: string, cap: number, fallbackTop: number): Answer {
    const top = Math.min(cap, Number(url.searchParams.get("$top") ?? fallbackTop) || fallbackTop);
    const token = url.searchParams.get("$skiptoken");
    const skip = token
      ? Number(
          Buffer.from(token, "base64url")
            .toString("utf8")
            .replace(/^skip:/, ""),
        ) || 0
      : 0;
    const fields = url.searchParams.get("$select")?.split(",").filter(Boolean);
    const next = new URL(url.pathname + url.search, options.nextLinkOrigin ?? origin);
    next.searchParams.set("$top", String(top));
    next.searchParams.set("$skiptoken", Buffer.from(`skip:${skip + top}`).toString("base64url"));
    return {
      status: 200,
      body: {
        "@odata.context": `${origin}/v1.0/$metadata#collection`,
        value: items.slice(skip, skip + top).map((item) => select(item, fields)),
        ...(skip + top < items.length ? { "@odata.nextLink": next.toString() } : {}),
      },
    };
  }

  function groupMembers(groupId: string, usersOnly: boolean): object[] {
    const members: object[] = [];
    const seen = new Set<string>([groupId]);
    const visit = (id: string) => {
      for (const member of tenant.groups.get(id)?.members ?? []) {
        const nested = tenant.groups.get(member);
        if (nested) {
          if (seen.has(member)) continue;
          seen.add(member);
          if (!usersOnly)
            members.push({ "@odata.type": "#microsoft.graph.group", id: nested.id, displayName: nested.displayName });
          visit(member);
        } else {
          // Graph lists a user reached through two nested groups once per path: the client dedupes.
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
    if (path === "/organization") {
      if (options.organizationForbidden)
        return {
          status: 403,
          body: error("Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
        };
      return page(
        [
          {
            id: tenant.tenantId,
            displayName: tenant.name,
            verifiedDomains: tenant.verifiedDomains.map((name, index) => ({
              name,
              isDefault: index === 0,
              isInitial: name.endsWith(".onmicrosoft.com"),
            })),
          },
        ],
        url,
        origin,
        999,
        100,
      );
    }
    if (path === "/users") return page(tenant.users, url, origin, pageCap, 100);
    if (path === "/groups") {
      const filter = /^displayName eq '((?:[^']|'')*)'$/.exec(url.searchParams.get("$filter") ?? "");
      const groups = [...tenant.groups.values()].filter(
        (group) => !filter || group.displayName === (filter[1] ?? "").replace(/''/g, "'"),
      );
      return page(
        groups.map((group) => ({ id: group.id, displayName: group.displayName })),
        url,
        origin,
        pageCap,
        100,
      );
    }
    const groupMatch = /^\/groups\/([^/]+)(\/transitiveMembers(\/microsoft\.graph\.user)?)?$/.exec(path);
    if (groupMatch) {
      const group = tenant.groups.get(groupMatch[1] ?? "");
      if (!group)
        return {
          status: 404,
          body: error("Request_ResourceNotFound", `Resource '${groupMatch[1] ?? ""}' does not exist.`),
        };
      if (!groupMatch[2])
        return {
          status: 200,
          body: select({ id: group.id, displayName: group.displayName }, url.searchParams.get("$select")?.split(",")),
        };
      return page(groupMembers(group.id, Boolean(groupMatch[3])), url, origin, pageCap, 100);
    }
    const match = /^\/users\/([^/]+)\/(.+)$/.exec(path);
    if (!match) return { status: 400, body: error("BadRequest", `Resource not found for the segment '${path}'.`) };
    const key = (match[1] ?? "").toLowerCase();
    const user = byId.get(key) ?? byUpn.get(key);
    if (!user) return { status: 404, body: error("Request_ResourceNotFound", `Resource '${key}' does not exist.`) };
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
        headers: retryAfterHeaders(),
        body: error("ApplicationThrottled", "Application is over its MailboxConcurrency limit."),
      };
    }
    if (mailbox.alwaysThrottled) {
      stats.throttled++;
      return {
        status: 429,
        headers: retryAfterHeaders(),
        body: error("ApplicationThrottled", "Application is over its MailboxConcurrency limit."),
      };
    }
    const rate = options.throttleRate ?? 0;
    if (rate > 0 && rand() < rate) {
      stats.throttled++;
      const status = rand() < 0.7 ? 429 : 503;
      return {
        status,
        headers: retryAfterHeaders(),
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

  function read(resource: string, url: URL, origin: string, mailbox: Mailbox): Answer {
    const kind: MailboxResource | undefined = resource.startsWith("mailboxSettings")
      ? "settings"
      : resource === "calendar/calendarView"
        ? "calendar"
        : resource === "calendar/calendarPermissions"
          ? "permissions"
          : resource === "mailFolders/inbox/messageRules"
            ? "rules"
            : undefined;
    if (!kind) return { status: 400, body: error("BadRequest", `Resource not found for the segment '${resource}'.`) };
    if (mailbox.forbidden?.includes(kind))
      return { status: 403, body: error("ErrorAccessDenied", "Access is denied. Check credentials and try again.") };
    const raw = mailbox.raw?.[kind];
    if (raw !== undefined) return { status: 200, body: raw };
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
          "@odata.context": `${origin}/v1.0/$metadata#users('id')/mailboxSettings`,
          archiveFolder: "AAMkAGI2archive",
          automaticRepliesSetting: mailbox.automaticRepliesSetting,
          timeZone: mailbox.timeZone ?? "GMT Standard Time",
          language: { locale: "en-GB", displayName: "English (United Kingdom)" },
          userPurpose: mailbox.userPurpose ?? "user",
        },
      };
    if (kind === "calendar") {
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
      const from = Date.parse(/(?:Z|[+-]\d\d:\d\d)$/.test(start) ? start : `${start}Z`);
      const until = Date.parse(/(?:Z|[+-]\d\d:\d\d)$/.test(end) ? end : `${end}Z`);
      const events = mailbox.events.filter((event) => {
        const span = eventSpan(event);
        return !span || (span[0] < until && span[1] > from);
      });
      return page(events.map(served), url, origin, eventCap, 10);
    }
    if (kind === "permissions") return { status: 200, body: { value: mailbox.calendarPermissions } };
    return page(mailbox.messageRules, url, origin, 1000, 1000);
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    stats.requests++;
    if (stats.requests <= (options.resetFirstRequests ?? 0)) {
      request.socket.destroy();
      return;
    }
    const origin = `http://${request.headers.host ?? "127.0.0.1"}`;
    const send = (answer: Answer) => {
      response.writeHead(answer.status, { "content-type": "application/json", ...(answer.headers ?? {}) });
      response.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    };
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void (async () => {
        const authorization = request.headers.authorization ?? "";
        stats.tokensSeen.add(authorization);
        if (!authorization.startsWith("Bearer ") || !tokens.has(authorization.slice(7))) {
          stats.unauthorized++;
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
              headers: retryAfterHeaders(),
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
          // Graph answers inner requests in whichever order they finish: the stand-in shuffles them.
          for (let index = responses.length - 1; index > 0; index--) {
            const other = Math.floor(rand() * (index + 1));
            [responses[index], responses[other]] = [
              responses[other] as (typeof responses)[number],
              responses[index] as (typeof responses)[number],
            ];
          }
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
    allowToken: (value) => void tokens.add(value),
    revokeToken: (value) => void tokens.delete(value),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
