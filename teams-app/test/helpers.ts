import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { SignJWT, type JWK, type JWTPayload } from "jose";
import { readConfig, type AppConfig } from "../server/config.js";
import { seededUuid } from "../server/directory/demo.js";

export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));
export const FIXTURE_PACK = join(FIXTURES, "pack.json");
export const FIXTURE_DOCUMENTS = join(FIXTURES, "documents");
/** A stand-in for the built tab (`npm run build:teams`), so the API starts without a build. */
export const FIXTURE_TAB = join(FIXTURES, "tab");
export const TENANT = "9f3c1a52-6d1e-4c0b-9a57-3e2b8d7c1f00";
export const OTHER_TENANT = "0b7e4f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
export const AUDIENCE = "api://spg-test-api";
export const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
/** The tab's client id (nested app auth puts it in `azp`). */
export const TAB_CLIENT = "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b";
/** Microsoft Teams desktop/mobile, as Teams SSO puts it in `azp`. */
export const TEAMS_DESKTOP_CLIENT = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";
/** A test-only audit key (32 bytes, base64) — production keys come from Key Vault. */
export const TEST_AUDIT_KEY_B64 = Buffer.from("test audit key: 32 bytes or more, not secret").toString("base64");
export const TEST_AUDIT_KEY = Buffer.from(TEST_AUDIT_KEY_B64, "base64");

/** A key pair standing in for Entra's signing key, its JWKS served over loopback HTTP. */
export interface TestIdentityProvider {
  readonly jwksUri: string;
  readonly privateKey: KeyObject;
  readonly kid: string;
  mint(
    claims?: JWTPayload,
    options?: {
      key?: KeyObject;
      kid?: string;
      expiresIn?: string | number;
      notBefore?: string | number;
      issuer?: string;
      audience?: string;
    },
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startIdentityProvider(): Promise<TestIdentityProvider> {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "test-key-1";
  const jwks = { keys: [{ ...(publicKey.export({ format: "jwk" }) as JWK), kid, alg: "RS256", use: "sig" }] };
  const server: Server = createServer((request, response) => {
    if (request.url === "/discovery/v2.0/keys") {
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(jwks));
    } else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    jwksUri: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    privateKey,
    kid,
    async mint(claims = {}, options = {}) {
      const jwt = new SignJWT({ tid: TENANT, ver: "2.0", ...claims })
        .setProtectedHeader({ alg: "RS256", kid: options.kid ?? kid, typ: "JWT" })
        .setIssuer(options.issuer ?? ISSUER)
        .setAudience(options.audience ?? AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? "1h");
      if (options.notBefore !== undefined) jwt.setNotBefore(options.notBefore);
      return jwt.sign(options.key ?? privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface TestUser {
  readonly oid: string;
  readonly upn: string;
  readonly name: string;
  readonly roles?: readonly string[];
}

export function testUser(label: string, roles: readonly string[] = []): TestUser {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, ".");
  return { oid: seededUuid(`test-user/${label}`), upn: `${slug}@test-school.invalid`, name: label, roles };
}

/** A delegated (user) token's claims as Entra issues them to the tab through nested app auth. */
export function claimsFor(user: TestUser, extra: JWTPayload = {}): JWTPayload {
  return {
    oid: user.oid,
    preferred_username: user.upn,
    name: user.name,
    roles: [...(user.roles ?? [])],
    scp: "access_as_user",
    azp: TAB_CLIENT,
    ...extra,
  };
}

export function tempDir(prefix = "spg-teams-"): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A real-tenant configuration in test mode (NODE_ENV=test allows the loopback http key set):
 * Graph directory with placeholder credentials (tests pass their own directory and notifier;
 * the spawned servers only take acknowledgements), the audit key and a checkpoint file beside
 * the database.
 */
export function testEnv(jwksUri: string, databasePath: string): Record<string, string> {
  return {
    NODE_ENV: "test",
    TENANT_ID: TENANT,
    API_AUDIENCE: AUDIENCE,
    AUTH_JWKS_URI: jwksUri,
    TAB_CLIENT_ID: TAB_CLIENT,
    POLICY_PACK: FIXTURE_PACK,
    POLICY_DOCUMENTS_DIR: FIXTURE_DOCUMENTS,
    DATABASE_PATH: databasePath,
    DIRECTORY: "graph",
    GRAPH_BASE_URL: "http://127.0.0.1:9",
    GRAPH_CLIENT_ID: "00000000-0000-4000-8000-00000000c0de",
    GRAPH_CLIENT_SECRET: "placeholder-never-used",
    AUDIT_HMAC_KEY: TEST_AUDIT_KEY_B64,
    AUDIT_CHECKPOINT_FILE: `${databasePath}.checkpoints.jsonl`,
    STATIC_DIR: FIXTURE_TAB,
    PORT: "0",
  };
}

export function testConfig(jwksUri: string, databasePath: string, extra: Record<string, string> = {}): AppConfig {
  return readConfig({ ...testEnv(jwksUri, databasePath), ...extra });
}

/**
 * Starts `teams-app/server/main.ts` (what `npm run serve:teams` runs) in its own process with
 * exactly `env` on top of this process's PATH; resolves with its origin once it listens, or
 * rejects with its output if it exits first.
 */
export function startServerProcess(
  env: Record<string, string>,
): Promise<{ child: import("node:child_process").ChildProcess; origin: string; output: () => string }> {
  return import("node:child_process").then(
    ({ spawn }) =>
      new Promise((resolve, reject) => {
        const main = fileURLToPath(new URL("../server/main.ts", import.meta.url));
        const child = spawn(process.execPath, ["--import", "tsx", main], {
          env: { PATH: process.env["PATH"] ?? "", ...env },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
        child.stdout?.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve({ child, origin: match[1], output: () => output });
          }
        });
        child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.on("exit", (code) => {
          clearTimeout(timer);
          reject(Object.assign(new Error(`server exited (${code}): ${output}`), { code, output }));
        });
      }),
  );
}
