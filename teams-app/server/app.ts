/**
 * The acknowledgement API and the tab's static files, as a Hono app — a library for any host.
 *
 * Exports (stable; the production server in server/ mounts the app with them):
 * - `createApp(config: AppConfig, services?: Services): Hono` — builds the app from a checked
 *   configuration object (config.ts `readConfig` / `checkConfig`); `services` defaults to
 *   `createServices(config)` (services.ts) and lets a host or a test pass its own store,
 *   directory, notifier or clock. `buildApp` is an alias.
 * - `MAX_BODY_BYTES`, `FRAME_ANCESTORS` (the hosts allowed to frame the tab), `PersonStatus`.
 *
 * Every request passes, in order: the Host allow-list (421 otherwise, against DNS rebinding),
 * Hono's secureHeaders (CSP with frame-ancestors for Teams, Outlook and the Microsoft 365 app as
 * Microsoft Learn's "Tab requirements" lists them, HSTS, nosniff, no referrer), the 16 KiB body
 * limit and, for /api routes but /api/config, token validation (auth.ts) with its caller-kind
 * checks. Admin routes also need the PolicyAdmin app role on that (delegated, user) token.
 */
import { serveStatic } from "@hono/node-server/serve-static";
import { existsSync } from "node:fs";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { z } from "zod";
import { AuthError, type Identity } from "./auth.js";
import type { PolicyDocument } from "./catalogue.js";
import { checkConfig, type AppConfig } from "./config.js";
import { toCsv } from "./csv.js";
import type { Person } from "./directory/types.js";
import { ACTIVITY_TYPE, tabDeepLink } from "./notifier.js";
import { createServices, type Services } from "./services.js";
import { statusFor, type AcknowledgementStatus } from "./status.js";
import type { AcknowledgementRecord } from "./store/record.js";
import { findMalformedString, namesMatch, safeText } from "./text.js";

export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Who may frame the tab, as Microsoft Learn's "Tab requirements" (Teams platform) lists the
 * Microsoft 365 app hosts: all hosts on *.cloud.microsoft; Teams; the Microsoft 365 app; Outlook.
 */
export const FRAME_ANCESTORS: readonly string[] = [
  "https://*.cloud.microsoft",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.microsoft365.com",
  "https://*.office.com",
  "https://outlook.office.com",
  "https://outlook.office365.com",
  "https://outlook-sdf.office.com",
  "https://outlook-sdf.office365.com",
];

/** Two years, subdomains included (the tab and API are only ever served over HTTPS in production). */
const HSTS = "max-age=63072000; includeSubDomains";

type AppEnv = { Variables: { identity: Identity } };

/** Errors are always JSON: `{ error: { code, message, details? } }`. */
function fail(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 421 | 429 | 500 | 502,
  code: string,
  message: string,
  details?: unknown,
) {
  return c.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);
}

const acknowledgementBody = z.strictObject({
  policyId: safeText({ max: 100 }),
  version: safeText({ max: 50 }),
  textHash: z.string().regex(/^[a-f0-9]{64}$/, { message: "must be the lower-case hex SHA-256 of the text" }),
  // An e-signature, not a payload: well-formed, NFC, visible, at least two letters (text.ts).
  fullName: safeText({ max: 200, name: true }),
});

const remindersBody = z.strictObject({
  policyId: safeText({ max: 100 }).optional(),
  /** The token a first call (without it) returned: proof the admin saw how many people. */
  confirm: z.string().max(2000).optional(),
});

export interface PersonStatus {
  readonly tid: string;
  readonly oid: string;
  readonly upn: string;
  readonly displayName: string;
  readonly audiences: readonly string[];
  readonly policyId: string;
  readonly version: string;
  readonly status: AcknowledgementStatus;
  readonly dueDate?: string;
  readonly acknowledgedAt?: string;
  readonly fullName?: string;
  /** Did the typed name match the signed-in account's (an acknowledgement made "anyway" did not)? */
  readonly nameMatch?: boolean;
  readonly recordHash?: string;
}

export function createApp(config: AppConfig, services: Services = createServices(config)): Hono<AppEnv> {
  checkConfig(config);
  const { catalogue, store, directory, notifier } = services;
  const app = new Hono<AppEnv>();
  const allowedHosts = config.allowedHosts.map((host) => host.toLowerCase());

  app.onError((error, c) => {
    if (error instanceof AuthError)
      return fail(c, error.status, error.status === 401 ? "unauthorized" : "forbidden", error.message);
    console.error("[teams-app] unhandled error:", error);
    return fail(c, 500, "internal", "Something went wrong on the server; nothing was recorded.");
  });
  app.notFound((c) => fail(c, 404, "not-found", "No such resource."));

  // DNS rebinding: a page on evil.example resolving to this server must not reach the API.
  app.use("*", async (c, next) => {
    const host = (c.req.header("host") ?? new URL(c.req.url).host).toLowerCase();
    if (!hostAllowed(host, allowedHosts))
      return fail(c, 421, "misdirected", "This server does not answer for that host name.");
    await next();
  });
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        // teams-js v2 fetches its list of valid host domains from Microsoft's CDN when it initialises.
        connectSrc: ["'self'", "https://login.microsoftonline.com", "https://res.cdn.office.net"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        // Teams, Outlook and the Microsoft 365 app frame the tab; nobody else may.
        frameAncestors: ["'self'", ...FRAME_ANCESTORS],
      },
      // X-Frame-Options cannot list several hosts; frame-ancestors above supersedes it.
      xFrameOptions: false,
      strictTransportSecurity: HSTS,
      referrerPolicy: "no-referrer",
      // MSAL's popup fallback (outside nested app auth) needs its opener.
      crossOriginOpenerPolicy: "same-origin-allow-popups",
      crossOriginResourcePolicy: "same-origin",
    }),
  );
  // Source maps are never built for production (build.ts); refuse to serve one anyway.
  app.use("*", async (c, next) => {
    if (config.production && c.req.path.endsWith(".map")) return fail(c, 404, "not-found", "No such resource.");
    await next();
  });
  // Hono's bodyLimit, but only where it is needed: it reads `c.req.raw.body`, which makes
  // @hono/node-server build a full WHATWG Request with streams for every request — a fifth of an
  // acknowledgement's server time in the profile. A Content-Length (which Node's parser holds
  // the body to) is checked here; any other body (chunked, or from a host that gives no length)
  // goes through bodyLimit, which counts it.
  const limitChunked = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => fail(c, 413, "too-large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`),
  });
  app.use("/api/*", async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined)
      return Number(length) <= MAX_BODY_BYTES
        ? next()
        : fail(c, 413, "too-large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    return limitChunked(c, next);
  });
  app.use("/api/*", async (c, next) => {
    if (c.req.header("Authorization")) c.header("Cache-Control", "no-store");
    await next();
  });

  // Public: what the tab needs to sign in. No secrets here.
  app.get("/api/config", (c) =>
    c.json({
      schoolName: catalogue.schoolName,
      tenantId: config.tenantId,
      apiScope: config.apiScope,
      tabClientId: config.tabClientId ?? null,
      devSignIn: config.devSignIn,
    }),
  );

  if (services.devIssuer) {
    const issuer = services.devIssuer;
    app.get("/dev/jwks.json", (c) => c.json(issuer.jwks));
    app.get("/dev/personas", (c) => c.json({ personas: issuer.personas }));
    app.post("/dev/token", async (c) => {
      const body = z.strictObject({ personaId: z.string().min(1).max(40) }).safeParse(await readJson(c));
      if (!body.success) return fail(c, 400, "invalid-body", "Send { personaId }.");
      const token = await issuer.mint(body.data.personaId);
      if (!token) return fail(c, 404, "not-found", "No such development persona.");
      return c.json({ accessToken: token, devSignIn: true });
    });
  }

  const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
    c.set("identity", await services.verifyToken(c.req.header("Authorization")));
    await next();
  };
  const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (!c.get("identity").isAdmin) throw new AuthError("This needs the PolicyAdmin app role.", 403);
    await next();
  };
  app.use("/api/policies", authenticate);
  app.use("/api/policies/*", authenticate);
  app.use("/api/acknowledgements", authenticate);
  app.use("/api/me/*", authenticate);
  app.use("/api/admin/*", authenticate, requireAdmin);

  const describe = (doc: PolicyDocument) => ({
    id: doc.id,
    title: doc.title,
    version: doc.version,
    effectiveDate: doc.effectiveDate,
    textHash: doc.sha256,
  });

  async function requiredFor(person: Pick<Person, "tid" | "oid">): Promise<Map<string, string[]>> {
    const groups = await directory.groupsOf(
      person,
      catalogue.audiences.map((rule) => rule.group),
    );
    const required = new Map<string, string[]>();
    for (const rule of catalogue.audiences) {
      if (!groups.some((group) => group.name === rule.group.name && group.id === rule.group.id)) continue;
      for (const id of rule.documentIds) required.set(id, [...(required.get(id) ?? []), rule.audience]);
    }
    return required;
  }

  app.get("/api/policies", async (c) => {
    const identity = c.get("identity");
    const [required, records] = await Promise.all([
      requiredFor(identity),
      store.listForUser(identity.tid, identity.oid),
    ]);
    const now = services.now();
    return c.json({
      user: { displayName: identity.displayName, upn: identity.upn, isAdmin: identity.isAdmin },
      policies: [...catalogue.documents.values()].map((doc) => {
        const audiences = required.get(doc.id);
        const status = audiences
          ? statusFor(doc, catalogue.cadence, records, now)
          : { status: "not-required" as const };
        return { ...describe(doc), audiences: audiences ?? [], ...status };
      }),
    });
  });

  app.get("/api/policies/:id", (c) => {
    const doc = catalogue.documents.get(c.req.param("id"));
    if (!doc) return fail(c, 404, "not-found", "No such policy document.");
    return c.json({ ...describe(doc), markdown: doc.markdown });
  });

  app.post("/api/acknowledgements", async (c) => {
    const json = await readJson(c);
    if (json instanceof Response) return json;
    const body = acknowledgementBody.safeParse(json);
    if (!body.success) {
      const details = body.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
      // Said so the person can act on it (the tab shows this message).
      const label = (path: string) => (path === "fullName" ? "Your typed name" : path || "The request");
      return fail(
        c,
        400,
        "invalid-body",
        `The acknowledgement is not valid: ${details.map((detail) => `${label(detail.path)} ${detail.message}`).join("; ")}.`,
        details,
      );
    }
    const doc = catalogue.documents.get(body.data.policyId);
    if (!doc) return fail(c, 404, "not-found", "No such policy document.");
    if (doc.version !== body.data.version || doc.sha256 !== body.data.textHash) {
      return fail(
        c,
        409,
        "stale-version",
        "The policy has changed since you opened it: please read the current version.",
        {
          current: describe(doc),
        },
      );
    }
    const identity = c.get("identity");
    const { record, created } = await store.append({
      tid: identity.tid,
      oid: identity.oid,
      upn: identity.upn,
      displayName: identity.displayName,
      fullName: body.data.fullName,
      nameMatch: namesMatch(body.data.fullName, identity.displayName),
      policyId: doc.id,
      version: doc.version,
      textHash: doc.sha256,
    });
    return c.json({ record }, created ? 201 : 200);
  });

  app.get("/api/me/acknowledgements", async (c) => {
    const identity = c.get("identity");
    const records = await store.listForUser(identity.tid, identity.oid);
    return c.json({ records: [...records].reverse() });
  });

  async function peopleStatus(
    policyId: string | undefined,
  ): Promise<{ rows: PersonStatus[]; byAudience: AudienceSummary[] }> {
    const docs = [...catalogue.documents.values()].filter((doc) => !policyId || doc.id === policyId);
    const records = await store.listAll();
    const byPerson = new Map<string, AcknowledgementRecord[]>();
    for (const record of records) {
      const key = `${record.tid}/${record.oid}`;
      const list = byPerson.get(key);
      if (list) list.push(record);
      else byPerson.set(key, [record]);
    }
    const now = services.now();
    const rows = new Map<string, PersonStatus & { audiences: string[] }>();
    const byAudience: AudienceSummary[] = [];
    for (const rule of catalogue.audiences) {
      const members = await directory.membersOf(rule.group);
      for (const doc of docs) {
        if (!rule.documentIds.includes(doc.id)) continue;
        const summary: AudienceSummary = {
          audience: rule.audience,
          group: rule.group.name,
          policyId: doc.id,
          required: 0,
          acknowledged: 0,
          due: 0,
          overdue: 0,
          completion: 0,
        };
        for (const person of members) {
          const key = `${person.tid}/${person.oid}/${doc.id}`;
          let row = rows.get(key);
          if (!row) {
            const mine = byPerson.get(`${person.tid}/${person.oid}`) ?? [];
            const result = statusFor(doc, catalogue.cadence, mine, now);
            const evidence =
              result.status === "acknowledged"
                ? mine
                    .filter((record) => record.policyId === doc.id && record.acknowledgedAt === result.acknowledgedAt)
                    .pop()
                : undefined;
            row = {
              tid: person.tid,
              oid: person.oid,
              upn: person.upn,
              displayName: person.displayName,
              audiences: [],
              policyId: doc.id,
              version: doc.version,
              ...result,
              ...(evidence
                ? { fullName: evidence.fullName, nameMatch: evidence.nameMatch, recordHash: evidence.hash }
                : {}),
            };
            rows.set(key, row);
          }
          row.audiences.push(rule.audience);
          summary.required += 1;
          if (row.status === "acknowledged") summary.acknowledged += 1;
          else if (row.status === "due") summary.due += 1;
          else if (row.status === "overdue") summary.overdue += 1;
        }
        summary.completion =
          summary.required === 0 ? 100 : Math.round((summary.acknowledged / summary.required) * 1000) / 10;
        byAudience.push(summary);
      }
    }
    return { rows: [...rows.values()], byAudience };
  }

  app.get("/api/admin/status", async (c) => {
    const policyId = c.req.query("policyId") || undefined;
    if (policyId && !catalogue.documents.has(policyId)) return fail(c, 404, "not-found", "No such policy document.");
    const { rows, byAudience } = await peopleStatus(policyId);
    return c.json({
      generatedAt: services.now().toISOString(),
      policies: [...catalogue.documents.values()].map(describe),
      audiences: byAudience,
      people: rows,
    });
  });

  app.get("/api/admin/export.csv", async (c) => {
    const policyId = c.req.query("policyId") || undefined;
    if (policyId && !catalogue.documents.has(policyId)) return fail(c, 404, "not-found", "No such policy document.");
    const { rows } = await peopleStatus(policyId);
    const csv = toCsv(
      [
        "Name",
        "UPN",
        "Tenant ID",
        "Object ID",
        "Audiences",
        "Policy",
        "Version",
        "Status",
        "Due date",
        "Acknowledged at (UTC)",
        "Typed full name",
        // An IT admin's trial: an acknowledgement signed "Robin" counted with nothing in this file to say so.
        "Name matches",
        "Record hash",
      ],
      rows.map((row) => [
        row.displayName,
        row.upn,
        row.tid,
        row.oid,
        row.audiences.join("; "),
        row.policyId,
        row.version,
        row.status,
        row.dueDate,
        row.acknowledgedAt,
        row.fullName,
        row.nameMatch === undefined ? "" : row.nameMatch ? "yes" : "no",
        row.recordHash,
      ]),
    );
    const stamp = services.now().toISOString().slice(0, 10);
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="acknowledgements-${stamp}.csv"`,
    });
  });

  /** Everyone outstanding for the policies concerned, per policy, and how many people that is. */
  async function outstandingFor(policyIds: readonly string[]) {
    const { rows } = await peopleStatus(undefined);
    const wanted = new Set(policyIds);
    const outstanding = rows.filter(
      (row) => wanted.has(row.policyId) && (row.status === "due" || row.status === "overdue"),
    );
    return { outstanding, people: new Set(outstanding.map((row) => `${row.tid}/${row.oid}`)).size };
  }

  /** Policies reminded within the interval cannot be reminded again until `nextAllowedAt`. */
  async function rateLimited(policyIds: readonly string[]) {
    const intervalMs = config.reminderIntervalHours * 3_600_000;
    const since = new Date(services.now().getTime() - intervalMs).toISOString();
    const actions = await store.listAdminActions();
    return policyIds.flatMap((policyId) => {
      const last = actions
        .filter((action) => action.action === "reminders" && action.policyId === policyId && action.at >= since)
        .pop();
      return last
        ? [{ policyId, lastSentAt: last.at, nextAllowedAt: new Date(Date.parse(last.at) + intervalMs).toISOString() }]
        : [];
    });
  }

  // Reminders: a first call says how many people would be notified and returns a confirmation
  // token (bound to this admin, these policies and these numbers, valid 10 minutes); only a second
  // call with that token sends. Each policy at most once per REMINDER_INTERVAL_HOURS (24), claimed
  // atomically in the store; every round is recorded in the audit with who, what and how many.
  app.post("/api/admin/reminders", async (c) => {
    const json = await readJson(c, true);
    if (json instanceof Response) return json;
    const body = remindersBody.safeParse(json ?? {});
    if (!body.success) return fail(c, 400, "invalid-body", "Send { policyId?, confirm? } only.");
    const policyId = body.data.policyId || undefined;
    if (policyId && !catalogue.documents.has(policyId)) return fail(c, 404, "not-found", "No such policy document.");
    const identity = c.get("identity");
    const requested = policyId ? [policyId] : [...catalogue.documents.keys()];
    const blocked = await rateLimited(requested);
    const open = requested.filter((id) => !blocked.some((entry) => entry.policyId === id));
    if (open.length === 0) {
      const next = blocked.map((entry) => entry.nextAllowedAt).sort()[0] ?? "";
      c.header("Retry-After", String(Math.max(1, Math.ceil((Date.parse(next) - services.now().getTime()) / 1000))));
      return fail(
        c,
        429,
        "rate-limited",
        `Reminders for this policy were already sent; next allowed ${formatMoment(next)}.`,
        { rateLimited: blocked },
      );
    }
    const { outstanding, people } = await outstandingFor(open);
    const scope = open.join(",");

    if (!body.data.confirm) {
      const expiresAt = new Date(services.now().getTime() + 10 * 60_000).toISOString();
      const claim = JSON.stringify([
        "spg-remind-1",
        identity.tid,
        identity.oid,
        scope,
        people,
        outstanding.length,
        expiresAt,
      ]);
      const confirm = `${Buffer.from(claim).toString("base64url")}.${services.auditKey.mac(claim)}`;
      return c.json({
        confirmRequired: true,
        policyIds: open,
        people,
        notifications: outstanding.length,
        rateLimited: blocked,
        confirm,
        expiresAt,
        message: `This will send a Teams reminder to ${people} ${people === 1 ? "person" : "people"} (${outstanding.length} outstanding acknowledgements). Send again with "confirm" to go ahead.`,
      });
    }

    const [encoded = "", mac = ""] = body.data.confirm.split(".");
    const claim = Buffer.from(encoded, "base64url").toString("utf8");
    if (!services.auditKey.equal(services.auditKey.mac(claim), mac))
      return fail(c, 400, "invalid-confirmation", "The confirmation is not valid: ask for a new one.");
    const parsed = z
      .tuple([z.literal("spg-remind-1"), z.string(), z.string(), z.string(), z.number(), z.number(), z.string()])
      .safeParse(JSON.parse(claim));
    if (!parsed.success || parsed.data[1] !== identity.tid || parsed.data[2] !== identity.oid)
      return fail(c, 400, "invalid-confirmation", "The confirmation was issued to someone else.");
    const [, , , confirmedScope, confirmedPeople, confirmedNotifications, expiresAt] = parsed.data;
    if (expiresAt < services.now().toISOString())
      return fail(c, 409, "confirmation-expired", "The confirmation has expired: ask for a new one.");
    if (confirmedScope !== scope || confirmedPeople !== people || confirmedNotifications !== outstanding.length)
      return fail(c, 409, "outstanding-changed", `The numbers changed since you confirmed: now ${people} people.`, {
        people,
        notifications: outstanding.length,
      });

    const intervalMs = config.reminderIntervalHours * 3_600_000;
    const notBefore = new Date(services.now().getTime() - intervalMs).toISOString();
    const claimed: string[] = [];
    for (const id of open) {
      const forPolicy = outstanding.filter((row) => row.policyId === id);
      const action = await store.claimReminder(
        {
          action: "reminders",
          actorTid: identity.tid,
          actorOid: identity.oid,
          actorUpn: identity.upn,
          policyId: id,
          people: new Set(forPolicy.map((row) => `${row.tid}/${row.oid}`)).size,
          detail: `confirmed: ${forPolicy.length} notifications`,
        },
        notBefore,
      );
      if (action) claimed.push(id);
    }
    if (claimed.length === 0)
      return fail(c, 429, "rate-limited", "Reminders for this policy were just sent by someone else.", {
        rateLimited: await rateLimited(open),
      });
    const toSend = outstanding.filter((row) => claimed.includes(row.policyId));
    const link = tabDeepLink(config.teamsAppId, config.tabEntityId, new URL("/", c.req.url).toString());
    let sent = 0;
    const failed: { oid: string; policyId: string; reason: string }[] = [];
    const queue = [...toSend];
    // A few at a time: Graph throttles per app and per tenant; the client retries 429s.
    await Promise.all(
      Array.from({ length: Math.min(4, queue.length) }, async () => {
        for (let row = queue.shift(); row; row = queue.shift()) {
          const doc = catalogue.documents.get(row.policyId);
          if (!doc) continue;
          const due = row.dueDate ? formatDay(row.dueDate) : "soon";
          try {
            await notifier.notify(row, {
              topic: { source: "text", value: doc.title, webUrl: link },
              activityType: ACTIVITY_TYPE,
              previewText: {
                content: `Please read and acknowledge ${doc.title} (version ${doc.version}) by ${due}.`.slice(0, 150),
              },
              templateParameters: [
                { name: "policyTitle", value: doc.title },
                { name: "dueDate", value: due },
              ],
              ...(config.teamsAppId ? { teamsAppId: config.teamsAppId } : {}),
            });
            sent += 1;
          } catch (error) {
            failed.push({ oid: row.oid, policyId: row.policyId, reason: (error as Error).message.slice(0, 200) });
          }
        }
      }),
    );
    const peopleSent = new Set(toSend.map((row) => `${row.tid}/${row.oid}`)).size;
    await store.recordAdminAction({
      action: "reminders-result",
      actorTid: identity.tid,
      actorOid: identity.oid,
      actorUpn: identity.upn,
      policyId: claimed.join(","),
      people: peopleSent,
      // Who was not reached, by object ID (the first 500), so the audit trail can answer "was X reminded?".
      detail: JSON.stringify({ sent, failed: failed.length, notReached: failed.slice(0, 500).map((row) => row.oid) }),
    });
    return c.json({
      outstanding: toSend.length,
      people: peopleSent,
      sent,
      failed,
      rateLimited: [...blocked, ...open.filter((id) => !claimed.includes(id)).map((id) => ({ policyId: id }))],
    });
  });

  app.get("/api/admin/actions", async (c) => c.json({ actions: [...(await store.listAdminActions())].reverse() }));

  // The evidence: every acknowledgement record in the chain, whoever made it — including people
  // the directory no longer (or never) listed — separate from the status roster (export.csv).
  app.get("/api/admin/evidence.csv", async (c) => {
    const records = await store.listAll();
    // Which people an audience group lists now is context, not evidence: the export never waits
    // on (or fails with) the directory; it says "unknown" when Graph does not answer in time.
    let known: Set<string> | undefined = new Set<string>();
    try {
      const groups = await withTimeout(
        Promise.all(catalogue.audiences.map((rule) => directory.membersOf(rule.group))),
        5_000,
      );
      for (const person of groups.flat()) known.add(`${person.tid}/${person.oid}`);
    } catch (error) {
      console.warn("[teams-app] evidence export: the directory did not answer:", (error as Error).message);
      known = undefined;
    }
    // Each row says whose and which policy it is: an auditor reads the file on its own (an IT admin's trial:
    // "acceptable-use" alone named neither the school nor the document).
    const csv = toCsv(
      [
        "School",
        "Seq",
        "Acknowledged at (UTC)",
        "Tenant ID",
        "Object ID",
        "UPN",
        "Display name (signed in)",
        "Typed full name",
        "Name matches",
        "In an audience group now",
        "Policy",
        "Policy title",
        "Version",
        "Text SHA-256",
        "Previous record hash",
        "Record hash",
      ],
      records.map((record) => [
        catalogue.schoolName,
        record.seq,
        record.acknowledgedAt,
        record.tid,
        record.oid,
        record.upn,
        record.displayName,
        record.fullName,
        record.nameMatch ? "yes" : "no",
        known ? (known.has(`${record.tid}/${record.oid}`) ? "yes" : "no") : "unknown",
        record.policyId,
        catalogue.documents.get(record.policyId)?.title ?? "",
        record.version,
        record.textHash,
        record.prevHash,
        record.hash,
      ]),
    );
    const stamp = services.now().toISOString().slice(0, 10);
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="evidence-${stamp}.csv"`,
    });
  });

  app.get("/api/admin/audit/verify", async (c) => c.json(await store.verify()));

  app.all("/api/*", (c) => fail(c, 404, "not-found", "No such endpoint."));
  if (existsSync(config.staticDir)) app.use("/*", serveStatic({ root: config.staticDir, index: "index.html" }));

  return app;
}

interface AudienceSummary {
  audience: string;
  group: string;
  policyId: string;
  required: number;
  acknowledged: number;
  due: number;
  overdue: number;
  /** Percentage acknowledged, one decimal place. */
  completion: number;
}

/**
 * An instant for an admin to read, in UK time: "on Monday, 7 December 2026 at 04:42 (UK time)" (an IT admin's
 * trial was shown "2026-12-07T04:42:47.110Z"); the JSON details keep the ISO form.
 */
function formatMoment(iso: string): string {
  const at = new Date(iso);
  const part = (options: Intl.DateTimeFormatOptions) =>
    at.toLocaleString("en-GB", { ...options, timeZone: "Europe/London" });
  return `on ${part({ weekday: "long", day: "numeric", month: "long", year: "numeric" })} at ${part({
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  })} (UK time)`;
}

function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** Parses a JSON body, answering 415 / 400 itself; `optional` allows an empty body. */
async function readJson(c: Context, optional = false): Promise<unknown> {
  // Under @hono/node-server this reads the Node request directly (its fast path).
  const text = await c.req.text();
  if (optional && text.trim() === "") return undefined;
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\b/i.test(type))
    return fail(c, 415, "unsupported-media-type", "Send JSON (Content-Type: application/json).");
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return fail(c, 400, "malformed-json", "The request body is not valid JSON.");
  }
  // JSON can carry a lone surrogate ("\ud800"); it cannot be stored or hashed faithfully.
  const malformed = findMalformedString(value);
  if (malformed !== undefined)
    return fail(c, 400, "malformed-unicode", `${malformed}: the text is not well-formed Unicode (lone surrogate).`, [
      { path: malformed, message: "is not well-formed Unicode (it contains a lone UTF-16 surrogate)" },
    ]);
  return value;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : (host.split(":")[0] ?? "");
  return allowed.some((entry) => {
    if (entry === host) return true;
    if (entry.includes(":") && !entry.startsWith("[")) return false;
    if (entry.startsWith("[") && entry.includes("]:")) return false;
    if (entry.startsWith("*.")) return name.endsWith(entry.slice(1)) && name.length > entry.length - 1;
    return entry === name;
  });
}

/** Alias of `createApp` for hosts that "build" the app. */
export const buildApp = createApp;
