import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback stand-in for the parts of Microsoft Graph the Teams service calls, following Graph's
 * documented shapes:
 * - list items: POST /sites/{site-id}/lists/{list-id}/items with { fields: {...} } → 201 listItem;
 *   GET .../items?expand=fields with $top paging through @odata.nextLink; $filter on fields/X
 *   (eq, gt, and) answered only with `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`
 *   unless the column is indexed; $orderby on an indexed column; GET .../items/{id};
 *   PATCH .../items/{id}/fields with optional If-Match (a stale eTag gets 412 Precondition Failed and
 *   changes nothing, as Graph's "Update listItem" documents); DELETE .../items/{id}. Every item
 *   carries an eTag ("{guid},{version}") that changes on each update.
 * - POST /users/{id}/teamwork/sendActivityNotification → 204, checking the request body.
 * - GET /groups/{id}/transitiveMembers/microsoft.graph.user (paged), POST /users/{id}/checkMemberGroups.
 * Every request must carry the expected bearer token.
 */
export interface GraphStandIn {
  readonly baseUrl: string;
  readonly token: string;
  readonly requests: { method: string; path: string; headers: IncomingMessage["headers"]; body: unknown }[];
  readonly notifications: { userId: string; body: Record<string, unknown> }[];
  /** Rows as SharePoint holds them, for tests that tamper with the list like a site owner could. */
  readonly items: Map<string, Map<string, StandInItem>>;
  close(): Promise<void>;
}

export interface StandInItem {
  id: string;
  fields: Record<string, unknown>;
  guid: string;
  version: number;
}

const etagOf = (item: StandInItem) => `"${item.guid},${item.version}"`;

export interface GraphStandInOptions {
  readonly pageSize?: number;
  readonly indexedColumns?: readonly string[];
  readonly groups?: Readonly<Record<string, readonly { id: string; displayName: string; userPrincipalName: string }[]>>;
  /** Respond 429 with Retry-After to the first N activity notifications (throttling). */
  readonly throttleFirst?: number;
  /**
   * Users who do not have the Teams app installed: Graph refuses their activity notifications with 403
   * (Microsoft Learn: "The Teams app must be installed for the recipient"). Users in no group are unknown: 404.
   */
  readonly appNotInstalledFor?: readonly string[];
  /**
   * Users deleted from Entra ID whom group membership still lists (Graph's directory reads are eventually
   * consistent): their activity notifications get 404.
   */
  readonly deletedUsers?: readonly string[];
}

const NOTIFICATION_KEYS = new Set([
  "topic",
  "activityType",
  "previewText",
  "templateParameters",
  "teamsAppId",
  "chainId",
  "iconId",
]);

export async function startGraphStandIn(options: GraphStandInOptions = {}): Promise<GraphStandIn> {
  const pageSize = options.pageSize ?? 100;
  const indexed = new Set(options.indexedColumns ?? ["Seq"]);
  const token = `stand-in-${randomUUID()}`;
  const items = new Map<string, Map<string, StandInItem>>();
  let nextId = 0;
  const requests: GraphStandIn["requests"] = [];
  const notifications: GraphStandIn["notifications"] = [];
  let throttled = 0;
  let origin = "";

  const send = (response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    response.writeHead(status, { ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers });
    response.end(body === undefined ? undefined : JSON.stringify(body));
  };
  const error = (response: ServerResponse, status: number, code: string, message: string) =>
    send(response, status, { error: { code, message, innerError: { "request-id": randomUUID() } } });

  const server = createServer((request, response) => {
    let raw = "";
    request.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", origin);
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        return error(response, 400, "BadRequest", "Unable to read JSON request payload.");
      }
      requests.push({ method: request.method ?? "", path: url.pathname + url.search, headers: request.headers, body });
      if (request.headers.authorization !== `Bearer ${token}`) {
        return error(response, 401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
      }
      const path = url.pathname.replace(/^\/v1\.0/, "");
      let match: RegExpExecArray | null;

      if ((match = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items$/.exec(path))) {
        const listKey = `${decodeURIComponent(match[1] ?? "")}/${decodeURIComponent(match[2] ?? "")}`;
        const list = items.get(listKey) ?? new Map();
        items.set(listKey, list);
        if (request.method === "POST") {
          if (!body || typeof body !== "object" || Object.keys(body).some((key) => key !== "fields")) {
            return error(response, 400, "invalidRequest", "Invalid request: expected { fields }.");
          }
          nextId += 1;
          const id = String(nextId);
          const fields = { ...(body as { fields: Record<string, unknown> }).fields };
          const item = { id, fields, guid: randomUUID(), version: 1 };
          list.set(id, item);
          return send(response, 201, {
            id,
            eTag: etagOf(item),
            "@odata.etag": etagOf(item),
            createdDateTime: new Date().toISOString(),
            fields: { id, ...fields },
          });
        }
        if (request.method === "GET") {
          let rows = [...list.values()];
          const filter = url.searchParams.get("$filter");
          if (filter) {
            const clauses = filter
              .split(" and ")
              .map((clause) => /^fields\/(\w+) (eq|gt) (?:'((?:[^']|'')*)'|(\d+))$/.exec(clause.trim()));
            if (clauses.some((clause) => !clause))
              return error(response, 400, "invalidRequest", "Invalid filter clause.");
            const nonIndexed = clauses.map((clause) => clause?.[1] ?? "").filter((column) => !indexed.has(column));
            const prefer = String(request.headers.prefer ?? "");
            if (nonIndexed.length > 0 && !prefer.includes("HonorNonIndexedQueriesWarningMayFailRandomly")) {
              return error(
                response,
                400,
                "invalidRequest",
                `Field '${nonIndexed[0]}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
              );
            }
            rows = rows.filter((row) =>
              clauses.every((clause) => {
                const [, column, op, text, number] = clause ?? [];
                const value = row.fields[column ?? ""];
                if (op === "eq")
                  return text !== undefined ? value === text.replace(/''/g, "'") : value === Number(number);
                return Number(value) > Number(number ?? text);
              }),
            );
          }
          const orderby = url.searchParams.get("$orderby");
          if (orderby) {
            const [field, direction] = orderby.split(" ");
            const column = (field ?? "").replace(/^fields\//, "");
            if (!indexed.has(column))
              return error(response, 400, "invalidRequest", `Field '${column}' is not indexed.`);
            rows.sort((a, b) => Number(a.fields[column]) - Number(b.fields[column]));
            if (direction === "desc") rows.reverse();
          }
          const top = Math.min(Number(url.searchParams.get("$top") ?? pageSize), pageSize);
          const skip = Number(url.searchParams.get("$skiptoken") ?? 0);
          const page = rows.slice(skip, skip + top);
          const expand = url.searchParams.get("expand") ?? url.searchParams.get("$expand") ?? "";
          const value = page.map((row) => ({
            id: row.id,
            eTag: etagOf(row),
            "@odata.etag": etagOf(row),
            ...(expand.startsWith("fields") ? { fields: { id: row.id, ...row.fields } } : {}),
          }));
          const result: Record<string, unknown> = { value };
          if (skip + top < rows.length && !orderby) {
            const nextUrl = new URL(url);
            nextUrl.searchParams.set("$skiptoken", String(skip + top));
            result["@odata.nextLink"] = nextUrl.toString();
          }
          return send(response, 200, result);
        }
      }
      if ((match = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/([^/]+)(\/fields)?$/.exec(path))) {
        const list = items.get(`${decodeURIComponent(match[1] ?? "")}/${decodeURIComponent(match[2] ?? "")}`);
        const id = decodeURIComponent(match[3] ?? "");
        const row = list?.get(id);
        if (!row) return error(response, 404, "itemNotFound", "Item not found");
        if (match[4] && request.method === "PATCH") {
          const ifMatch = request.headers["if-match"];
          if (ifMatch !== undefined && ifMatch !== "*" && ifMatch !== etagOf(row))
            return error(response, 412, "preconditionFailed", "The eTag provided does not match the current eTag.");
          Object.assign(row.fields, body as Record<string, unknown>);
          row.version += 1;
          return send(response, 200, { id: row.id, ...row.fields });
        }
        if (!match[4] && request.method === "GET") {
          const expand = url.searchParams.get("expand") ?? url.searchParams.get("$expand") ?? "";
          return send(response, 200, {
            id: row.id,
            eTag: etagOf(row),
            "@odata.etag": etagOf(row),
            ...(expand.startsWith("fields") ? { fields: { id: row.id, ...row.fields } } : {}),
          });
        }
        if (!match[4] && request.method === "DELETE") {
          list?.delete(id);
          return send(response, 204);
        }
      }
      if ((match = /^\/users\/([^/]+)\/teamwork\/sendActivityNotification$/.exec(path)) && request.method === "POST") {
        const notification = body as Record<string, unknown> | undefined;
        const topic = notification?.["topic"] as Record<string, unknown> | undefined;
        const problems: string[] = [];
        if (!notification) problems.push("body");
        else {
          for (const key of Object.keys(notification))
            if (!NOTIFICATION_KEYS.has(key)) problems.push(`unknown property ${key}`);
          if (typeof notification["activityType"] !== "string") problems.push("activityType");
          if (!topic || !["entityUrl", "text"].includes(String(topic["source"])) || typeof topic["value"] !== "string")
            problems.push("topic");
          if (topic?.["source"] === "text" && typeof topic["webUrl"] !== "string")
            problems.push("topic.webUrl is required for text topics");
          const preview = notification["previewText"] as Record<string, unknown> | undefined;
          if (!preview || typeof preview["content"] !== "string") problems.push("previewText.content");
          const parameters = notification["templateParameters"];
          if (
            !Array.isArray(parameters) ||
            parameters.some((p) => typeof p?.name !== "string" || typeof p?.value !== "string")
          ) {
            problems.push("templateParameters");
          }
        }
        if (problems.length > 0)
          return error(response, 400, "BadRequest", `Invalid notification: ${problems.join(", ")}`);
        if (throttled < (options.throttleFirst ?? 0)) {
          throttled += 1;
          return send(
            response,
            429,
            { error: { code: "TooManyRequests", message: "Too many requests" } },
            { "Retry-After": "0" },
          );
        }
        const userId = decodeURIComponent(match[1] ?? "");
        if (
          options.deletedUsers?.includes(userId) ||
          (options.groups && !Object.values(options.groups).some((members) => members.some((m) => m.id === userId)))
        )
          return error(response, 404, "Request_ResourceNotFound", `Resource '${userId}' does not exist.`);
        if (options.appNotInstalledFor?.includes(userId))
          return error(response, 403, "Forbidden", "Forbidden: the recipient has not installed the app.");
        notifications.push({ userId, body: notification ?? {} });
        return send(response, 204);
      }
      if (
        (match = /^\/groups\/([^/]+)\/transitiveMembers\/microsoft\.graph\.user$/.exec(path)) &&
        request.method === "GET"
      ) {
        const members = options.groups?.[decodeURIComponent(match[1] ?? "")];
        if (!members) return error(response, 404, "Request_ResourceNotFound", "Resource does not exist.");
        const top = Math.min(Number(url.searchParams.get("$top") ?? pageSize), pageSize);
        const skip = Number(url.searchParams.get("$skiptoken") ?? 0);
        const result: Record<string, unknown> = {
          value: members
            .slice(skip, skip + top)
            .map((member) => ({ "@odata.type": "#microsoft.graph.user", ...member })),
        };
        if (skip + top < members.length) {
          const nextUrl = new URL(url);
          nextUrl.searchParams.set("$skiptoken", String(skip + top));
          result["@odata.nextLink"] = nextUrl.toString();
        }
        return send(response, 200, result);
      }
      if ((match = /^\/users\/([^/]+)\/checkMemberGroups$/.exec(path)) && request.method === "POST") {
        const groupIds = (body as { groupIds?: unknown })?.groupIds;
        if (!Array.isArray(groupIds) || groupIds.length > 20)
          return error(response, 400, "BadRequest", "groupIds: 1 to 20 ids.");
        const userId = decodeURIComponent(match[1] ?? "");
        const value = groupIds.filter((id: string) => options.groups?.[id]?.some((member) => member.id === userId));
        return send(response, 200, { value });
      }
      return error(response, 404, "UnknownResource", `No stand-in for ${request.method} ${path}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: origin,
    token,
    requests,
    notifications,
    items,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
