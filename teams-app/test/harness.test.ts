import Database from "better-sqlite3";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { TRIGGERS } from "../server/store/sqlite.js";
import {
  claimsFor,
  FIXTURE_TAB,
  startIdentityProvider,
  startServerProcess,
  TEST_AUDIT_KEY_B64,
  tempDir,
  testEnv,
  testUser,
  type TestIdentityProvider,
} from "./helpers.js";

/**
 * The API as `npm run serve:teams` starts it (its own process, configuration from the
 * environment), probed over HTTP like the independent harness in issue 14: its own key set,
 * forged / wrong-kind / wrong-client tokens, a lone surrogate, the newest record deleted from the
 * database file, and a person the directory does not list.
 */
let idp: TestIdentityProvider;
let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
  idp = await startIdentityProvider();
  dir = tempDir("spg-harness-");
});
afterAll(async () => {
  await idp.close();
  dir.remove();
});

it("refuses to start when configuration is missing or unsafe, saying why", async () => {
  const attempt = startServerProcess({
    DEV_SIGN_IN: "1",
    NODE_ENV: "prod",
    DATABASE_PATH: join(dir.path, "refused.db"),
  });
  await expect(attempt).rejects.toThrow(/refused to start[\s\S]*DEV_SIGN_IN is for local development only/);
  // With nothing set (a newcomer's first try): every missing setting, then how to try it locally.
  await expect(startServerProcess({ DATABASE_PATH: join(dir.path, "refused.db") })).rejects.toThrow(
    /refused to start[\s\S]*TENANT_ID: required[\s\S]*\nFor a local trial on this machine: npm run build:teams, then NODE_ENV=development DEV_SIGN_IN=1 npm run serve:teams \(see teams-app\/README\.md\)\.\n$/,
  );
  await expect(
    startServerProcess({ TENANT_ID: "9f3c1a52-6d1e-4c0b-9a57-3e2b8d7c1f00", API_AUDIENCE: "api://x" }),
  ).rejects.toThrow(/AUDIT_HMAC_KEY[\s\S]*ALLOWED_HOSTS|ALLOWED_HOSTS[\s\S]*AUDIT_HMAC_KEY/);
}, 60_000);

it("refuses to start without the built tab, in one line naming the build command", async () => {
  // A newcomer's local trial before `npm run build:teams`: no directory at all, or an empty one.
  const local = { NODE_ENV: "development", DEV_SIGN_IN: "1" };
  const absent = join(dir.path, "not-built");
  const empty = join(dir.path, "empty");
  mkdirSync(empty);
  for (const staticDir of [absent, empty]) {
    const databasePath = join(dir.path, "never-opened.db");
    const failure = (await startServerProcess({ ...local, DATABASE_PATH: databasePath, STATIC_DIR: staticDir }).then(
      () => expect.fail("the server started without a built tab"),
      (error: unknown) => error,
    )) as { code: number | null; output: string };
    expect(failure.code).toBe(1);
    expect(failure.output).toBe(
      `School Policy Guard Teams API refused to start: the built tab is missing (no index.html in ${staticDir}). ` +
        `Build it first: npm run build:teams -- ${staticDir}\n`,
    );
    expect(existsSync(databasePath)).toBe(false);
  }

  // With a built tab in place the same settings start, and the tab's address serves its page.
  const { child, origin } = await startServerProcess({
    ...local,
    DATABASE_PATH: join(dir.path, "local.db"),
    STATIC_DIR: FIXTURE_TAB,
  });
  try {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root"></div>');
  } finally {
    child.kill("SIGTERM");
  }
}, 60_000);

it("holds up against forged and wrong tokens, lone surrogates, deletion and unknown people", async () => {
  const dbPath = join(dir.path, "acks.db");
  const env = { ...testEnv(idp.jwksUri, dbPath), AUDIT_HMAC_KEY: TEST_AUDIT_KEY_B64 };
  const { child, origin } = await startServerProcess(env);
  try {
    const staff = testUser("Sam Staff");
    const stranger = testUser("Stella Stranger");
    const admin = testUser("Ada Admin", ["PolicyAdmin"]);
    const call = async (path: string, token: string, body?: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${origin}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json", ...headers },
        ...(body === undefined ? {} : { body }),
      });
      return { status: response.status, text: await response.text() };
    };
    const staffToken = await idp.mint(claimsFor(staff));
    const policy = JSON.parse((await call("/api/policies/acceptable-use", staffToken)).text) as {
      version: string;
      textHash: string;
    };
    const ack = (fullName: string) =>
      JSON.stringify({ policyId: "acceptable-use", version: policy.version, textHash: policy.textHash, fullName });

    const forged = await idp.mint(claimsFor(admin), {
      key: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey,
    });
    expect((await call("/api/admin/evidence.csv", forged)).status).toBe(401);
    const appOnly = await idp.mint({ oid: admin.oid, roles: ["PolicyAdmin"], idtyp: "app", azp: "x" });
    expect((await call("/api/admin/evidence.csv", appOnly)).status).toBe(403);
    expect((await call("/api/acknowledgements", appOnly, ack("Anyone"))).status).toBe(403);
    const wrongClient = await idp.mint(claimsFor(staff, { azp: "11111111-2222-4333-8444-555555555555" }));
    expect((await call("/api/acknowledgements", wrongClient, ack("Sam Staff"))).status).toBe(403);
    const surrogate = ack("Sam Staff").replace("Sam Staff", "Sam \\ud800Staff");
    expect((await call("/api/acknowledgements", staffToken, surrogate)).status).toBe(400);
    // DNS rebinding: fetch() will not send another Host, node:http will.
    const rebound = await new Promise<number>((resolve, reject) => {
      const outgoing = request(`${origin}/api/config`, { headers: { Host: "rebound.evil.example" } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      outgoing.on("error", reject);
      outgoing.end();
    });
    expect(rebound).toBe(421);
    // Oversized bodies over real sockets: with a Content-Length, and chunked (no length).
    for (const chunked of [false, true]) {
      const status = await new Promise<number>((resolve, reject) => {
        const big = JSON.stringify({ fullName: "x".repeat(20_000) });
        const outgoing = request(
          `${origin}/api/acknowledgements`,
          {
            method: "POST",
            headers: {
              Authorization: `Bearer ${staffToken}`,
              "Content-Type": "application/json",
              ...(chunked ? { "Transfer-Encoding": "chunked" } : { "Content-Length": String(Buffer.byteLength(big)) }),
            },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        outgoing.on("error", reject);
        if (chunked) for (let at = 0; at < big.length; at += 4096) outgoing.write(big.slice(at, at + 4096));
        else outgoing.write(big);
        outgoing.end();
      });
      expect(status).toBe(413);
    }

    expect((await call("/api/acknowledgements", staffToken, ack("Sam Staff"))).status).toBe(201);
    const strangerToken = await idp.mint(claimsFor(stranger));
    expect((await call("/api/acknowledgements", strangerToken, ack("Stella Stranger"))).status).toBe(201);

    const adminToken = await idp.mint(claimsFor(admin));
    expect(JSON.parse((await call("/api/admin/audit/verify", adminToken)).text)).toMatchObject({
      ok: true,
      records: 2,
    });
    const evidence = await call("/api/admin/evidence.csv", adminToken);
    expect(evidence.status).toBe(200);
    expect(evidence.text).toContain(stranger.oid);
    expect(evidence.text).toContain("Stella Stranger");

    // Someone with the database file deletes the newest record and puts the guards back.
    const db = new Database(dbPath);
    for (const name of Object.keys(TRIGGERS)) db.exec(`DROP TRIGGER IF EXISTS "${name}"`);
    db.prepare("DELETE FROM acknowledgements WHERE seq = (SELECT max(seq) FROM acknowledgements)").run();
    for (const sql of Object.values(TRIGGERS)) db.exec(sql);
    db.close();
    const audit = JSON.parse((await call("/api/admin/audit/verify", adminToken)).text) as {
      ok: boolean;
      problems: { seq: number; problem: string }[];
    };
    expect(audit.ok).toBe(false);
    expect(audit.problems).toContainEqual(expect.objectContaining({ seq: 2, problem: "records-missing" }));
  } finally {
    child.kill("SIGTERM");
  }
}, 60_000);
