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
export const TENANT = "9f3c1a52-6d1e-4c0b-9a57-3e2b8d7c1f00";
export const OTHER_TENANT = "0b7e4f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
export const AUDIENCE = "api://spg-test-api";
export const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;

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

export function claimsFor(user: TestUser, extra: JWTPayload = {}): JWTPayload {
  return { oid: user.oid, preferred_username: user.upn, name: user.name, roles: [...(user.roles ?? [])], ...extra };
}

export function tempDir(prefix = "spg-teams-"): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function testEnv(jwksUri: string, databasePath: string): Record<string, string> {
  return {
    TENANT_ID: TENANT,
    API_AUDIENCE: AUDIENCE,
    AUTH_JWKS_URI: jwksUri,
    POLICY_PACK: FIXTURE_PACK,
    POLICY_DOCUMENTS_DIR: FIXTURE_DOCUMENTS,
    DATABASE_PATH: databasePath,
    DIRECTORY: "demo",
    PORT: "0",
  };
}

export function testConfig(jwksUri: string, databasePath: string, extra: Record<string, string> = {}): AppConfig {
  return readConfig({ ...testEnv(jwksUri, databasePath), ...extra });
}
