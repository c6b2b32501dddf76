import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ConfigError, readConfig, type AppConfig } from "../teams-app/server/config.js";
import { graphCredential, type GraphCredential } from "./identity.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
/** Run from source: <repo>/dist. Run as the bundle: the dist folder the bundle sits in (dist/server/main.mjs). */
const DEFAULT_DIST_DIR = existsSync(join(HERE, "../manifest/manifest.json")) ? join(HERE, "..") : join(HERE, "../dist");

/** The placeholder client id local builds write into the manifests (scripts/build.ts). */
const PLACEHOLDER_CLIENT_ID = "00000000-0000-0000-0000-000000000000";

/** The files the manifests point at: the service refuses to start without every one of them. */
export const REQUIRED_FILES = [
  "addin/taskpane.html",
  "addin/taskpane.js",
  "addin/commands.html",
  "addin/launchevent.js",
  "teams-app/index.html",
  "teams-app/app.js",
  "assets/icon-16.png",
  "assets/icon-32.png",
  "assets/icon-64.png",
  "assets/icon-80.png",
  "assets/icon-128.png",
  "manifest/manifest.json",
] as const;

/** What the playground builds and a school's service must never serve. */
export const DEVELOPMENT_FILES = ["addin/harness.html", "addin/harness.js", "addin/harness-pane.html"] as const;

export interface ServeSettings {
  readonly distDir: string;
  readonly host: string;
  readonly port: number;
  /** Believe X-Forwarded-Proto / X-Forwarded-Host (Azure App Service, a reverse proxy terminating TLS). */
  readonly trustProxy: boolean;
  /** The https origin the app package was built for (from dist/manifest/manifest.json). */
  readonly publicOrigin: string;
  /** How long acknowledgement records are kept, as the privacy page states it. */
  readonly retention: string;
  /** Who answers questions about the data (privacy page); defaults to the pack's policy owner. */
  readonly privacyContact: string | undefined;
  readonly shutdownTimeoutMs: number;
}

export interface ServiceConfiguration {
  readonly settings: ServeSettings;
  readonly app: AppConfig;
  readonly credential: GraphCredential | undefined;
}

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  HOST: z.string().min(1).default("0.0.0.0"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  DIST_DIR: z.string().min(1).default(DEFAULT_DIST_DIR),
  TRUST_PROXY: z.enum(["0", "1", "true", "false"]).optional(),
  EVIDENCE_RETENTION: z.string().min(1).max(300).optional(),
  PRIVACY_CONTACT: z.string().min(1).max(200).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(15_000),
});

const manifestSchema = z.object({
  id: z.string(),
  developer: z.object({ websiteUrl: z.url() }),
  webApplicationInfo: z.object({ id: z.string(), resource: z.string() }),
});

/**
 * Reads the service's settings and the acknowledgement API's configuration from the environment and
 * the built files, and refuses — listing every problem — anything that belongs to development: not
 * NODE_ENV=production, the development sign-in or demo directory, http or loopback token endpoints, a
 * build made for the placeholder client id or by the playground (harness pages), missing files, or an
 * API audience that does not match the app package.
 */
export function readServiceConfiguration(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ServiceConfiguration {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const value = parsed.data;
  const problems: string[] = [];
  if (value.NODE_ENV !== "production") {
    problems.push("NODE_ENV must be production: `npm run serve` is the school's service (use `npm start` to try it).");
  }
  for (const name of ["DEV_SIGN_IN"] as const) {
    if (env[name] && !["0", "false", ""].includes(env[name] ?? "")) problems.push(`${name} is refused by the service.`);
  }
  if (env.DIRECTORY === "demo") problems.push("DIRECTORY=demo (synthetic people) is refused by the service.");
  for (const name of ["AUTH_JWKS_URI", "AUTH_ISSUER", "GRAPH_BASE_URL"] as const) {
    const url = env[name];
    if (url && !isPublicHttps(url)) problems.push(`${name} must be an https address off this machine, not ${url}.`);
  }

  const distDir = resolve(value.DIST_DIR);
  const built = checkBuild(distDir);
  problems.push(...built.problems);
  const { publicOrigin, manifestAudiences } = built;

  if (env.GRAPH_CLIENT_CERTIFICATE_PATH && !existsSync(env.GRAPH_CLIENT_CERTIFICATE_PATH)) {
    problems.push(`GRAPH_CLIENT_CERTIFICATE_PATH: no file at ${env.GRAPH_CLIENT_CERTIFICATE_PATH}.`);
  }
  if (env.GRAPH_CLIENT_CERTIFICATE && !env.GRAPH_CLIENT_CERTIFICATE.includes("PRIVATE KEY-----")) {
    problems.push("GRAPH_CLIENT_CERTIFICATE must be a PEM holding the certificate and its private key.");
  }
  if (env.GRAPH_CLIENT_CERTIFICATE_PATH && env.GRAPH_CLIENT_CERTIFICATE) {
    problems.push("Give GRAPH_CLIENT_CERTIFICATE_PATH or GRAPH_CLIENT_CERTIFICATE, not both.");
  }
  let credential: GraphCredential | undefined;
  try {
    credential = graphCredential(env.TENANT_ID ?? "", env);
  } catch (error) {
    problems.push((error as Error).message);
  }

  // teams-app's configuration asks for a client secret whenever Graph is used; this service brings
  // its own credential (certificate, managed or workload identity, or that secret) and builds every
  // Graph-backed service with it, so the secret slot only has to be filled for the check.
  const appEnv: Record<string, string | undefined> = {
    ...env,
    NODE_ENV: "production",
    HOST: value.HOST,
    PORT: String(value.PORT),
    STATIC_DIR: join(distDir, "teams-app"),
  };
  // The service zip (scripts/package-service.ts) carries the school's pack and documents beside dist/.
  const school = join(distDir, "../school");
  if (!env.POLICY_PACK && existsSync(join(school, "pack.json"))) {
    appEnv.POLICY_PACK = join(school, "pack.json");
    appEnv.POLICY_DOCUMENTS_DIR = env.POLICY_DOCUMENTS_DIR ?? join(school, "documents");
  }
  // The service answers under the address the app package was built for, unless told otherwise.
  if (!env.ALLOWED_HOSTS && publicOrigin) appEnv.ALLOWED_HOSTS = new URL(publicOrigin).host;
  if (credential) {
    appEnv.GRAPH_CLIENT_ID = credential.clientId ?? env.GRAPH_CLIENT_ID ?? "managed-identity";
    appEnv.GRAPH_CLIENT_SECRET = env.GRAPH_CLIENT_SECRET ?? `(${credential.kind}; see server/identity.ts)`;
  }
  let app: AppConfig | undefined;
  try {
    app = readConfig(appEnv);
  } catch (error) {
    if (error instanceof ConfigError) {
      problems.push(
        ...error.problems.map((problem) =>
          problem.startsWith("GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET")
            ? "A Graph credential is required: GRAPH_CLIENT_CERTIFICATE_PATH (preferred), GRAPH_MANAGED_IDENTITY or GRAPH_CLIENT_SECRET, with GRAPH_CLIENT_ID."
            : problem,
        ),
      );
    } else problems.push((error as Error).message);
  }
  if (app && manifestAudiences.length > 0 && !app.audiences.some((audience) => manifestAudiences.includes(audience))) {
    problems.push(
      `API_AUDIENCE (${app.audiences.join(", ")}) does not include the app package's client id or resource ` +
        `(${manifestAudiences.join(", ")}): Teams would send tokens this service refuses.`,
    );
  }
  if (problems.length > 0 || !app) throw new ConfigError(problems);

  const trustProxy =
    value.TRUST_PROXY === undefined ? Boolean(env.WEBSITE_SITE_NAME) : ["1", "true"].includes(value.TRUST_PROXY);
  return {
    settings: {
      distDir,
      host: value.HOST,
      port: value.PORT,
      trustProxy,
      publicOrigin,
      retention:
        value.EVIDENCE_RETENTION ??
        "for as long as the school's records retention schedule says, after which the school deletes them",
      privacyContact: value.PRIVACY_CONTACT,
      shutdownTimeoutMs: value.SHUTDOWN_TIMEOUT_MS,
    },
    app,
    credential,
  };
}

export interface BuildCheck {
  readonly problems: readonly string[];
  /** The https origin the app package was built for ("" when the manifest is missing). */
  readonly publicOrigin: string;
  /** The client id and resource the app package asks Teams to get tokens for. */
  readonly manifestAudiences: readonly string[];
}

/**
 * Checks a built folder is a school's build: every file the manifests point at, no development page,
 * and a manifest for a real client id and an https address off this machine.
 */
export function checkBuild(distDir: string): BuildCheck {
  const problems: string[] = [];
  for (const file of REQUIRED_FILES) {
    if (!existsSync(join(distDir, file))) problems.push(`${join(distDir, file)} is missing: run \`npm run build\`.`);
  }
  for (const file of DEVELOPMENT_FILES) {
    if (existsSync(join(distDir, file))) {
      problems.push(`${join(distDir, file)} is a development page: rebuild with \`npm run build\`.`);
    }
  }
  let publicOrigin = "";
  let manifestAudiences: string[] = [];
  const manifestPath = join(distDir, "manifest/manifest.json");
  if (existsSync(manifestPath)) {
    const manifest = manifestSchema.safeParse(JSON.parse(readFileSync(manifestPath, "utf8")) as unknown);
    if (!manifest.success) problems.push(`${manifestPath} is not a manifest written by \`npm run build\`.`);
    else {
      publicOrigin = new URL(manifest.data.developer.websiteUrl).origin;
      manifestAudiences = [manifest.data.webApplicationInfo.id, manifest.data.webApplicationInfo.resource];
      if (manifest.data.webApplicationInfo.id === PLACEHOLDER_CLIENT_ID) {
        problems.push("The build uses the placeholder client id: rebuild with `--client-id <your app's client id>`.");
      }
      if (!publicOrigin.startsWith("https://") || isLoopback(new URL(publicOrigin).hostname)) {
        problems.push(`The build is for ${publicOrigin}: rebuild with \`--host https://<your service's address>\`.`);
      }
    }
  }
  return { problems, publicOrigin, manifestAudiences };
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname.startsWith("127.") || hostname === "[::1]" || hostname === "::1";
}

function isPublicHttps(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" && !isLoopback(parsed.hostname);
  } catch {
    return false;
  }
}
