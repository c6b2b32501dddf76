import { createServices, type Services } from "../teams-app/server/services.js";
import type { AppConfig } from "../teams-app/server/config.js";
import { GraphDirectory } from "../teams-app/server/directory/graph.js";
import { createGraphClient } from "../teams-app/server/graph-client.js";
import { GraphActivityNotifier } from "../teams-app/server/notifier.js";
import { FileCheckpointLog, SharePointCheckpointLog } from "../teams-app/server/store/checkpoint.js";
import { AuditKey } from "../teams-app/server/store/record.js";
import { SharePointAcknowledgementStore } from "../teams-app/server/store/sharepoint.js";
import { SqliteAcknowledgementStore } from "../teams-app/server/store/sqlite.js";
import type { GraphCredential } from "./identity.js";

/**
 * The acknowledgement API's services for the school's service: every Graph-backed piece — the
 * directory, the reminders, the SharePoint store and the SharePoint checkpoint list — uses one Graph
 * client signed in with the configured credential (certificate, managed or workload identity, or
 * secret). The stores are built here, as teams-app builds them, so none of them falls back to
 * teams-app's own secret-only Graph sign-in.
 */
export function serviceServices(config: AppConfig, credential: GraphCredential | undefined): Services {
  if (!credential) return createServices(config);
  const scope = `${new URL(config.graph.baseUrl).origin}/.default`;
  const client = createGraphClient({
    baseUrl: config.graph.baseUrl,
    authProvider: {
      getAccessToken: async () => {
        const token = await credential.credential.getToken(scope);
        if (!token) throw new Error(`No Graph token from the ${credential.kind} credential.`);
        return token.token;
      },
    },
  });
  const now = () => new Date();
  const key = new AuditKey(config.audit.key);
  const target = config.audit.checkpoint;
  const checkpoints =
    target.kind === "sharepoint"
      ? new SharePointCheckpointLog(client, target.siteId, target.listId)
      : new FileCheckpointLog(target.path);
  const store =
    config.store.kind === "sharepoint"
      ? new SharePointAcknowledgementStore({
          client,
          siteId: config.store.siteId,
          listId: config.store.listId,
          key,
          checkpoints,
          now,
        })
      : new SqliteAcknowledgementStore({ path: config.databasePath, key, checkpoints, now });
  return createServices(config, {
    now,
    auditKey: key,
    store,
    directory: new GraphDirectory(client, config.tenantId),
    notifier: new GraphActivityNotifier(client),
  });
}
