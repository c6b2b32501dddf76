import { ClientCertificateCredential, ClientSecretCredential, type TokenCredential } from "@azure/identity";

/**
 * App-only sign-in for a real tenant: a certificate (preferred) or a client secret read from the
 * AZURE_CLIENT_SECRET environment variable (never a flag, so it stays out of shell history), or a
 * token obtained elsewhere. Returns the token function the Graph client calls per request; the
 * credential caches and refreshes tokens itself.
 */
export interface SignInOptions {
  readonly tenantId?: string;
  readonly clientId?: string;
  readonly certificatePath?: string;
  readonly accessToken?: string;
  readonly graphUrl: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export function tokenProvider(options: SignInOptions): () => Promise<string> {
  const env = options.env ?? process.env;
  const staticToken = options.accessToken ?? env.GRAPH_ACCESS_TOKEN;
  if (staticToken) return () => Promise.resolve(staticToken);
  if (!options.tenantId || !options.clientId) {
    throw new Error(
      "Give --tenant-id and --client-id with --certificate-path (or AZURE_CLIENT_SECRET), or --access-token.",
    );
  }
  let credential: TokenCredential;
  if (options.certificatePath) {
    credential = new ClientCertificateCredential(options.tenantId, options.clientId, options.certificatePath);
  } else if (env.AZURE_CLIENT_SECRET) {
    credential = new ClientSecretCredential(options.tenantId, options.clientId, env.AZURE_CLIENT_SECRET);
  } else {
    throw new Error("Give --certificate-path (preferred) or set AZURE_CLIENT_SECRET in the environment.");
  }
  const scope = `${new URL(options.graphUrl).origin}/.default`;
  return async () => {
    const token = await credential.getToken(scope);
    if (!token) throw new Error("Microsoft Entra ID returned no token for Microsoft Graph.");
    return token.token;
  };
}
