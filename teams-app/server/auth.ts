import { constants, KeyObject, verify as verifySignature } from "node:crypto";
import { createRemoteJWKSet, decodeProtectedHeader, errors, type JWTPayload, type JWTVerifyGetKey } from "jose";

/**
 * Who is calling, taken from a validated access token only. Every identity here is a person
 * signed in through a client we trust (a delegated token); app-only tokens never become one.
 */
export interface Identity {
  readonly tid: string;
  readonly oid: string;
  readonly upn: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly isAdmin: boolean;
  /** The client the person signed in through (`azp`, or `appid` in v1.0 tokens). */
  readonly clientId: string;
  readonly scopes: readonly string[];
}

export const ADMIN_ROLE = "PolicyAdmin";

/**
 * Microsoft's first-party clients that obtain a token for the tab's API on the person's behalf
 * (Teams SSO through `authentication.getAuthToken`), as Microsoft's Teams SSO registration steps
 * list them ("Authorized client applications"; checked against Microsoft Learn's
 * tab-sso-register-aad page and OfficeDev/Microsoft-Teams-Samples). With nested app auth the
 * token's `azp` is the tab's own client id (TAB_CLIENT_ID), which the configuration adds.
 */
export const MICROSOFT_HOST_CLIENTS: Readonly<Record<string, string>> = {
  "1fec8e78-bce4-4aaf-ab1b-5451cc387264": "Teams desktop and mobile",
  "5e3ce6c0-2b1f-4285-8d4b-75ee78787346": "Teams web",
  "4765445b-32c6-49b0-83e6-1d93765276ca": "Microsoft 365 web",
  "0ec893e0-5785-4de6-99da-4ed124e5296c": "Microsoft 365 desktop",
  "d3590ed6-52b3-4102-aeff-aad2292ab01c": "Microsoft 365 mobile and Outlook desktop",
  "bc59ab01-8403-45c6-8796-ac3ef710b3e3": "Outlook web",
  "27922004-5251-4030-b22d-91ecd9a37ea4": "Outlook mobile",
};

export class AuthError extends Error {
  override readonly name = "AuthError";
  constructor(
    message: string,
    readonly status: 401 | 403,
  ) {
    super(message);
  }
}

export interface TokenVerifierOptions {
  readonly keySet: JWTVerifyGetKey;
  readonly issuer: string;
  /** The API's client id and/or Application ID URI: Entra puts one of them in `aud`. */
  readonly audiences: readonly string[];
  readonly tenantId: string;
  /** The delegated scope the API exposes (`access_as_user`): `scp` must contain it. */
  readonly requiredScope: string;
  /** Clients a person may call through (`azp` / `appid`): the tab and Microsoft's hosts. */
  readonly allowedClients: readonly string[];
  readonly clockToleranceSeconds?: number;
  /** Validated tokens kept (until they expire) so a tab's several calls verify once. */
  readonly cacheSize?: number;
  readonly now?: () => number;
}

export function entraJwksUri(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;
}

export function entraIssuer(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/v2.0`;
}

export function remoteKeySet(uri: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(uri), { timeoutDuration: 5000, cooldownDuration: 30_000 });
}

export type TokenVerifier = (authorization: string | undefined) => Promise<Identity>;

const BEARER = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/;

/**
 * Validates an Entra v2.0 access token and the kind of caller it is for.
 *
 * Signature: RS256 only (the header's `alg` must say so; `none` and HMAC never reach a key),
 * RSA keys of at least 2048 bits from the tenant's key set (jose fetches and caches the JWKS),
 * verified with node:crypto synchronously — about 30 µs, against 0.2 ms through WebCrypto, which
 * is most of what an acknowledgement costs (see the README's figures). Then, by hand and in
 * full: `iss` exactly, `aud` one of ours, `exp` and `iat` present, `nbf` if present (60 s skew),
 * `tid` our tenant, `oid` present.
 *
 * Caller kind (403 when the token is genuine but for the wrong kind of caller): `idtyp` absent or
 * `user` (app-only tokens carry `idtyp: app` when the optional claim is on, and never `scp`);
 * `scp` contains the API's scope; `azp` (v2.0) or `appid` (v1.0) is one of the allowed clients.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const tolerance = options.clockToleranceSeconds ?? 60;
  const now = options.now ?? (() => Date.now());
  const allowedClients = new Set(options.allowedClients.map((client) => client.toLowerCase()));
  const audiences = new Set(options.audiences);
  const keyObjects = new WeakMap<object, KeyObject>();
  const cacheSize = options.cacheSize ?? 10_000;
  const cache = new Map<string, { identity: Identity; exp: number }>();

  // Resolved keys by kid, for five minutes (jose keeps the key set itself for ten): resolving
  // through jose costs more than the signature check. An unknown kid always goes to jose, which
  // refetches the tenant's key set (key rotation).
  const byKid = new Map<string, { key: KeyObject; until: number }>();
  const keyFor = async (header: Record<string, unknown>, token: string): Promise<KeyObject> => {
    const kid = typeof header["kid"] === "string" ? header["kid"] : undefined;
    const hit = kid === undefined ? undefined : byKid.get(kid);
    if (hit && hit.until > now()) return hit.key;
    const resolved = await resolveKey(header, token);
    if (kid !== undefined) byKid.set(kid, { key: resolved, until: now() + 300_000 });
    return resolved;
  };
  const resolveKey = async (header: Record<string, unknown>, token: string): Promise<KeyObject> => {
    let key: unknown;
    try {
      key = await options.keySet(
        header as Parameters<JWTVerifyGetKey>[0],
        { payload: token, signature: "" } as unknown as Parameters<JWTVerifyGetKey>[1],
      );
    } catch (error) {
      throw new AuthError(describeJoseError(error), 401);
    }
    if (key instanceof KeyObject) return key;
    if (typeof key !== "object" || key === null || !("type" in key) || !("algorithm" in key))
      throw new AuthError("The token was not signed by a key of this tenant.", 401);
    let object = keyObjects.get(key);
    if (!object) {
      object = KeyObject.from(key as Parameters<typeof KeyObject.from>[0]);
      keyObjects.set(key, object);
    }
    return object;
  };

  return async (authorization) => {
    const match = BEARER.exec(authorization ?? "");
    if (!match) throw new AuthError("A bearer access token is required.", 401);
    const [token, encodedHeader, encodedPayload, encodedSignature] = [
      `${match[1]}.${match[2]}.${match[3]}`,
      match[1] ?? "",
      match[2] ?? "",
      match[3] ?? "",
    ];
    const cached = cache.get(token);
    if (cached) {
      if (cached.exp + tolerance > now() / 1000) return cached.identity;
      cache.delete(token);
    }

    let header: Record<string, unknown>;
    try {
      header = decodeProtectedHeader(token) as Record<string, unknown>;
    } catch {
      throw new AuthError("The token is not valid.", 401);
    }
    if (header["alg"] !== "RS256") throw new AuthError("The token's signing algorithm is not accepted.", 401);
    if ("crit" in header || "b64" in header) throw new AuthError("The token is not valid.", 401);
    const key = await keyFor(header, token);
    if (key.asymmetricKeyType !== "rsa" || (key.asymmetricKeyDetails?.modulusLength ?? 0) < 2048)
      throw new AuthError("The token was not signed by a key of this tenant.", 401);
    const signed = verifySignature(
      "sha256",
      Buffer.from(`${encodedHeader}.${encodedPayload}`),
      { key, padding: constants.RSA_PKCS1_PADDING },
      Buffer.from(encodedSignature, "base64url"),
    );
    if (!signed) throw new AuthError("The token's signature is not valid.", 401);

    let payload: JWTPayload;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(encodedPayload, "base64url").toString("utf8"));
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      payload = parsed as JWTPayload;
    } catch {
      throw new AuthError("The token is not valid.", 401);
    }
    const seconds = now() / 1000;
    if (payload.iss !== options.issuer) throw new AuthError("The token's iss claim is not valid.", 401);
    const aud = payload.aud;
    const audList = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
    if (!audList.some((value) => typeof value === "string" && audiences.has(value)))
      throw new AuthError("The token's aud claim is not valid.", 401);
    if (typeof payload.exp !== "number") throw new AuthError("The token's exp claim is not valid.", 401);
    if (payload.exp + tolerance <= seconds) throw new AuthError("The token has expired.", 401);
    if (typeof payload.iat !== "number") throw new AuthError("The token's iat claim is not valid.", 401);
    if (payload.nbf !== undefined && (typeof payload.nbf !== "number" || payload.nbf - tolerance > seconds))
      throw new AuthError("The token's nbf claim is not valid.", 401);

    const tid = stringClaim(payload, "tid");
    const oid = stringClaim(payload, "oid");
    if (tid !== options.tenantId) throw new AuthError("The token was issued for another tenant.", 401);

    // The kind of caller: a person, through one of our clients, with our scope.
    const idtyp = stringClaim(payload, "idtyp");
    const scp = stringClaim(payload, "scp");
    if ((idtyp !== undefined && idtyp !== "user") || (scp === undefined && Array.isArray(payload["roles"])))
      throw new AuthError("App-only tokens are not accepted: sign in as a person.", 403);
    if (!oid) throw new AuthError("The token has no object id (oid): only user tokens are accepted.", 401);
    const scopes = (scp ?? "").split(" ").filter(Boolean);
    if (!scopes.includes(options.requiredScope))
      throw new AuthError(`The token was not issued for this API's ${options.requiredScope} scope.`, 403);
    const clientId = stringClaim(payload, "azp") ?? stringClaim(payload, "appid") ?? "";
    if (!allowedClients.has(clientId.toLowerCase()))
      throw new AuthError("The token was issued to a client this API does not accept.", 403);

    const roles = Array.isArray(payload["roles"])
      ? payload["roles"].filter((role): role is string => typeof role === "string")
      : [];
    const upn = stringClaim(payload, "preferred_username") ?? stringClaim(payload, "upn") ?? "";
    const identity: Identity = {
      tid,
      oid,
      upn,
      displayName: stringClaim(payload, "name") ?? upn,
      roles,
      isAdmin: roles.includes(ADMIN_ROLE),
      clientId,
      scopes,
    };
    if (cacheSize > 0) {
      if (cache.size >= cacheSize) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(token, { identity, exp: payload.exp });
    }
    return identity;
  };
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWKSNoMatchingKey) return "The token was not signed by a key of this tenant.";
  if (error instanceof errors.JWKSMultipleMatchingKeys) return "The token was not signed by a key of this tenant.";
  if (error instanceof errors.JWKSTimeout) return "The tenant's signing keys could not be fetched in time.";
  return "The token is not valid.";
}
