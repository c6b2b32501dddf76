import { existsSync } from "node:fs";
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  type AccessToken,
  type GetTokenOptions,
  type TokenCredential,
} from "@azure/identity";
import type { AuthenticationProvider } from "@microsoft/microsoft-graph-client";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials/index.js";

/**
 * App-only sign-in for the sweep, as Microsoft documents it for the Graph JavaScript SDK: an
 * @azure/identity credential (a certificate, preferred, or a client secret read from the
 * AZURE_CLIENT_SECRET environment variable — never a flag: flags end up in shell history and
 * process lists) inside the SDK's TokenCredentialAuthenticationProvider with the `/.default` scope.
 * Or a token obtained elsewhere (--access-token / GRAPH_ACCESS_TOKEN).
 */
export interface SignInOptions {
  readonly graphUrl: string;
  readonly tenantId?: string | undefined;
  readonly clientId?: string | undefined;
  readonly certificatePath?: string | undefined;
  readonly accessToken?: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface SignIn {
  readonly authProvider: AuthenticationProvider;
  /** Drops the cached token so the next request signs in afresh (after a 401). */
  readonly renew: () => void;
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

/**
 * A TokenCredential that can be renewed: @azure/identity caches a token until shortly before it
 * expires, so after a 401 (a token revoked or invalidated early) a fresh credential instance, with
 * an empty cache, is the way to sign in again.
 */
export class RenewableCredential implements TokenCredential {
  private inner: TokenCredential;
  renewals = 0;
  constructor(private readonly create: () => TokenCredential) {
    this.inner = create();
  }
  getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
    return this.inner.getToken(scopes, options);
  }
  renew(): void {
    this.renewals++;
    this.inner = this.create();
  }
}

export function providerForCredential(credential: RenewableCredential, graphUrl: string): SignIn {
  // App-only tokens use the resource's /.default scope: the permissions granted to the app.
  const authProvider = new TokenCredentialAuthenticationProvider(credential, {
    scopes: [`${new URL(graphUrl).origin}/.default`],
  });
  return { authProvider, renew: () => credential.renew() };
}

export function signIn(options: SignInOptions): SignIn {
  const env = options.env ?? process.env;
  const staticToken = options.accessToken ?? env.GRAPH_ACCESS_TOKEN;
  if (staticToken) return { authProvider: new StaticTokenProvider(staticToken), renew: () => undefined };
  const { tenantId, clientId, certificatePath } = options;
  if (!tenantId || !clientId) {
    throw new SignInError(
      "Give --tenant-id and --client-id with --certificate-path (or AZURE_CLIENT_SECRET in the environment), or --access-token; or try --demo for a synthetic school.",
    );
  }
  const secret = env.AZURE_CLIENT_SECRET;
  let create: () => TokenCredential;
  // Checked now, not at the first Graph call (an IT admin's trial: "GET /users…: -1 ENOENT" and a checkpoint).
  if (certificatePath && !existsSync(certificatePath))
    throw new SignInError(
      `--certificate-path ${certificatePath}: no such file (the .pem with the key and certificate).`,
    );
  if (certificatePath) create = () => new ClientCertificateCredential(tenantId, clientId, certificatePath);
  else if (secret) create = () => new ClientSecretCredential(tenantId, clientId, secret);
  else throw new SignInError("Give --certificate-path (preferred) or set AZURE_CLIENT_SECRET in the environment.");
  return providerForCredential(new RenewableCredential(create), options.graphUrl);
}
