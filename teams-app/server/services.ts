import { ClientSecretCredential } from "@azure/identity";
import type { Client } from "@microsoft/microsoft-graph-client";
import { createLocalJWKSet } from "jose";
import { loadPolicy } from "../../policy/pack/load.js";
import { ADMIN_ROLE, createTokenVerifier, remoteKeySet, type Identity } from "./auth.js";
import { loadCatalogue, type PolicyCatalogue } from "./catalogue.js";
import { checkConfig, DEV_CLIENT_ID, type AppConfig } from "./config.js";
import { createDevTokenIssuer, DEV_ISSUER, type DevPersona, type DevTokenIssuer } from "./dev-sign-in.js";
import { DemoDirectory, seededUuid } from "./directory/demo.js";
import { GraphDirectory } from "./directory/graph.js";
import type { Directory } from "./directory/types.js";
import { createGraphClient } from "./graph-client.js";
import { GraphActivityNotifier, RecordingNotifier, type ActivityNotifier } from "./notifier.js";
import { FileCheckpointLog, SharePointCheckpointLog, type CheckpointLog } from "./store/checkpoint.js";
import { AuditKey } from "./store/record.js";
import { SharePointAcknowledgementStore } from "./store/sharepoint.js";
import { SqliteAcknowledgementStore } from "./store/sqlite.js";
import type { AcknowledgementStore } from "./store/types.js";

/** Everything the HTTP layer needs, built from configuration; tests pass their own pieces. */
export interface Services {
  readonly catalogue: PolicyCatalogue;
  readonly store: AcknowledgementStore;
  readonly directory: Directory;
  readonly notifier: ActivityNotifier;
  readonly verifyToken: (authorization: string | undefined) => Promise<Identity>;
  readonly devIssuer: DevTokenIssuer | undefined;
  readonly now: () => Date;
  /** Keys reminder confirmations (and nothing else) with the audit key. */
  readonly auditKey: AuditKey;
}

export function createServices(config: AppConfig, overrides: Partial<Services> = {}): Services {
  checkConfig(config);
  const now = overrides.now ?? (() => new Date());
  const catalogue = overrides.catalogue ?? loadCatalogue(loadPolicy(config.policyPack), config.documentsDir);
  const devIssuer =
    overrides.devIssuer ??
    (config.devSignIn
      ? createDevTokenIssuer({
          tenantId: config.tenantId,
          audience: config.audiences[0] ?? "",
          personas: devPersonas(config.tenantId, catalogue),
          clientId: DEV_CLIENT_ID,
          scope: config.requiredScope,
        })
      : undefined);
  if (devIssuer && config.production) throw new Error("The development sign-in cannot run in production.");

  let graphClient: Client | undefined;
  const graph = (): Client => {
    if (graphClient) return graphClient;
    const { clientId, clientSecret, baseUrl } = config.graph;
    if (!clientId || !clientSecret) throw new Error("Graph is not configured (GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET).");
    const credential = new ClientSecretCredential(config.tenantId, clientId, clientSecret);
    const scope = `${new URL(baseUrl).origin}/.default`;
    graphClient = createGraphClient({
      baseUrl,
      authProvider: {
        getAccessToken: async () => (await credential.getToken(scope)).token,
      },
    });
    return graphClient;
  };

  const key = new AuditKey(config.audit.key);
  const checkpointTarget = config.audit.checkpoint;
  const checkpoints = (): CheckpointLog =>
    checkpointTarget.kind === "sharepoint"
      ? new SharePointCheckpointLog(graph(), checkpointTarget.siteId, checkpointTarget.listId)
      : new FileCheckpointLog(checkpointTarget.path);
  const store =
    overrides.store ??
    (config.store.kind === "sharepoint"
      ? new SharePointAcknowledgementStore({
          client: graph(),
          siteId: config.store.siteId,
          listId: config.store.listId,
          key,
          checkpoints: checkpoints(),
          now,
        })
      : new SqliteAcknowledgementStore({ path: config.databasePath, key, checkpoints: checkpoints(), now }));

  const directory =
    overrides.directory ??
    (config.directory === "graph"
      ? new GraphDirectory(graph(), config.tenantId)
      : demoDirectory(config.tenantId, catalogue, devIssuer?.personas ?? []));

  const notifier =
    overrides.notifier ??
    (config.graph.clientId && !config.devSignIn ? new GraphActivityNotifier(graph()) : new RecordingNotifier());

  const verifyToken =
    overrides.verifyToken ??
    (devIssuer
      ? createTokenVerifier({
          keySet: createLocalJWKSet(devIssuer.jwks),
          issuer: DEV_ISSUER,
          audiences: config.audiences,
          tenantId: config.tenantId,
          requiredScope: config.requiredScope,
          allowedClients: config.allowedClients,
        })
      : createTokenVerifier({
          keySet: remoteKeySet(config.jwksUri),
          issuer: config.issuer,
          audiences: config.audiences,
          tenantId: config.tenantId,
          requiredScope: config.requiredScope,
          allowedClients: config.allowedClients,
        }));

  return { catalogue, store, directory, notifier, verifyToken, devIssuer, now, auditKey: overrides.auditKey ?? key };
}

/** Development personas: one per audience in the pack, plus an administrator. Synthetic people. */
export function devPersonas(tenantId: string, catalogue: PolicyCatalogue): DevPersona[] {
  const names: Record<string, string> = {
    staff: "Robin Staffwell",
    governors: "Gail Governor",
    visitors: "Vic Visitor",
    contractors: "Cass Contractor",
  };
  const personas: DevPersona[] = catalogue.audiences.map((rule) => {
    const displayName = names[rule.audience] ?? `Dev ${rule.audience}`;
    return {
      id: rule.audience,
      tid: tenantId,
      oid: seededUuid(`dev-persona/${rule.audience}`),
      upn: `${displayName.toLowerCase().replace(/\s+/g, ".")}@dev.invalid`,
      displayName,
      audienceLabel: rule.audience,
      isAdmin: false,
    };
  });
  personas.push({
    id: "admin",
    tid: tenantId,
    oid: seededUuid("dev-persona/admin"),
    upn: "ada.admin@dev.invalid",
    displayName: "Ada Admin",
    audienceLabel: `staff, ${ADMIN_ROLE}`,
    isAdmin: true,
  });
  return personas;
}

function demoDirectory(tenantId: string, catalogue: PolicyCatalogue, personas: readonly DevPersona[]): DemoDirectory {
  const sizes: Record<string, number> = { staff: 24, governors: 6, visitors: 4, contractors: 3 };
  const staffGroup = catalogue.audiences.find((rule) => rule.audience === "staff")?.group.name;
  return new DemoDirectory({
    tenantId,
    mailDomain: "school.invalid",
    groups: Object.fromEntries(catalogue.audiences.map((rule) => [rule.group.name, sizes[rule.audience] ?? 3])),
    extraMembers: personas.map((persona) => {
      const own = catalogue.audiences.find((rule) => rule.audience === persona.id)?.group.name;
      const groups = own ? [own] : persona.isAdmin && staffGroup ? [staffGroup] : [];
      return { person: persona, groups };
    }),
  });
}
