import { generateKeyPairSync } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLocalJWKSet, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPolicy } from "../../policy/pack/load.js";
import { backupDatabase, verifyDatabase } from "../../scripts/backup.js";
import { buildAll } from "../../scripts/build.js";
import { packageService } from "../../scripts/package-service.js";
import { createTokenVerifier } from "../../teams-app/server/auth.js";
import { ConfigError } from "../../teams-app/server/config.js";
import { startService } from "../../server/main.js";
import { serviceServices } from "../../server/services.js";
import { readServiceConfiguration } from "../../server/settings.js";
import { SharePointAcknowledgementStore } from "../../teams-app/server/store/sharepoint.js";
import { CLIENT_ID, freePort, productionEnv, PUBLIC_HOST, TENANT_ID } from "./support.js";

const root = mkdtempSync(join(tmpdir(), "spg-service-"));
const distDir = join(root, "dist");

beforeAll(async () => {
  await buildAll({ distDir, policy: "st-john-payne", host: `https://${PUBLIC_HOST}`, clientId: CLIENT_ID });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The environment with `change` applied; an empty value unsets the variable. */
function problemsOf(env: Record<string, string>): string[] {
  const applied = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  try {
    readServiceConfiguration(applied);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

describe("the service refuses development settings", () => {
  const env = () => productionEnv(distDir, join(root, "data"), 8080);

  it("starts on production settings", () => {
    expect(problemsOf(env())).toEqual([]);
  });

  it.each([
    ["NODE_ENV=development", { NODE_ENV: "development" }, /NODE_ENV must be production/],
    ["NODE_ENV unset", { NODE_ENV: "" }, /NODE_ENV must be production/],
    ["the development sign-in", { DEV_SIGN_IN: "1" }, /DEV_SIGN_IN/],
    ["the demo directory", { DIRECTORY: "demo" }, /DIRECTORY=demo/],
    ["a loopback key set", { AUTH_JWKS_URI: "http://127.0.0.1:9/keys" }, /AUTH_JWKS_URI/],
    ["an audience the app package does not use", { API_AUDIENCE: "api://someone-else" }, /API_AUDIENCE/],
    ["two Graph credentials", { GRAPH_MANAGED_IDENTITY: "system" }, /one Graph credential/],
    ["a missing certificate", { GRAPH_CLIENT_SECRET: "", GRAPH_CLIENT_CERTIFICATE_PATH: "/nowhere.pem" }, /no file/],
    ["no Graph credential", { GRAPH_CLIENT_SECRET: "" }, /Graph credential is required/],
  ])("refuses %s", (_name, change, message) => {
    const problems = problemsOf({ ...env(), ...change });
    expect(problems.join("\n")).toMatch(message);
  });

  it("refuses a playground build (harness pages) and a build for the placeholder client id", async () => {
    const playgroundDist = join(root, "playground-dist");
    cpSync(distDir, playgroundDist, { recursive: true });
    writeFileSync(join(playgroundDist, "addin/harness.html"), "<!doctype html>");
    expect(problemsOf({ ...env(), DIST_DIR: playgroundDist }).join("\n")).toMatch(
      /harness\.html is a development page/,
    );

    const placeholderDist = join(root, "placeholder-dist");
    await buildAll({ distDir: placeholderDist, policy: "st-john-payne", host: `https://${PUBLIC_HOST}` });
    expect(problemsOf({ ...env(), DIST_DIR: placeholderDist }).join("\n")).toMatch(/placeholder client id/);
  }, 60_000);

  it("builds the SharePoint store on the certificate, not on teams-app's secret-only sign-in", () => {
    const pem = "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n";
    const { GRAPH_CLIENT_SECRET: _secret, ...rest } = env();
    const { app, credential } = readServiceConfiguration({
      ...rest,
      GRAPH_CLIENT_CERTIFICATE: pem,
      STORE: "sharepoint",
      SHAREPOINT_SITE_ID: "school.sharepoint.com,1,2",
      SHAREPOINT_LIST_ID: "3",
    });
    expect(credential?.kind).toBe("certificate");
    expect(serviceServices(app, credential).store).toBeInstanceOf(SharePointAcknowledgementStore);
  });

  it("listens on every interface by default (App Service) and on PORT", () => {
    const { HOST: _host, ...rest } = env();
    const { settings } = readServiceConfiguration({ ...rest, PORT: "8181" });
    expect(settings).toMatchObject({ host: "0.0.0.0", port: 8181, publicOrigin: `https://${PUBLIC_HOST}` });
  });

  it("trusts the proxy on App Service (WEBSITE_SITE_NAME) or when told, not otherwise", () => {
    expect(readServiceConfiguration(env()).settings.trustProxy).toBe(false);
    expect(readServiceConfiguration({ ...env(), WEBSITE_SITE_NAME: "policyguard" }).settings.trustProxy).toBe(true);
    expect(readServiceConfiguration({ ...env(), TRUST_PROXY: "1" }).settings.trustProxy).toBe(true);
  });
});

describe("the running service", () => {
  const pack = loadPolicy("st-john-payne");
  const doc = pack.acknowledgements.documents[0];
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwks = { keys: [{ ...(publicKey.export({ format: "jwk" }) as JWK), kid: "k1", alg: "RS256", use: "sig" }] };
  const TAB = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";
  const token = (oid: string, name: string) =>
    new SignJWT({
      tid: TENANT_ID,
      ver: "2.0",
      oid,
      name,
      preferred_username: "r.staff@school.example",
      scp: "access_as_user",
      azp: TAB,
    })
      .setProtectedHeader({ alg: "RS256", kid: "k1", typ: "JWT" })
      .setIssuer(`https://login.microsoftonline.com/${TENANT_ID}/v2.0`)
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(privateKey);

  /** The real service and store; only the token keys are this test's instead of Entra's. */
  async function start(dataDir: string, extra: Record<string, string> = {}) {
    const port = await freePort();
    const lines: string[] = [];
    const service = await startService({
      env: { ...productionEnv(distDir, dataDir, port), ...extra },
      log: (level, msg, fields) => lines.push(JSON.stringify({ level, msg, ...fields })),
      services: (built) => ({
        ...built,
        verifyToken: createTokenVerifier({
          keySet: createLocalJWKSet(jwks),
          issuer: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
          audiences: [CLIENT_ID],
          tenantId: TENANT_ID,
          requiredScope: "access_as_user",
          allowedClients: [TAB],
        }),
      }),
    });
    return { service, port, lines };
  }

  /** GET /healthz on a connection of its own; resolves with its status. */
  const probe = (port: number) =>
    new Promise<number>((resolve, reject) => {
      request({ host: "127.0.0.1", port, path: "/healthz", agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
        .on("error", reject)
        .end();
    });

  it("finishes an acknowledgement that is in flight when it is told to stop, then stops", async () => {
    if (!doc) throw new Error("the preset has no document");
    const dataDir = join(root, "drain");
    const { service, port, lines } = await start(dataDir);
    const body = JSON.stringify({
      policyId: doc.id,
      version: doc.version,
      textHash: doc.sha256,
      fullName: "Robin Staffwell",
    });
    const bearer = await token("0a7c4a3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "Robin Staffwell");
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/acknowledgements",
          headers: { "Content-Type": "application/json", Authorization: `Bearer ${bearer}` },
        },
        (res) => {
          let text = "";
          res.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      // Half the body now, the rest once the service has been told to stop.
      req.write(body.slice(0, 20));
      // Told to stop once the service has read this request's headers. A fixed wait alone lost that race on
      // a busy machine (the connection, still idle to the server, was closed: ECONNRESET): a probe on a
      // second connection, answered after the first one's bytes (sent earlier) were read, is the barrier.
      setTimeout(() => {
        void probe(port).then(() => {
          closing = service.close();
          setTimeout(() => req.end(body.slice(20)), 300);
        }, reject);
      }, 300);
    });
    let closing: Promise<void> | undefined;
    const result = await response;
    await closing;
    expect(result.status, result.body).toBe(201);
    expect(lines.map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual([
      "listening",
      "shutting down",
      "request",
      "stopped",
    ]);
    expect(verifyDatabase(join(dataDir, "acknowledgements.db")).acknowledgements).toBe(1);
  }, 30_000);

  it("backs up the evidence while the service runs, and the copy restores", async () => {
    if (!doc) throw new Error("the preset has no document");
    const dataDir = join(root, "backup");
    const { service, port } = await start(dataDir);
    for (const [index, name] of ["Ann Able", "Ben Baker", "Cat Cole"].entries()) {
      const response = await fetch(`http://127.0.0.1:${port}/api/acknowledgements`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: `Bearer ${await token(`0a7c4a3e-5b6d-4e7f-8a9b-0c1d2e3f4a5${index}`, name)}`,
        },
        body: JSON.stringify({ policyId: doc.id, version: doc.version, textHash: doc.sha256, fullName: name }),
      });
      expect(response.status).toBe(201);
    }
    const backup = await backupDatabase(join(dataDir, "acknowledgements.db"), join(root, "backups", "evidence.db"));
    expect(backup.acknowledgements).toBe(3);
    await service.close();

    // Restore: the copy in place of the database, the service started on it, the chain checked.
    const restored = join(root, "restored");
    cpSync(backup.path, join(restored, "acknowledgements.db"));
    if (existsSync(join(dataDir, "checkpoints.jsonl"))) {
      cpSync(join(dataDir, "checkpoints.jsonl"), join(restored, "checkpoints.jsonl"));
    }
    const again = await start(restored);
    const records = await fetch(`http://127.0.0.1:${again.port}/api/me/acknowledgements`, {
      headers: { Authorization: `Bearer ${await token("0a7c4a3e-5b6d-4e7f-8a9b-0c1d2e3f4a51", "Ben Baker")}` },
    });
    expect(((await records.json()) as { records: unknown[] }).records).toHaveLength(1);
    await again.service.close();
  }, 30_000);

  it("redirects to https and sends HSTS behind a trusted proxy", async () => {
    const { service, port } = await start(join(root, "proxy"), { TRUST_PROXY: "1" });
    const get = (proto: string) =>
      fetch(`http://127.0.0.1:${port}/index.html`, { headers: { "X-Forwarded-Proto": proto }, redirect: "manual" });
    const plain = await get("http");
    expect(plain.status).toBe(308);
    // The proxy's own https port (443), not the port the service listens on behind it.
    expect(plain.headers.get("location")).toBe("https://127.0.0.1/index.html");
    const secure = await get("https");
    expect(secure.status).toBe(200);
    expect(secure.headers.get("strict-transport-security")).toContain("max-age=");
    expect((await fetch(`http://127.0.0.1:${port}/healthz`, { headers: { "X-Forwarded-Proto": "http" } })).status).toBe(
      200,
    );
    await service.close();
  });
});

describe("the App Service zip", () => {
  it("holds the build, the bundle, better-sqlite3 and the school's pack and documents, and refuses a wrong hash", () => {
    const out = join(root, "service.zip");
    const result = packageService({
      distDir,
      policy: "st-john-payne",
      documentsDir: join(process.cwd(), "policy/documents"),
      out,
    });
    expect(existsSync(out)).toBe(true);
    expect(result.bytes).toBeLessThan(30 * 1024 * 1024);

    const documents = join(root, "documents");
    cpSync(join(process.cwd(), "policy/documents"), documents, { recursive: true });
    writeFileSync(join(documents, "st-john-payne/acceptable-use.md"), "An edited text.\n");
    expect(() =>
      packageService({ distDir, policy: "st-john-payne", documentsDir: documents, out: join(root, "bad.zip") }),
    ).toThrow(/SHA-256/);
  });
});
