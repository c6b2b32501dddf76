import {
  createNestablePublicClientApplication,
  InteractionRequiredAuthError,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import { authentication, nestedAppAuth } from "@microsoft/teams-js";
import type { HostInfo } from "./host.js";

/** What the server tells the tab about signing in (GET /api/config). */
export interface ServerConfig {
  readonly schoolName: string;
  readonly tenantId: string;
  readonly apiScope: string;
  readonly tabClientId: string | null;
  readonly devSignIn: boolean;
}

export type TokenSource = () => Promise<string>;

export class SignInError extends Error {
  override readonly name = "SignInError";
}

/**
 * Sign-in inside a Microsoft 365 host: nested app authentication through MSAL when the host
 * supports it (silent first, a popup only when interaction is required), otherwise the Teams SSO
 * token. The MSAL client is created only after app.initialize() has resolved (the caller
 * guarantees it by passing an initialised HostInfo).
 */
export async function hostTokenSource(host: HostInfo, config: ServerConfig): Promise<TokenSource> {
  if (!host.inHost) throw new SignInError("Not running inside Teams, Outlook or the Microsoft 365 app.");
  const scopes = [config.apiScope];
  if (config.tabClientId && nestedAppAuth.isNAAChannelRecommended()) {
    const pca: IPublicClientApplication = await createNestablePublicClientApplication({
      auth: { clientId: config.tabClientId, authority: `https://login.microsoftonline.com/${config.tenantId}` },
    });
    const loginHint = host.context?.user?.loginHint;
    return async () => {
      const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;
      const request = { scopes, ...(account ? { account } : {}), ...(loginHint ? { loginHint } : {}) };
      try {
        return (await pca.acquireTokenSilent(request)).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        return (await pca.acquireTokenPopup(request)).accessToken;
      }
    };
  }
  // Hosts without nested app auth: the Teams SSO token for the app's own API (webApplicationInfo).
  return () => authentication.getAuthToken();
}

export interface DevPersona {
  readonly id: string;
  readonly displayName: string;
  readonly audienceLabel: string;
  readonly isAdmin: boolean;
}

export async function devPersonas(): Promise<DevPersona[]> {
  const response = await fetch("/dev/personas");
  if (!response.ok) throw new SignInError("The development sign-in is not enabled on this server.");
  return ((await response.json()) as { personas: DevPersona[] }).personas;
}

/** Development only: the server mints a token signed by its local dev key. */
export function devTokenSource(personaId: string): TokenSource {
  let cached: { token: string; expires: number } | undefined;
  return async () => {
    if (cached && cached.expires > Date.now()) return cached.token;
    const response = await fetch("/dev/token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ personaId }),
    });
    if (!response.ok) throw new SignInError("The development sign-in refused this persona.");
    const token = ((await response.json()) as { accessToken: string }).accessToken;
    cached = { token, expires: Date.now() + 50 * 60_000 };
    return token;
  };
}
