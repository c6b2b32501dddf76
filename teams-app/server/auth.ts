import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";

/** Who is calling, taken from a validated access token only. */
export interface Identity {
  readonly tid: string;
  readonly oid: string;
  readonly upn: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly isAdmin: boolean;
}

export const ADMIN_ROLE = "PolicyAdmin";

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
  readonly clockToleranceSeconds?: number;
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

/**
 * Validates an Entra v2.0 access token: RS256 signature against the tenant's key set, issuer,
 * audience, expiry and not-before (jose), then the tenant id and object id claims (here).
 * `alg: none` and HMAC tokens never reach a key: only RS256 is accepted.
 */
export function createTokenVerifier(
  options: TokenVerifierOptions,
): (authorization: string | undefined) => Promise<Identity> {
  return async (authorization) => {
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(authorization ?? "");
    if (!match) throw new AuthError("A bearer access token is required.", 401);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1] ?? "", options.keySet, {
        algorithms: ["RS256"],
        issuer: options.issuer,
        audience: [...options.audiences],
        clockTolerance: options.clockToleranceSeconds ?? 60,
        requiredClaims: ["exp", "iat"],
      }));
    } catch (error) {
      throw new AuthError(describeJoseError(error), 401);
    }
    const tid = stringClaim(payload, "tid");
    const oid = stringClaim(payload, "oid");
    if (tid !== options.tenantId) throw new AuthError("The token was issued for another tenant.", 401);
    if (!oid) throw new AuthError("The token has no object id (oid): only user tokens are accepted.", 401);
    const roles = Array.isArray(payload["roles"])
      ? payload["roles"].filter((role): role is string => typeof role === "string")
      : [];
    const upn = stringClaim(payload, "preferred_username") ?? stringClaim(payload, "upn") ?? "";
    return {
      tid,
      oid,
      upn,
      displayName: stringClaim(payload, "name") ?? upn,
      roles,
      isAdmin: roles.includes(ADMIN_ROLE),
    };
  };
}

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === "string" && value.length > 0 ? value : undefined;
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "The token has expired.";
  if (error instanceof errors.JWTClaimValidationFailed) return `The token's ${error.claim} claim is not valid.`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return "The token's signature is not valid.";
  if (error instanceof errors.JOSEAlgNotAllowed) return "The token's signing algorithm is not accepted.";
  if (error instanceof errors.JWKSNoMatchingKey) return "The token was not signed by a key of this tenant.";
  if (error instanceof errors.JWKSTimeout) return "The tenant's signing keys could not be fetched in time.";
  return "The token is not valid.";
}
