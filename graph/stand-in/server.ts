import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Tenant } from "./tenant.js";

/**
 * A local Microsoft Graph stand-in (loopback only) with the documented shapes the sweep reads:
 * users with paging, JSON batching, automatic replies, calendar view, calendar permissions and inbox
 * rules; a bearer-token check; latency; Outlook's per-mailbox concurrency limit (429 when exceeded);
 * injected 429/503 with Retry-After; and a request count.
 */
export interface StandInOptions {
  readonly tenant: Tenant;
  readonly token?: string;
  readonly latencyMs?: number;
  /** Share of mailbox requests answered 429 or 503 with Retry-After (0 to 1). */
  readonly throttleRate?: number;
  /** Retry-After seconds sent with injected faults (fractions allowed for tests). */
  readonly retryAfterSeconds?: number;
  readonly perMailboxLimit?: number;
  readonly pageSize?: number;
  readonly seed?: number;
}

export interface GraphStandIn {
  readonly url: string;
  readonly token: string;
  readonly stats: { requests: number; batches: number; innerRequests: number; throttled: number; maxBatchSize: number };
  close(): Promise<void>;
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export async function startGraphStandIn(options: StandInOptions): Promise<GraphStandIn> {
  const token = options.token ?? "stand-in-token";
  const stats = { requests: 0, batches: 0, innerRequests: 0, throttled: 0, maxBatchSize: 0 };
  const inFlight = new Map<string, number>();
  let seed = options.seed ?? 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const latency = () => new Promise((resolve) => setTimeout(resolve, options.latencyMs ?? 0));
  const retryAfter = String(options.retryAfterSeconds ?? 1);
  const byId = new Map(options.tenant.users.map((user) => [user.id, user]));
  const byUpn = new Map(options.tenant.users.map((user) => [user.userPrincipalName.toLowerCase(), user]));

  async function handle(method: string, rawUrl: string, origin: string): Promise<Answer> {
    const url = new URL(rawUrl, origin);
    const path = url.pathname.replace(/^\/v1\.0/, "");
    if (method !== "GET") return { status: 405, body: error("MethodNotAllowed", "Read-only stand-in") };
    if (path === "/users") {
      const top = Number(url.searchParams.get("$top") ?? options.pageSize ?? 100);
      const skip = Number(url.searchParams.get("$skiptoken") ?? 0);
      const page = options.tenant.users.slice(skip, skip + top);
      const next = skip + top < options.tenant.users.length;
      const select = url.searchParams.get("$select")?.split(",");
      return {
        status: 200,
        body: {
          value: page.map((user) =>
            select ? Object.fromEntries(select.map((key) => [key, user[key as keyof typeof user]])) : user,
          ),
          ...(next
            ? {
                "@odata.nextLink": `${origin}/v1.0/users?$top=${top}&$skiptoken=${skip + top}${select ? `&$select=${select.join(",")}` : ""}`,
              }
            : {}),
        },
      };
    }
    const match = /^\/users\/([^/]+)\/(.+)$/.exec(path);
    if (!match) return { status: 404, body: error("ResourceNotFound", `No route ${path}`) };
    const key = decodeURIComponent(match[1] ?? "").toLowerCase();
    const user = byId.get(key) ?? byUpn.get(key);
    const mailbox = user ? options.tenant.mailboxes.get(user.id) : undefined;
    if (!user || !mailbox) return { status: 404, body: error("ErrorItemNotFound", "The user was not found.") };
    if (mailbox.missing)
      return {
        status: 404,
        body: error(
          "MailboxNotEnabledForRESTAPI",
          "The mailbox is either inactive, soft-deleted, or is hosted on-premise.",
        ),
      };
    const limit = options.perMailboxLimit ?? Infinity;
    const busy = inFlight.get(user.id) ?? 0;
    if (busy >= limit || ((options.throttleRate ?? 0) > 0 && rand() < (options.throttleRate ?? 0))) {
      stats.throttled++;
      const status = busy >= limit || rand() < 0.7 ? 429 : 503;
      return {
        status,
        headers: { "Retry-After": retryAfter },
        body: error(status === 429 ? "ApplicationThrottled" : "ServiceUnavailable", "Try again later."),
      };
    }
    inFlight.set(user.id, busy + 1);
    try {
      await latency();
      const resource = match[2] ?? "";
      if (resource === "mailboxSettings/automaticRepliesSetting")
        return { status: 200, body: mailbox.automaticRepliesSetting };
      if (resource === "mailboxSettings")
        return { status: 200, body: { automaticRepliesSetting: mailbox.automaticRepliesSetting } };
      if (resource === "calendar/calendarView") {
        const start = url.searchParams.get("startDateTime");
        const end = url.searchParams.get("endDateTime");
        if (!start || !end)
          return { status: 400, body: error("ErrorInvalidParameter", "startDateTime and endDateTime are required.") };
        const value = mailbox.events.filter((event) => event.start.dateTime < end && event.end.dateTime > start);
        return { status: 200, body: { value } };
      }
      if (resource === "calendar/calendarPermissions")
        return { status: 200, body: { value: mailbox.calendarPermissions } };
      if (resource === "mailFolders/inbox/messageRules") return { status: 200, body: { value: mailbox.messageRules } };
      return { status: 404, body: error("ResourceNotFound", `No route ${resource}`) };
    } finally {
      inFlight.set(user.id, (inFlight.get(user.id) ?? 1) - 1);
    }
  }

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    stats.requests++;
    const origin = `http://${request.headers.host ?? "127.0.0.1"}`;
    const send = (answer: Answer) => {
      response.writeHead(answer.status, { "content-type": "application/json", ...(answer.headers ?? {}) });
      response.end(answer.body === undefined ? "" : JSON.stringify(answer.body));
    };
    if (request.headers.authorization !== `Bearer ${token}`) {
      return send({ status: 401, body: error("InvalidAuthenticationToken", "Access token is empty or invalid.") });
    }
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      void (async () => {
        if (request.method === "POST" && (request.url ?? "").startsWith("/v1.0/$batch")) {
          stats.batches++;
          const batch = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as {
            requests?: { id: string; method: string; url: string }[];
          };
          const requests = batch.requests ?? [];
          stats.maxBatchSize = Math.max(stats.maxBatchSize, requests.length);
          if (requests.length === 0 || requests.length > 20) {
            return send({ status: 400, body: error("BadRequest", "A batch holds between 1 and 20 requests.") });
          }
          const responses = await Promise.all(
            requests.map(async (inner) => {
              stats.innerRequests++;
              const answer = await handle(
                inner.method,
                `/v1.0${inner.url.startsWith("/") ? "" : "/"}${inner.url}`,
                origin,
              );
              return { id: inner.id, status: answer.status, headers: answer.headers ?? {}, body: answer.body };
            }),
          );
          return send({ status: 200, body: { responses } });
        }
        send(await handle(request.method ?? "GET", request.url ?? "/", origin));
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    stats,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function error(code: string, message: string) {
  return { error: { code, message } };
}
