import { createServices, type Services } from "../teams-app/server/services.js";
import type { AppConfig } from "../teams-app/server/config.js";
import { GraphDirectory } from "../teams-app/server/directory/graph.js";
import { createGraphClient } from "../teams-app/server/graph-client.js";
import { GraphActivityNotifier } from "../teams-app/server/notifier.js";
import { CredentialConfigError, type GraphCredential } from "./identity.js";

/**
 * The acknowledgement API's services for the school's service: the directory and the reminders use
 * one Graph client signed in with the configured credential (certificate, managed or workload
 * identity, or secret). The SharePoint store is still built by teams-app, which signs in with
 * GRAPH_CLIENT_SECRET only, so that store is refused with any other credential until teams-app takes
 * a credential (see docs/deploy.md, "Where the evidence lives").
 */
export function serviceServices(config: AppConfig, credential: GraphCredential | undefined): Services {
  if (!credential) return createServices(config);
  if (config.store.kind === "sharepoint" && credential.kind !== "secret") {
    throw new CredentialConfigError(
      `STORE=sharepoint signs in with GRAPH_CLIENT_SECRET only for now; the ${credential.kind} credential ` +
        "works with the SQLite store.",
    );
  }
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
  return createServices(config, {
    directory: new GraphDirectory(client, config.tenantId),
    notifier: new GraphActivityNotifier(client),
  });
}
