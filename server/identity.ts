import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
  type TokenCredential,
} from "@azure/identity";

/** How the service signs in to Microsoft Graph (app-only). Exactly one is configured. */
export type CredentialKind = "certificate" | "managed-identity" | "workload-identity" | "secret";

export interface GraphCredential {
  readonly kind: CredentialKind;
  /** The app (or user-assigned identity) whose Graph permissions the tokens carry; not a secret. */
  readonly clientId: string | undefined;
  readonly credential: TokenCredential;
}

export class CredentialConfigError extends Error {
  override readonly name = "CredentialConfigError";
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The one code path for the service's Graph tokens, all through @azure/identity (which caches and
 * refreshes them):
 * - `GRAPH_CLIENT_CERTIFICATE_PATH` (a PEM holding the certificate and its private key; preferred), or
 *   `GRAPH_CLIENT_CERTIFICATE` (the same PEM as text: an App Service Key Vault reference), with
 *   `GRAPH_CLIENT_CERTIFICATE_PASSWORD` when the key is encrypted;
 * - `GRAPH_MANAGED_IDENTITY=system` or `=<client id of a user-assigned identity>` on Azure App Service
 *   (no secret at all; Graph application permissions are granted to the identity's service principal);
 * - `AZURE_FEDERATED_TOKEN_FILE` (workload identity in Kubernetes, set by the platform);
 * - `GRAPH_CLIENT_SECRET`, read from the environment only.
 * Two configured at once is refused: the service would otherwise depend on which one won.
 */
export function graphCredential(tenantId: string, env: Env): GraphCredential | undefined {
  const clientId = env.GRAPH_CLIENT_ID || env.AZURE_CLIENT_ID || undefined;
  const configured: CredentialKind[] = [];
  if (env.GRAPH_CLIENT_CERTIFICATE_PATH || env.GRAPH_CLIENT_CERTIFICATE) configured.push("certificate");
  if (env.GRAPH_MANAGED_IDENTITY) configured.push("managed-identity");
  if (env.AZURE_FEDERATED_TOKEN_FILE) configured.push("workload-identity");
  if (env.GRAPH_CLIENT_SECRET) configured.push("secret");
  if (configured.length === 0) return undefined;
  if (configured.length > 1) {
    throw new CredentialConfigError(
      `Configure one Graph credential, not ${configured.join(" and ")}: unset the others ` +
        "(GRAPH_CLIENT_CERTIFICATE_PATH or GRAPH_CLIENT_CERTIFICATE, GRAPH_MANAGED_IDENTITY, AZURE_FEDERATED_TOKEN_FILE, " +
        "GRAPH_CLIENT_SECRET).",
    );
  }
  const kind = configured[0] ?? "secret";
  if (kind === "managed-identity") {
    const which = env.GRAPH_MANAGED_IDENTITY ?? "system";
    const credential =
      which === "system" ? new ManagedIdentityCredential() : new ManagedIdentityCredential({ clientId: which });
    return { kind, clientId: which === "system" ? undefined : which, credential };
  }
  if (!clientId) throw new CredentialConfigError(`GRAPH_CLIENT_ID is required with the ${kind} credential.`);
  switch (kind) {
    case "certificate": {
      const password = env.GRAPH_CLIENT_CERTIFICATE_PASSWORD
        ? { certificatePassword: env.GRAPH_CLIENT_CERTIFICATE_PASSWORD }
        : {};
      const credential = env.GRAPH_CLIENT_CERTIFICATE_PATH
        ? new ClientCertificateCredential(tenantId, clientId, {
            certificatePath: env.GRAPH_CLIENT_CERTIFICATE_PATH,
            ...password,
          })
        : new ClientCertificateCredential(tenantId, clientId, {
            certificate: env.GRAPH_CLIENT_CERTIFICATE ?? "",
            ...password,
          });
      return { kind, clientId, credential };
    }
    case "workload-identity":
      return {
        kind,
        clientId,
        credential: new WorkloadIdentityCredential({
          tenantId,
          clientId,
          tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE ?? "",
        }),
      };
    default:
      return {
        kind,
        clientId,
        credential: new ClientSecretCredential(tenantId, clientId, env.GRAPH_CLIENT_SECRET ?? ""),
      };
  }
}
