import { serveStatic } from "@hono/node-server/serve-static";
import { existsSync } from "node:fs";
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { AuthError, type Identity } from "./auth.js";
import type { PolicyDocument } from "./catalogue.js";
import type { AppConfig } from "./config.js";
import { toCsv } from "./csv.js";
import type { Person } from "./directory/types.js";
import { ACTIVITY_TYPE, tabDeepLink } from "./notifier.js";
import { createServices, type Services } from "./services.js";
import { statusFor, type AcknowledgementStatus } from "./status.js";
import type { AcknowledgementRecord } from "./store/record.js";

export const MAX_BODY_BYTES = 16 * 1024;

type AppEnv = { Variables: { identity: Identity } };

/** Errors are always JSON: `{ error: { code, message, details? } }`. */
function fail(
  c: Context,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 500 | 502,
  code: string,
  message: string,
  details?: unknown,
) {
  return c.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status);
}

// Typed text: printable, no control characters (an e-signature, not a payload).
const printable = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- refusing control characters is the point
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), { message: "must not contain control characters" });

const acknowledgementBody = z.strictObject({
  policyId: z.string().min(1).max(100),
  version: z.string().min(1).max(50),
  textHash: z.string().regex(/^[a-f0-9]{64}$/, { message: "must be the lower-case hex SHA-256 of the text" }),
  fullName: printable(200),
});

const remindersBody = z.strictObject({ policyId: z.string().min(1).max(100).optional() });

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
  readonly recordHash?: string;
}

export function createApp(config: AppConfig, services: Services = createServices(config)): Hono<AppEnv> {
  const { catalogue, store, directory, notifier } = services;
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    if (error instanceof AuthError)
      return fail(c, error.status, error.status === 401 ? "unauthorized" : "forbidden", error.message);
    console.error("[teams-app] unhandled error:", error);
    return fail(c, 500, "internal", "Something went wrong on the server; nothing was recorded.");
  });
  app.notFound((c) => fail(c, 404, "not-found", "No such resource."));

  app.use("*", async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    // Teams, Outlook and the Microsoft 365 app frame the tab; nobody else may.
    c.header(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self' https://login.microsoftonline.com; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft " +
        "https://*.office.com https://outlook.office.com https://outlook.office365.com",
    );
  });
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => fail(c, 413, "too-large", `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`),
    }),
  );
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
      return fail(c, 400, "invalid-body", "The acknowledgement is not valid.", details);
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
              ...(evidence ? { fullName: evidence.fullName, recordHash: evidence.hash } : {}),
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
        row.recordHash,
      ]),
    );
    const stamp = services.now().toISOString().slice(0, 10);
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="acknowledgements-${stamp}.csv"`,
    });
  });

  app.post("/api/admin/reminders", async (c) => {
    const json = await readJson(c, true);
    if (json instanceof Response) return json;
    const body = remindersBody.safeParse(json ?? {});
    if (!body.success) return fail(c, 400, "invalid-body", "Send { policyId? } only.");
    if (body.data.policyId && !catalogue.documents.has(body.data.policyId))
      return fail(c, 404, "not-found", "No such policy document.");
    const { rows } = await peopleStatus(body.data.policyId);
    const outstanding = rows.filter((row) => row.status === "due" || row.status === "overdue");
    const link = tabDeepLink(config.teamsAppId, config.tabEntityId, new URL("/", c.req.url).toString());
    let sent = 0;
    const failed: { oid: string; policyId: string; reason: string }[] = [];
    const queue = [...outstanding];
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
    return c.json({ outstanding: outstanding.length, sent, failed });
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
  const text = await c.req.text();
  if (optional && text.trim() === "") return undefined;
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\b/i.test(type))
    return fail(c, 415, "unsupported-media-type", "Send JSON (Content-Type: application/json).");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fail(c, 400, "malformed-json", "The request body is not valid JSON.");
  }
}
