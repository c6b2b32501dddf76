import { ClientCertificateCredential, ClientSecretCredential, type TokenCredential } from "@azure/identity";
import type { AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js";

/**
 * App-only sign-in for the sweep: a certificate (preferred) or a client secret read from the
 * AZURE_CLIENT_SECRET environment variable (never a flag: flags end up in shell history and process
 * lists), or a token obtained elsewhere (--access-token / GRAPH_ACCESS_TOKEN). The SDK's
 * TokenCredentialAuthenticationProvider asks @azure/identity, which caches and refreshes tokens.
 */
export interface SignInOptions {
  readonly graphUrl: string;
  readonly tenantId?: string | undefined;
  readonly clientId?: string | undefined;
  readonly certificatePath?: string | undefined;
  readonly accessToken?: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export class SignInError extends Error {
  override readonly name = "SignInError";
}

/** A token from elsewhere, as an SDK authentication provider. */
export class StaticTokenProvider implements AuthenticationProvider {
  constructor(private readonly token: string) {}
  getAccessToken(): Promise<string> {
    return Promise.resolve(this.token);
  }
}

export function authProviderFor(options: SignInOptions): AuthenticationProvider {
  const env = options.env ?? process.env;
  const staticToken = options.accessToken ?? env.GRAPH_ACCESS_TOKEN;
  if (staticToken) return new StaticTokenProvider(staticToken);
  if (!options.tenantId || !options.clientId) {
    throw new SignInError(
      "Give --tenant-id and --client-id with --certificate-path (or AZURE_CLIENT_SECRET in the environment), or --access-token.",
    );
  }
  let credential: TokenCredential;
  if (options.certificatePath) {
    credential = new ClientCertificateCredential(options.tenantId, options.clientId, options.certificatePath);
  } else if (env.AZURE_CLIENT_SECRET) {
    credential = new ClientSecretCredential(options.tenantId, options.clientId, env.AZURE_CLIENT_SECRET);
  } else {
    throw new SignInError("Give --certificate-path (preferred) or set AZURE_CLIENT_SECRET in the environment.");
  }
  // App-only tokens use the resource's /.default scope: the permissions granted to the app.
  return new TokenCredentialAuthenticationProvider(credential, {
    scopes: [`${new URL(options.graphUrl).origin}/.default`],
  });
}
