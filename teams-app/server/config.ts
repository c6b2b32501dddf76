/**
 * Configuration of the acknowledgement API, as a library.
 *
 * Exports (stable; the production server in server/ mounts the API with them):
 * - `readConfig(env = process.env): AppConfig` — reads and checks the environment and fails
 *   closed: every problem is collected and thrown as one `ConfigError` (a typed `Error` with
 *   `problems: string[]`), never a half-working configuration. `loadConfig` is an alias.
 * - `AppConfig` — the checked configuration object `createApp` (app.ts) and `createServices`
 *   (services.ts) take; a host that builds one by hand should still pass it through `checkConfig`.
 * - `checkConfig(config): AppConfig` — re-applies the fail-closed rules to a hand-built object.
 * - `ConfigError`, `DEV_TENANT_ID`, `DEV_AUDIENCE`, `DEV_CLIENT_ID`, `DEV_AUDIT_KEY`,
 *   `isLoopbackHost`, `isDevelopmentMode`.
 *
 * Fail-closed rules:
 * - Development mode is NODE_ENV exactly `development` or `test`. Anything else — unset,
 *   `production`, `Production`, `prod`, `production ` — is production.
 * - The development sign-in and the synthetic directory run only when asked for explicitly
 *   (DEV_SIGN_IN=1 / DIRECTORY=demo) AND in development mode AND bound to a loopback HOST AND with
 *   no real tenant configured (TENANT_ID unset). Anything else refuses to start, saying why.
 * - Key sets (AUTH_JWKS_URI) and Graph (GRAPH_BASE_URL) must be https; plain http is allowed only
 *   for a loopback address in development mode (tests and local stand-ins).
 * - Outside development: AUDIT_HMAC_KEY (≥ 32 bytes, base64) and an audit checkpoint place
 *   (AUDIT_CHECKPOINT_FILE or AUDIT_CHECKPOINT_LIST_ID) and ALLOWED_HOSTS are required.
 */
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { entraIssuer, entraJwksUri, MICROSOFT_HOST_CLIENTS } from "./auth.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Where `npm run build:teams` writes the tab, and where the server looks for it unless STATIC_DIR says otherwise. */
export const DEFAULT_STATIC_DIR = `${REPO_ROOT}dist/teams-app`;

/** The tenant id the development sign-in uses (not a real tenant). */
export const DEV_TENANT_ID = "5c4f0d1e-0000-4000-8000-00000000de71";
export const DEV_AUDIENCE = "api://school-policy-guard-dev";
/** The `azp` of development tokens: the tab's stand-in client id. */
export const DEV_CLIENT_ID = "00000000-0000-4000-8000-0000000dec11";
/** Development only, and public on purpose: records keyed with it prove nothing. */
export const DEV_AUDIT_KEY = Buffer.from("school-policy-guard development audit key, not secret!", "utf8");

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((value) => value === "1" || value === "true");

const list = (value: string | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1).default(`${REPO_ROOT}data/acknowledgements.db`),
  POLICY_PACK: z.string().min(1).default("st-john-payne"),
  POLICY_DOCUMENTS_DIR: z.string().min(1).default(`${REPO_ROOT}policy/documents`),
  TENANT_ID: z.uuid({ message: "must be the tenant's GUID" }).optional(),
  API_AUDIENCE: z.string().min(1).optional(),
  API_SCOPE: z.string().min(1).optional(),
  TAB_CLIENT_ID: z.string().min(1).optional(),
  ALLOWED_CLIENT_IDS: z.string().optional(),
  AUTH_JWKS_URI: z.url().optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  DEV_SIGN_IN: flag,
  STORE: z.enum(["sqlite", "sharepoint"]).default("sqlite"),
  SHAREPOINT_SITE_ID: z.string().min(1).optional(),
  SHAREPOINT_LIST_ID: z.string().min(1).optional(),
  DIRECTORY: z.enum(["graph", "demo"]).optional(),
  GRAPH_BASE_URL: z.url().default("https://graph.microsoft.com"),
  GRAPH_CLIENT_ID: z.string().min(1).optional(),
  GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
  TEAMS_APP_ID: z.string().min(1).optional(),
  TAB_ENTITY_ID: z.string().min(1).default("policies"),
  STATIC_DIR: z.string().min(1).default(DEFAULT_STATIC_DIR),
  ALLOWED_HOSTS: z.string().optional(),
  AUDIT_HMAC_KEY: z.string().optional(),
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  AUDIT_CHECKPOINT_LIST_ID: z.string().min(1).optional(),
  REMINDER_INTERVAL_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 366)
    .default(24),
});

export type CheckpointTarget =
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "sharepoint"; readonly siteId: string; readonly listId: string };

export interface AppConfig {
  /** True unless NODE_ENV is exactly `development` or `test`. */
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly databasePath: string;
  readonly policyPack: string;
  readonly documentsDir: string;
  readonly tenantId: string;
  /** Accepted `aud` values: the API's client id and/or Application ID URI. */
  readonly audiences: readonly string[];
  /** The scope the tab asks for (shown to the tab through /api/config). */
  readonly apiScope: string;
  /** The scope name a token's `scp` must contain (the last segment of apiScope). */
  readonly requiredScope: string;
  readonly tabClientId: string | undefined;
  /** Clients (`azp` / `appid`) a person may call through. */
  readonly allowedClients: readonly string[];
  readonly jwksUri: string;
  readonly issuer: string;
  readonly devSignIn: boolean;
  readonly store:
    { readonly kind: "sqlite" } | { readonly kind: "sharepoint"; readonly siteId: string; readonly listId: string };
  readonly directory: "graph" | "demo";
  readonly graph: { readonly baseUrl: string; readonly clientId?: string; readonly clientSecret?: string };
  readonly teamsAppId: string | undefined;
  readonly tabEntityId: string;
  readonly staticDir: string;
  /** Host header values accepted (`name` or `name:port`, lower case); loopback names in development. */
  readonly allowedHosts: readonly string[];
  readonly audit: {
    /** HMAC-SHA256 key for record hashes and checkpoints; never stored with the records. */
    readonly key: Buffer;
    readonly checkpoint: CheckpointTarget;
  };
  /** Minimum hours between two reminder rounds for the same policy. */
  readonly reminderIntervalHours: number;
}

export function isDevelopmentMode(nodeEnv: string | undefined): boolean {
  return nodeEnv === "development" || nodeEnv === "test";
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  return bare === "localhost" || bare === "::1" || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

const DEV_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * Reads and checks the environment. Fails closed — listing every problem — rather than start a
 * server that would accept the wrong tokens or offer the development sign-in to the network.
 */
export function readConfig(env: Readonly<Record<string, string | undefined>> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const value = parsed.data;
  const problems: string[] = [];
  const development = isDevelopmentMode(value.NODE_ENV);
  const production = !development;
  const loopback = isLoopbackHost(value.HOST);

  const devRefusals = (what: string): string[] => {
    const reasons: string[] = [];
    if (!development)
      reasons.push(
        `NODE_ENV is ${value.NODE_ENV === undefined ? "not set" : JSON.stringify(value.NODE_ENV)} (it must be exactly "development" or "test")`,
      );
    if (!loopback) reasons.push(`HOST ${JSON.stringify(value.HOST)} is not a loopback address`);
    if (value.TENANT_ID && value.TENANT_ID !== DEV_TENANT_ID) reasons.push("a real TENANT_ID is configured");
    return reasons.length === 0 ? [] : [`${what} is for local development only and is refused: ${reasons.join("; ")}.`];
  };
  if (value.DEV_SIGN_IN) problems.push(...devRefusals("DEV_SIGN_IN"));
  const directory = value.DIRECTORY ?? (value.DEV_SIGN_IN ? "demo" : "graph");
  if (directory === "demo") problems.push(...devRefusals("DIRECTORY=demo (synthetic people)"));

  const tenantId = value.TENANT_ID ?? (value.DEV_SIGN_IN ? DEV_TENANT_ID : undefined);
  if (!tenantId) problems.push("TENANT_ID: required (the school's Entra tenant id).");
  const audiences = list(value.API_AUDIENCE ?? (value.DEV_SIGN_IN ? DEV_AUDIENCE : ""));
  if (audiences.length === 0) problems.push("API_AUDIENCE: required (the API's client id or Application ID URI).");
  if (value.STORE === "sharepoint" && (!value.SHAREPOINT_SITE_ID || !value.SHAREPOINT_LIST_ID)) {
    problems.push("STORE=sharepoint needs SHAREPOINT_SITE_ID and SHAREPOINT_LIST_ID.");
  }
  const needsGraph = value.STORE === "sharepoint" || directory === "graph" || !!value.AUDIT_CHECKPOINT_LIST_ID;
  if (needsGraph && !value.DEV_SIGN_IN && (!value.GRAPH_CLIENT_ID || !value.GRAPH_CLIENT_SECRET)) {
    problems.push(
      "GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET are needed for the Graph directory, reminders and SharePoint store.",
    );
  }

  const tenant = tenantId ?? "";
  const jwksUri = value.AUTH_JWKS_URI ?? entraJwksUri(tenant);
  problems.push(...httpsOnly("AUTH_JWKS_URI", jwksUri, development));
  problems.push(...httpsOnly("GRAPH_BASE_URL", value.GRAPH_BASE_URL, development));

  const firstAudience = audiences[0] ?? "";
  const apiScope =
    value.API_SCOPE ??
    `${firstAudience.startsWith("api://") ? firstAudience : `api://${firstAudience}`}/access_as_user`;
  const requiredScope = apiScope.split("/").pop() ?? "";
  const allowedClients = [
    ...new Set([
      ...(value.TAB_CLIENT_ID ? [value.TAB_CLIENT_ID] : []),
      ...(value.ALLOWED_CLIENT_IDS !== undefined
        ? list(value.ALLOWED_CLIENT_IDS)
        : Object.keys(MICROSOFT_HOST_CLIENTS)),
      ...(value.DEV_SIGN_IN ? [DEV_CLIENT_ID] : []),
    ]),
  ];

  let allowedHosts = list(value.ALLOWED_HOSTS).map((host) => host.toLowerCase());
  if (allowedHosts.length === 0) {
    if (development) allowedHosts = DEV_HOSTS;
    else problems.push("ALLOWED_HOSTS: required outside development (the host names the API is served under).");
  }

  let key: Buffer = DEV_AUDIT_KEY;
  if (value.AUDIT_HMAC_KEY) {
    key = Buffer.from(value.AUDIT_HMAC_KEY, "base64");
    if (key.length < 32) problems.push("AUDIT_HMAC_KEY: must be at least 32 bytes, base64-encoded.");
  } else if (production) {
    problems.push(
      "AUDIT_HMAC_KEY: required outside development (32+ random bytes, base64; keep it in Key Vault, not with the database).",
    );
  }
  let checkpoint: CheckpointTarget;
  if (value.AUDIT_CHECKPOINT_LIST_ID) {
    checkpoint = { kind: "sharepoint", siteId: value.SHAREPOINT_SITE_ID ?? "", listId: value.AUDIT_CHECKPOINT_LIST_ID };
    if (!value.SHAREPOINT_SITE_ID) problems.push("AUDIT_CHECKPOINT_LIST_ID needs SHAREPOINT_SITE_ID.");
    if (value.AUDIT_CHECKPOINT_LIST_ID === value.SHAREPOINT_LIST_ID)
      problems.push("AUDIT_CHECKPOINT_LIST_ID must be a different list from the evidence list.");
  } else if (value.AUDIT_CHECKPOINT_FILE) {
    checkpoint = { kind: "file", path: value.AUDIT_CHECKPOINT_FILE };
    if (value.AUDIT_CHECKPOINT_FILE === value.DATABASE_PATH)
      problems.push("AUDIT_CHECKPOINT_FILE must not be the database file.");
  } else {
    checkpoint = { kind: "file", path: `${value.DATABASE_PATH}.checkpoints.jsonl` };
    if (production)
      problems.push(
        "AUDIT_CHECKPOINT_FILE or AUDIT_CHECKPOINT_LIST_ID: required outside development (where signed chain heads are kept, away from the database).",
      );
  }

  if (problems.length > 0) throw new ConfigError(problems);

  return {
    production,
    port: value.PORT,
    host: value.HOST,
    databasePath: value.DATABASE_PATH,
    policyPack: value.POLICY_PACK,
    documentsDir: value.POLICY_DOCUMENTS_DIR,
    tenantId: tenant,
    audiences,
    apiScope,
    requiredScope,
    tabClientId: value.TAB_CLIENT_ID,
    allowedClients,
    jwksUri,
    issuer: value.AUTH_ISSUER ?? entraIssuer(tenant),
    devSignIn: value.DEV_SIGN_IN,
    store:
      value.STORE === "sharepoint"
        ? { kind: "sharepoint", siteId: value.SHAREPOINT_SITE_ID ?? "", listId: value.SHAREPOINT_LIST_ID ?? "" }
        : { kind: "sqlite" },
    directory,
    graph: {
      baseUrl: value.GRAPH_BASE_URL,
      ...(value.GRAPH_CLIENT_ID ? { clientId: value.GRAPH_CLIENT_ID } : {}),
      ...(value.GRAPH_CLIENT_SECRET ? { clientSecret: value.GRAPH_CLIENT_SECRET } : {}),
    },
    teamsAppId: value.TEAMS_APP_ID,
    tabEntityId: value.TAB_ENTITY_ID,
    staticDir: value.STATIC_DIR,
    allowedHosts,
    audit: { key, checkpoint },
    reminderIntervalHours: value.REMINDER_INTERVAL_HOURS,
  };
}

/** Alias of `readConfig` for hosts that "load" configuration. */
export const loadConfig = readConfig;

/**
 * Re-checks a hand-built configuration against the same fail-closed rules (used by `createApp`,
 * so an `AppConfig` assembled without `readConfig` cannot switch the development sign-in on in
 * production or drop the audit key).
 */
export function checkConfig(config: AppConfig): AppConfig {
  const problems: string[] = [];
  if (config.devSignIn || config.directory === "demo") {
    if (config.production) problems.push("The development sign-in and demo directory cannot run in production.");
    if (!isLoopbackHost(config.host)) problems.push("The development sign-in needs a loopback host.");
    if (config.tenantId !== DEV_TENANT_ID && config.devSignIn)
      problems.push("The development sign-in cannot run with a real tenant.");
  }
  if (config.production) {
    if (config.audit.key.equals(DEV_AUDIT_KEY) || config.audit.key.length < 32)
      problems.push("A production audit key (32+ bytes) is required.");
    if (config.allowedHosts.length === 0) problems.push("ALLOWED_HOSTS is required in production.");
    problems.push(...httpsOnly("jwksUri", config.jwksUri, false));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function httpsOnly(name: string, uri: string, development: boolean): string[] {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return [`${name}: not a URL.`];
  }
  if (url.protocol === "https:") return [];
  if (url.protocol === "http:" && development && isLoopbackHost(url.hostname)) return [];
  return [
    `${name}: must be an https URL${development ? " (plain http only for a loopback address in development)" : " outside development"}.`,
  ];
}
