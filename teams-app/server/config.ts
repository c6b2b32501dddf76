import { fileURLToPath } from "node:url";
import { z } from "zod";
import { entraIssuer, entraJwksUri } from "./auth.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The tenant id the development sign-in uses when TENANT_ID is not set (not a real tenant). */
export const DEV_TENANT_ID = "5c4f0d1e-0000-4000-8000-00000000de71";
export const DEV_AUDIENCE = "api://school-policy-guard-dev";

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

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_PATH: z.string().min(1).default(`${REPO_ROOT}data/acknowledgements.db`),
  POLICY_PACK: z.string().min(1).default("st-dunstans"),
  POLICY_DOCUMENTS_DIR: z.string().min(1).default(`${REPO_ROOT}policy/documents`),
  TENANT_ID: z.uuid({ message: "must be the tenant's GUID" }).optional(),
  API_AUDIENCE: z.string().min(1).optional(),
  API_SCOPE: z.string().min(1).optional(),
  TAB_CLIENT_ID: z.string().min(1).optional(),
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
  STATIC_DIR: z.string().min(1).default(`${REPO_ROOT}dist/teams-app`),
});

export interface AppConfig {
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
  readonly tabClientId: string | undefined;
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
}

/**
 * Reads and checks the environment. Fails loudly — listing every problem — rather than start a
 * server that would accept the wrong tokens or enable the development sign-in in production.
 */
export function readConfig(env: Readonly<Record<string, string | undefined>> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const value = parsed.data;
  const problems: string[] = [];
  const production = value.NODE_ENV === "production";
  if (value.DEV_SIGN_IN && production) {
    problems.push("DEV_SIGN_IN is for local development only and is refused when NODE_ENV=production.");
  }
  const tenantId = value.TENANT_ID ?? (value.DEV_SIGN_IN ? DEV_TENANT_ID : undefined);
  if (!tenantId) problems.push("TENANT_ID: required (the school's Entra tenant id).");
  const audiences = (value.API_AUDIENCE ?? (value.DEV_SIGN_IN ? DEV_AUDIENCE : ""))
    .split(",")
    .map((audience) => audience.trim())
    .filter(Boolean);
  if (audiences.length === 0) problems.push("API_AUDIENCE: required (the API's client id or Application ID URI).");
  const directory = value.DIRECTORY ?? (value.DEV_SIGN_IN ? "demo" : "graph");
  if (directory === "demo" && production)
    problems.push("DIRECTORY=demo is synthetic people: refused when NODE_ENV=production.");
  if (value.STORE === "sharepoint" && (!value.SHAREPOINT_SITE_ID || !value.SHAREPOINT_LIST_ID)) {
    problems.push("STORE=sharepoint needs SHAREPOINT_SITE_ID and SHAREPOINT_LIST_ID.");
  }
  const needsGraph = value.STORE === "sharepoint" || directory === "graph";
  if (needsGraph && !value.DEV_SIGN_IN && (!value.GRAPH_CLIENT_ID || !value.GRAPH_CLIENT_SECRET)) {
    problems.push(
      "GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET are needed for the Graph directory, reminders and SharePoint store.",
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const tenant = tenantId ?? "";
  const firstAudience = audiences[0] ?? "";
  return {
    production,
    port: value.PORT,
    host: value.HOST,
    databasePath: value.DATABASE_PATH,
    policyPack: value.POLICY_PACK,
    documentsDir: value.POLICY_DOCUMENTS_DIR,
    tenantId: tenant,
    audiences,
    apiScope:
      value.API_SCOPE ??
      `${firstAudience.startsWith("api://") ? firstAudience : `api://${firstAudience}`}/access_as_user`,
    tabClientId: value.TAB_CLIENT_ID,
    jwksUri: value.AUTH_JWKS_URI ?? entraJwksUri(tenant),
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
  };
}
