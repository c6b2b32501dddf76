import Database from "better-sqlite3";
import { createHash, generateKeyPairSync } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTeamsApp } from "../build.js";
import { createApp, FRAME_ANCESTORS } from "../server/app.js";
import { ConfigError, readConfig, type AppConfig } from "../server/config.js";
import { DemoDirectory } from "../server/directory/demo.js";
import { createGraphClient } from "../server/graph-client.js";
import { RecordingNotifier } from "../server/notifier.js";
import { createServices, type Services } from "../server/services.js";
import { MemoryCheckpointLog, SharePointCheckpointLog } from "../server/store/checkpoint.js";
import { AuditKey, canonicalForm, sealRecord, type AcknowledgementRecord } from "../server/store/record.js";
import { SharePointAcknowledgementStore } from "../server/store/sharepoint.js";
import { SqliteAcknowledgementStore, TRIGGERS } from "../server/store/sqlite.js";
import {
  AUDIENCE,
  claimsFor,
  startIdentityProvider,
  TAB_CLIENT,
  TEAMS_DESKTOP_CLIENT,
  TENANT,
  TEST_AUDIT_KEY,
  TEST_AUDIT_KEY_B64,
  tempDir,
  testConfig,
  testUser,
  type TestIdentityProvider,
  type TestUser,
} from "./helpers.js";
import { startGraphStandIn, type GraphStandIn } from "./sharepoint-stand-in.js";

/**
 * One test (or table of tests) per attack in issue 14, each against the real app, stores and
 * token validation; only Entra (a local key set) and Graph/SharePoint (the loopback stand-in) are
 * stood in for. Each of these failed on the code before the fix.
 */
const staff = testUser("Sam Staff");
const admin = testUser("Ada Admin", ["PolicyAdmin"]);
const outsider = testUser("Olive Outsider"); // signs in, but no audience group lists her

let idp: TestIdentityProvider;
let dir: ReturnType<typeof tempDir>;

beforeAll(async () => {
  idp = await startIdentityProvider();
  dir = tempDir("spg-attacks-");
});
afterAll(async () => {
  await idp.close();
  dir.remove();
});

let counter = 0;
interface World {
  app: ReturnType<typeof createApp>;
  services: Services;
  notifier: RecordingNotifier;
  dbPath: string;
  clock: { now: Date };
  call(
    path: string,
    init?: { user?: TestUser | null; token?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; json: Record<string, unknown>; text: string; headers: Headers }>;
  acknowledge(user: TestUser, fullName?: string): Promise<{ status: number; json: Record<string, unknown> }>;
  close(): Promise<void>;
}

async function world(extra: Record<string, string> = {}): Promise<World> {
  const dbPath = join(dir.path, `world-${(counter += 1)}`, "acks.db");
  const config = testConfig(idp.jwksUri, dbPath, extra);
  const notifier = new RecordingNotifier();
  const clock = { now: new Date("2026-11-25T09:00:00Z") };
  const person = (user: TestUser) => ({ tid: TENANT, oid: user.oid, upn: user.upn, displayName: user.name });
  const services = createServices(config, {
    notifier,
    now: () => clock.now,
    directory: new DemoDirectory({
      tenantId: TENANT,
      mailDomain: "test-school.invalid",
      groups: { "All Staff": 4, Governors: 1, Visitors: 1 },
      extraMembers: [
        { person: person(staff), groups: ["All Staff"] },
        { person: person(admin), groups: ["All Staff"] },
      ],
    }),
  });
  const app = createApp(config, services);
  const tokens = new Map<string, string>();
  const call: World["call"] = async (path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.token) headers["Authorization"] = `Bearer ${init.token}`;
    else if (init.user !== null) {
      const user = init.user ?? staff;
      let token = tokens.get(user.oid);
      if (!token) tokens.set(user.oid, (token = await idp.mint(claimsFor(user))));
      headers["Authorization"] = `Bearer ${token}`;
    }
    let body = init.raw;
    if (init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined) headers["Content-Type"] ??= "application/json";
    const response = await app.request(path, { method: body === undefined ? "GET" : "POST", headers, body });
    const text = await response.text();
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = {};
    }
    return { status: response.status, json, text, headers: response.headers };
  };
  const acknowledge = async (user: TestUser, fullName = user.name) => {
    const policy = (await call("/api/policies/acceptable-use", { user })).json as { version: string; textHash: string };
    return call("/api/acknowledgements", {
      user,
      body: { policyId: "acceptable-use", version: policy.version, textHash: policy.textHash, fullName },
    });
  };
  return { app, services, notifier, dbPath, clock, call, acknowledge, close: () => services.store.close() };
}

type Problem = { seq: number; problem: string };
const problemsOf = (json: Record<string, unknown>) => (json["problems"] as Problem[]).map((p) => p.problem);

/** Edits the database file as someone with file access would: guards off, change, guards back on. */
function tamper(dbPath: string, change: (db: Database.Database) => void): void {
  const db = new Database(dbPath);
  for (const name of Object.keys(TRIGGERS)) db.exec(`DROP TRIGGER IF EXISTS "${name}"`);
  change(db);
  for (const sql of Object.values(TRIGGERS)) db.exec(sql);
  db.close();
}

describe("attack: a typed name with a lone UTF-16 surrogate breaks the audit for good", () => {
  it("refuses a lone surrogate anywhere in the body with 400 and stores nothing", async () => {
    const w = await world();
    try {
      const policy = (await w.call("/api/policies/acceptable-use")).json as { version: string; textHash: string };
      const base = { policyId: "acceptable-use", version: policy.version, textHash: policy.textHash };
      for (const raw of [
        `{"policyId":"acceptable-use","version":"${policy.version}","textHash":"${policy.textHash}","fullName":"Sam \\ud800 Staff"}`,
        `{"policyId":"acceptable-use","version":"${policy.version}","textHash":"${policy.textHash}","fullName":"Sam Staff\\udfff"}`,
        `{"policyId":"acceptable-\\ud83d","version":"${policy.version}","textHash":"${policy.textHash}","fullName":"Sam Staff"}`,
        `{"\\ud800":1,"policyId":"acceptable-use","version":"${policy.version}","textHash":"${policy.textHash}","fullName":"Sam Staff"}`,
      ]) {
        const result = await w.call("/api/acknowledgements", { raw });
        expect(result.status).toBe(400);
        expect(result.json["error"]).toMatchObject({ code: "malformed-unicode" });
        expect(JSON.stringify(result.json)).toContain("well-formed Unicode");
      }
      // A well-formed astral character (a surrogate pair) is fine.
      expect((await w.call("/api/acknowledgements", { body: { ...base, fullName: "Sam Staff 😀" } })).status).toBe(201);
      const audit = await w.call("/api/admin/audit/verify", { user: admin });
      expect(audit.json).toMatchObject({ ok: true, records: 1 });
    } finally {
      await w.close();
    }
  });

  it("stores and hashes names in NFC, so a decomposed accent verifies like a composed one", async () => {
    const w = await world();
    try {
      const result = await w.acknowledge(staff, "Sam Sta\u0301ff"); // a + combining acute
      expect(result.status).toBe(201);
      const record = result.json["record"] as AcknowledgementRecord;
      expect(record.fullName).toBe("Sam St\u00e1ff");
      expect(record.fullName).toBe(record.fullName.normalize("NFC"));
      const stored = new Database(w.dbPath, { readonly: true })
        .prepare<[], { full_name: string }>("SELECT full_name FROM acknowledgements")
        .get();
      expect(stored?.full_name).toBe("Sam St\u00e1ff");
      expect((await w.call("/api/admin/audit/verify", { user: admin })).json).toMatchObject({ ok: true });
    } finally {
      await w.close();
    }
  });
});

describe("attack: the API never checked what kind of caller a token is for", () => {
  const appOnly = (extra: Record<string, unknown>) => ({
    oid: "2b7a9c4e-0000-4000-8000-00000000a991", // a service principal's object id
    azp: TAB_CLIENT,
    roles: ["PolicyAdmin"],
    ...extra,
  });
  const cases: [string, () => Promise<string>, number][] = [
    ["an app-only token (idtyp: app) with PolicyAdmin", () => idp.mint(appOnly({ idtyp: "app" })), 403],
    ["an app-only token without idtyp (roles, no scp)", () => idp.mint(appOnly({})), 403],
    ["a user token with no scope", () => idp.mint({ ...claimsFor(admin), scp: undefined }), 403],
    ["a user token for another scope", () => idp.mint(claimsFor(admin, { scp: "Files.Read User.Read" })), 403],
    [
      "a user token from another client",
      () => idp.mint(claimsFor(admin, { azp: "0a1b2c3d-0000-4000-8000-0000000e5e11" })),
      403,
    ],
    [
      "a v1.0 token from another client (appid)",
      () => idp.mint(claimsFor(admin, { azp: undefined, appid: "0a1b2c3d-0000-4000-8000-0000000e5e11" })),
      403,
    ],
    ["a token with idtyp: device", () => idp.mint(claimsFor(admin, { idtyp: "device" })), 403],
  ];

  it.each(cases)("refuses %s on staff and admin routes", async (_label, mint, status) => {
    const w = await world();
    try {
      const token = await mint();
      const policy = (await w.call("/api/policies/acceptable-use")).json as { version: string; textHash: string };
      const write = await w.call("/api/acknowledgements", {
        token,
        body: { policyId: "acceptable-use", version: policy.version, textHash: policy.textHash, fullName: "Anyone" },
      });
      expect(write.status).toBe(status);
      for (const path of ["/api/policies", "/api/admin/export.csv", "/api/admin/evidence.csv", "/api/admin/status"])
        expect((await w.call(path, { token })).status).toBe(status);
      expect((await w.services.store.listAll()).length).toBe(0);
    } finally {
      await w.close();
    }
  });

  it("accepts the tab (nested app auth), Teams SSO and a v1.0 token from the tab; admin needs the role on a user token", async () => {
    const w = await world();
    try {
      const teams = await idp.mint(claimsFor(staff, { azp: TEAMS_DESKTOP_CLIENT }));
      expect((await w.call("/api/policies", { token: teams })).status).toBe(200);
      const v1 = await idp.mint(claimsFor(staff, { azp: undefined, appid: TAB_CLIENT, idtyp: "user" }));
      expect((await w.call("/api/policies", { token: v1 })).status).toBe(200);
      expect((await w.call("/api/admin/evidence.csv", { user: admin })).status).toBe(200);
      expect((await w.call("/api/admin/evidence.csv", { user: staff })).status).toBe(403);
    } finally {
      await w.close();
    }
  });
});

describe("attack: the chain could not detect loss or forgery", () => {
  async function threeRecords() {
    const w = await world();
    for (const user of [staff, admin, testUser("Tom Teacher")]) expect((await w.acknowledge(user)).status).toBe(201);
    return w;
  }
  const verify = async (w: World) => (await w.call("/api/admin/audit/verify", { user: admin })).json;

  it("reports the newest record deleted from the database file", async () => {
    const w = await threeRecords();
    try {
      expect(await verify(w)).toMatchObject({ ok: true, records: 3 });
      tamper(w.dbPath, (db) => db.prepare("DELETE FROM acknowledgements WHERE seq = 3").run());
      const audit = await verify(w);
      expect(audit).toMatchObject({ ok: false, records: 2 });
      expect(audit["problems"]).toContainEqual(expect.objectContaining({ seq: 3, problem: "records-missing" }));
    } finally {
      await w.close();
    }
  });

  it("reports every record deleted", async () => {
    const w = await threeRecords();
    try {
      await verify(w);
      tamper(w.dbPath, (db) => db.prepare("DELETE FROM acknowledgements").run());
      const audit = await verify(w);
      expect(audit).toMatchObject({ ok: false, records: 0 });
      expect(problemsOf(audit)).toContain("records-missing");
    } finally {
      await w.close();
    }
  });

  it("reports a name edited with every hash recomputed the old way (plain SHA-256)", async () => {
    const w = await threeRecords();
    try {
      tamper(w.dbPath, (db) => {
        const rows = db
          .prepare<[], Record<string, string | number>>("SELECT * FROM acknowledgements ORDER BY seq")
          .all();
        let prev = "0".repeat(64);
        for (const row of rows) {
          const record = {
            seq: Number(row["seq"]),
            tid: String(row["tid"]),
            oid: String(row["oid"]),
            upn: String(row["upn"]),
            displayName: String(row["display_name"]),
            fullName: row["seq"] === 2 ? "Somebody Else" : String(row["full_name"]),
            nameMatch: row["name_match"] === 1,
            policyId: String(row["policy_id"]),
            version: String(row["version"]),
            textHash: String(row["text_hash"]),
            acknowledgedAt: String(row["acknowledged_at"]),
            prevHash: prev,
          };
          const hash = createHash("sha256").update(canonicalForm(record)).digest("hex");
          db.prepare("UPDATE acknowledgements SET full_name = ?, prev_hash = ?, hash = ? WHERE seq = ?").run(
            record.fullName,
            prev,
            hash,
            record.seq,
          );
          prev = hash;
        }
      });
      const audit = await verify(w);
      expect(audit["ok"]).toBe(false);
      expect(audit["problems"]).toContainEqual(expect.objectContaining({ seq: 2, problem: "hash-mismatch" }));
      expect(problemsOf(audit)).toContain("checkpoint-mismatch");
    } finally {
      await w.close();
    }
  });

  it("reports a back-dated record and a forged record appended at the end", async () => {
    const w = await threeRecords();
    try {
      await verify(w);
      const guessedKey = new AuditKey(Buffer.from("a key the attacker guessed, 32 bytes long"));
      tamper(w.dbPath, (db) => {
        const last = db
          .prepare<[], { seq: number; hash: string }>(
            "SELECT seq, hash FROM acknowledgements ORDER BY seq DESC LIMIT 1",
          )
          .get()!;
        const forged = sealRecord(
          guessedKey,
          {
            tid: TENANT,
            oid: outsider.oid,
            upn: outsider.upn,
            displayName: outsider.name,
            fullName: outsider.name,
            nameMatch: true,
            policyId: "acceptable-use",
            version: "2026.1",
            textHash: "a".repeat(64),
          },
          last.seq + 1,
          "2025-09-01T08:00:00.000Z", // back-dated a year, before the records it follows
          last.hash,
        );
        db.prepare(
          `INSERT INTO acknowledgements (seq, tid, oid, upn, display_name, full_name, name_match, policy_id, version,
             text_hash, acknowledged_at, prev_hash, hash)
           VALUES (@seq, @tid, @oid, @upn, @displayName, @fullName, 1, @policyId, @version, @textHash,
             @acknowledgedAt, @prevHash, @hash)`,
        ).run(forged);
      });
      const audit = await verify(w);
      expect(audit["ok"]).toBe(false);
      expect(audit["problems"]).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ seq: 4, problem: "hash-mismatch" }),
          expect.objectContaining({ seq: 4, problem: "time-goes-back" }),
        ]),
      );
    } finally {
      await w.close();
    }
  });

  it("recreates dropped triggers at start-up and reports their absence meanwhile", async () => {
    const w = await threeRecords();
    try {
      const db = new Database(w.dbPath);
      db.exec("DROP TRIGGER acknowledgements_no_delete");
      db.close();
      const audit = await verify(w);
      expect(audit["problems"]).toContainEqual(expect.objectContaining({ problem: "trigger-missing" }));
      // A restart (a new store on the same file) puts the guard back.
      const restarted = new SqliteAcknowledgementStore({ path: w.dbPath, key: TEST_AUDIT_KEY });
      expect(() => restarted.db.prepare("DELETE FROM acknowledgements").run()).toThrow(/append-only/);
      expect(restarted.triggerProblems()).toEqual([]);
      await restarted.close();
      expect(problemsOf(await verify(w))).not.toContain("trigger-missing");
    } finally {
      await w.close();
    }
  });

  it("reports a chain with records but no checkpoint outside the store (a replaced database)", async () => {
    const w = await threeRecords();
    try {
      const elsewhere = new SqliteAcknowledgementStore({
        path: w.dbPath,
        key: TEST_AUDIT_KEY,
        checkpoints: new MemoryCheckpointLog(),
      });
      const audit = await elsewhere.verify();
      expect(problemsOf(audit as unknown as Record<string, unknown>)).toContain("no-checkpoint");
      await elsewhere.close();
    } finally {
      await w.close();
    }
  });
});

describe("SharePoint store: loss and two writers", () => {
  let standIn: GraphStandIn;
  beforeAll(async () => {
    standIn = await startGraphStandIn({ pageSize: 50 });
  });
  afterAll(() => standIn.close());
  const client = () =>
    createGraphClient({ baseUrl: standIn.baseUrl, authProvider: { getAccessToken: async () => standIn.token } });
  const input = (index: number) => ({
    tid: TENANT,
    oid: `person-${index}`,
    upn: `p${index}@school.invalid`,
    displayName: `Person ${index}`,
    fullName: `Person ${index}`,
    nameMatch: true,
    policyId: "acceptable-use",
    version: "1",
    textHash: "a".repeat(64),
  });

  it("attack: deleting the newest SharePoint item is reported", async () => {
    const listId = "evidence-loss";
    const store = new SharePointAcknowledgementStore({ client: client(), siteId: "site", listId, key: TEST_AUDIT_KEY });
    for (let index = 0; index < 3; index += 1) await store.append(input(index));
    expect(await store.verify()).toMatchObject({ ok: true, records: 3 });
    const list = standIn.items.get(`site/${listId}`)!;
    const newest = [...list.values()].find((item) => item.fields["Kind"] === "ack" && item.fields["Seq"] === 3)!;
    const response = await fetch(`${standIn.baseUrl}/v1.0/sites/site/lists/${listId}/items/${newest.id}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${standIn.token}` },
    });
    expect(response.status).toBe(204);
    const audit = await store.verify();
    expect(audit.ok).toBe(false);
    expect(audit.problems).toContainEqual(expect.objectContaining({ seq: 3, problem: "records-missing" }));
  });

  it("attack: emptying the evidence list (head item too) is reported against checkpoints in a second list", async () => {
    const listId = "evidence-emptied";
    const checkpoints = new SharePointCheckpointLog(client(), "site", "checkpoints-emptied");
    const store = new SharePointAcknowledgementStore({
      client: client(),
      siteId: "site",
      listId,
      key: TEST_AUDIT_KEY,
      checkpoints,
    });
    for (let index = 0; index < 3; index += 1) await store.append(input(200 + index));
    expect(await store.verify()).toMatchObject({ ok: true, records: 3 });
    expect((await checkpoints.readAll()).length).toBeGreaterThan(0);
    standIn.items.get(`site/${listId}`)?.clear(); // a site owner deletes every item
    const audit = await store.verify();
    expect(audit).toMatchObject({ ok: false, records: 0 });
    expect(audit.problems).toContainEqual(expect.objectContaining({ seq: 3, problem: "records-missing" }));
  });

  it("attack: two API instances on one list never fork the chain (ETag, 412 and retry)", async () => {
    const listId = "evidence-two-writers";
    const one = new SharePointAcknowledgementStore({ client: client(), siteId: "site", listId, key: TEST_AUDIT_KEY });
    const two = new SharePointAcknowledgementStore({ client: client(), siteId: "site", listId, key: TEST_AUDIT_KEY });
    const before = standIn.requests.length;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? one : two).append(input(100 + index))),
    );
    const seqs = results.map((result) => result.record.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(await one.verify()).toMatchObject({ ok: true, records: 20, problems: [] });
    const conflicts = standIn.requests
      .slice(before)
      .filter((request) => request.method === "PATCH" && request.headers["if-match"]);
    expect(conflicts.length).toBeGreaterThan(20); // some If-Match updates lost the race and were retried
  });
});

describe("attack: configuration that does not fail closed", () => {
  const devBase = { DEV_SIGN_IN: "1", API_AUDIENCE: AUDIENCE };
  it.each([["production"], ["Production"], ["prod"], ["production "], [undefined]])(
    "refuses DEV_SIGN_IN with NODE_ENV=%j",
    (nodeEnv) => {
      expect(() => readConfig({ ...devBase, ...(nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv }) })).toThrow(
        ConfigError,
      );
    },
  );

  it("refuses DEV_SIGN_IN and the demo directory with a real tenant or a non-loopback host, saying why", () => {
    expect(() => readConfig({ ...devBase, NODE_ENV: "development", TENANT_ID: TENANT })).toThrow(
      /DEV_SIGN_IN[^\n]*real TENANT_ID/,
    );
    expect(() => readConfig({ ...devBase, NODE_ENV: "development", HOST: "0.0.0.0" })).toThrow(/not a loopback/);
    expect(() =>
      readConfig({ NODE_ENV: "development", DIRECTORY: "demo", TENANT_ID: TENANT, API_AUDIENCE: AUDIENCE }),
    ).toThrow(/DIRECTORY=demo/);
    expect(readConfig({ ...devBase, NODE_ENV: "development" }).devSignIn).toBe(true);
  });

  const production = {
    TENANT_ID: TENANT,
    API_AUDIENCE: AUDIENCE,
    GRAPH_CLIENT_ID: "c",
    GRAPH_CLIENT_SECRET: "s",
    AUDIT_HMAC_KEY: TEST_AUDIT_KEY_B64,
    AUDIT_CHECKPOINT_FILE: "/var/lib/spg/checkpoints.jsonl",
    ALLOWED_HOSTS: "policies.school.example",
  };
  it("refuses a plain-http key set and missing audit key, checkpoint place or allowed hosts outside development", () => {
    expect(readConfig(production).production).toBe(true);
    expect(() => readConfig({ ...production, AUTH_JWKS_URI: "http://login.example/keys" })).toThrow(/AUTH_JWKS_URI/);
    expect(() => readConfig({ ...production, AUTH_JWKS_URI: "http://127.0.0.1:1/keys" })).toThrow(/https/);
    for (const missing of ["AUDIT_HMAC_KEY", "AUDIT_CHECKPOINT_FILE", "ALLOWED_HOSTS"] as const) {
      const env: Record<string, string> = Object.fromEntries(
        Object.entries(production).filter(([name]) => name !== missing),
      );
      expect(() => readConfig(env)).toThrow(missing === "AUDIT_CHECKPOINT_FILE" ? /AUDIT_CHECKPOINT/ : missing);
    }
    const handBuilt: AppConfig = { ...readConfig(production), devSignIn: true };
    expect(() => createApp(handBuilt)).toThrow(ConfigError);
  });

  it("answers 421 to a Host it does not serve (DNS rebinding), on the API and the tab", async () => {
    const w = await world({ ALLOWED_HOSTS: "policies.school.example,localhost" });
    try {
      for (const host of ["evil.example", "evil.example:3978", "policies.school.example.evil.example"]) {
        expect((await w.call("/api/config", { user: null, headers: { Host: host } })).status).toBe(421);
        expect((await w.call("/", { user: null, headers: { Host: host } })).status).toBe(421);
      }
      expect((await w.call("/api/config", { user: null, headers: { Host: "policies.school.example" } })).status).toBe(
        200,
      );
    } finally {
      await w.close();
    }
  });

  it("sends HSTS and a CSP whose frame-ancestors cover Teams, Outlook and the Microsoft 365 app", async () => {
    const w = await world();
    try {
      const { headers } = await w.call("/api/config", { user: null });
      expect(headers.get("strict-transport-security")).toMatch(/max-age=\d{8}; includeSubDomains/);
      const csp = headers.get("content-security-policy") ?? "";
      const ancestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(" ") ?? [];
      for (const host of [
        "https://*.cloud.microsoft",
        "https://teams.microsoft.com",
        "https://*.teams.microsoft.com",
        "https://*.microsoft365.com",
        "https://*.office.com",
        "https://outlook.office.com",
        "https://outlook.office365.com",
      ])
        expect(ancestors).toContain(host);
      expect(ancestors).toEqual(["'self'", ...FRAME_ANCESTORS]);
      expect(headers.get("x-frame-options")).toBeNull();
      expect(headers.get("x-content-type-options")).toBe("nosniff");
    } finally {
      await w.close();
    }
  });

  it("builds the tab without source maps", async () => {
    const out = join(dir.path, "tab-build");
    await buildTeamsApp({ outDir: out });
    const files = readdirSync(out);
    expect(files.filter((file) => file.endsWith(".map"))).toEqual([]);
    expect(readFileSync(join(out, "app.js"), "utf8")).not.toMatch(/sourceMappingURL/);
  }, 60_000);
});

describe("attack: reminders without limit or confirmation", () => {
  it("confirms first with the number of people, sends once a day per policy, and records it in the audit", async () => {
    const w = await world();
    try {
      const preview = await w.call("/api/admin/reminders", { user: admin, body: { policyId: "acceptable-use" } });
      expect(preview.status).toBe(200);
      // 6 staff and 1 governor have not acknowledged the acceptable-use agreement.
      expect(preview.json).toMatchObject({ confirmRequired: true, people: 7, notifications: 7 });
      expect(String(preview.json["message"])).toContain("7 people");
      expect(w.notifier.sent).toHaveLength(0);
      const confirm = String(preview.json["confirm"]);

      // Someone else's (or a made-up) confirmation does not work.
      const other = await w.call("/api/admin/reminders", {
        user: testUser("Ian Intruder", ["PolicyAdmin"]),
        body: { policyId: "acceptable-use", confirm },
      });
      expect(other.status).toBe(400);
      expect((await w.call("/api/admin/reminders", { user: admin, body: { confirm: "x.y" } })).status).toBe(400);

      const sent = await w.call("/api/admin/reminders", { user: admin, body: { policyId: "acceptable-use", confirm } });
      expect(sent.json).toMatchObject({ sent: 7, people: 7 });
      // Twenty more calls, confirmed or not: no more notifications today.
      for (let index = 0; index < 20; index += 1) {
        const again = await w.call("/api/admin/reminders", {
          user: admin,
          body: index % 2 ? { policyId: "acceptable-use", confirm } : { policyId: "acceptable-use" },
        });
        expect(again.status).toBe(429);
        expect(again.headers.get("retry-after")).toMatch(/^\d+$/);
        // Said for a person to read, in UK time; the details keep the ISO instant.
        const error = again.json["error"] as { message: string; details: { rateLimited: { nextAllowedAt: string }[] } };
        expect(error.message).toMatch(
          /^Reminders for this policy were already sent; next allowed on [A-Z][a-z]+day,? \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} \(UK time\)\.$/,
        );
        expect(error.details.rateLimited[0]?.nextAllowedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
      }
      expect(w.notifier.sent).toHaveLength(7);

      const actions = (await w.call("/api/admin/actions", { user: admin })).json["actions"] as Record<
        string,
        unknown
      >[];
      expect(actions.map((action) => action["action"])).toEqual(["reminders-result", "reminders"]);
      expect(actions[1]).toMatchObject({
        actorOid: admin.oid,
        actorUpn: admin.upn,
        policyId: "acceptable-use",
        people: 7,
      });
      expect((await w.call("/api/admin/audit/verify", { user: admin })).json).toMatchObject({ ok: true });

      // A day later it may be sent again.
      w.clock.now = new Date(w.clock.now.getTime() + 24 * 3_600_000 + 1000);
      const tomorrow = await w.call("/api/admin/reminders", { user: admin, body: { policyId: "acceptable-use" } });
      expect(tomorrow.json).toMatchObject({ confirmRequired: true, people: 7 });
    } finally {
      await w.close();
    }
  });
});

describe("attack: typed names that are invisible, reversed, controlled or meaningless", () => {
  it.each([
    ["zero-width characters only", "\u200b\u200b\u200b", /visible|invisible/],
    ["a right-to-left override", "Sam \u202eFfats", /override/],
    ["a bidi isolate", "\u2067Sam Staff\u2069", /override|isolate/],
    ["a control character", "Sam\u0007Staff", /control/],
    ["a single letter", "x", /two letters/],
    ["a single letter in zero-width padding", "\u200bx\u200b", /invisible/],
    ["a byte-order mark", "\ufeffSam Staff", /invisible/],
  ])("refuses %s with a clear message", async (_label, fullName, message) => {
    const w = await world();
    try {
      const result = await w.acknowledge(staff, fullName);
      expect(result.status).toBe(400);
      expect(JSON.stringify(result.json["error"])).toMatch(message);
      expect((result.json["error"] as { message: string }).message).toMatch(
        /^The acknowledgement is not valid: Your typed name /,
      );
      expect((await w.services.store.listAll()).length).toBe(0);
    } finally {
      await w.close();
    }
  });

  it("marks a typed name that does not match the signed-in person's name", async () => {
    const w = await world();
    try {
      const mismatch = await w.acknowledge(staff, "Pat Smith");
      expect(mismatch.status).toBe(201);
      expect(mismatch.json["record"]).toMatchObject({ fullName: "Pat Smith", nameMatch: false });
      const match = await w.acknowledge(admin, "ADA  admin");
      expect(match.json["record"]).toMatchObject({ nameMatch: true });
      const evidence = (await w.call("/api/admin/evidence.csv", { user: admin })).text;
      expect(evidence).toMatch(/Pat Smith,no,/);
    } finally {
      await w.close();
    }
  });
});

describe("attack: an acknowledgement by someone the directory does not list is in no export", () => {
  it("lists every record of the chain in the evidence export, separate from the roster", async () => {
    const w = await world();
    try {
      expect((await w.acknowledge(outsider)).status).toBe(201);
      expect((await w.acknowledge(staff)).status).toBe(201);
      const evidence = await w.call("/api/admin/evidence.csv", { user: admin });
      expect(evidence.status).toBe(200);
      expect(evidence.headers.get("content-disposition")).toMatch(/evidence-2026-11-25\.csv/);
      const lines = evidence.text.trim().split("\r\n");
      expect(lines[0]).toBe(
        "School,Seq,Acknowledged at (UTC),Tenant ID,Object ID,UPN,Display name (signed in),Typed full name,Name matches,In an audience group now,Policy,Policy title,Version,Text SHA-256,Previous record hash,Record hash",
      );
      expect(lines).toHaveLength(3);
      expect(lines[1]).toContain(outsider.oid);
      expect(lines[1]).toMatch(/Olive Outsider,yes,no,acceptable-use/);
      expect(lines[2]).toMatch(/Sam Staff,yes,yes,acceptable-use,Acceptable use agreement,2026\.1,/);
      // Whose it is, on every row: the school the service is set up for.
      for (const line of lines.slice(1)) expect(line.startsWith("Test School (synthetic),")).toBe(true);
      const roster = await w.call("/api/admin/export.csv", { user: admin });
      expect(roster.text).not.toContain(outsider.oid);
    } finally {
      await w.close();
    }
  });
});

it("refuses a forged token signed by another key (the independent harness's first check)", async () => {
  const w = await world();
  try {
    const forged = await idp.mint(claimsFor(admin), {
      key: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey,
    });
    expect((await w.call("/api/admin/evidence.csv", { token: forged })).status).toBe(401);
  } finally {
    await w.close();
  }
});
