import { generateKeyPairSync } from "node:crypto";
import { SignJWT, type JWK } from "jose";
import { ADMIN_ROLE } from "./auth.js";
import type { Person } from "./directory/types.js";

/**
 * Development sign-in: a local RS256 key pair whose public half is served as a JWKS by the dev
 * server, so dev tokens pass through exactly the same jose validation as Entra tokens.
 * Only ever constructed when DEV_SIGN_IN=1, NODE_ENV is development or test, the server is bound
 * to loopback and no real tenant is configured (see config.ts).
 */
export const DEV_ISSUER = "urn:school-policy-guard:dev-sign-in";

export interface DevPersona extends Person {
  readonly id: string;
  readonly audienceLabel: string;
  readonly isAdmin: boolean;
}

export interface DevTokenIssuer {
  readonly jwks: { keys: JWK[] };
  readonly personas: readonly DevPersona[];
  mint(personaId: string): Promise<string | undefined>;
}

export function createDevTokenIssuer(options: {
  tenantId: string;
  audience: string;
  personas: readonly DevPersona[];
  /** The `azp` of development tokens and the scope they carry, as the tab's tokens would. */
  clientId: string;
  scope: string;
}): DevTokenIssuer {
  // A fresh key pair per process: dev tokens never outlive the dev server that issued them.
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = `dev-${Date.now().toString(36)}`;
  const publicJwk: JWK = { ...(publicKey.export({ format: "jwk" }) as JWK), kid, alg: "RS256", use: "sig" };
  return {
    jwks: { keys: [publicJwk] },
    personas: options.personas,
    async mint(personaId) {
      const persona = options.personas.find((candidate) => candidate.id === personaId);
      if (!persona) return undefined;
      return new SignJWT({
        tid: options.tenantId,
        oid: persona.oid,
        preferred_username: persona.upn,
        name: persona.displayName,
        roles: persona.isAdmin ? [ADMIN_ROLE] : [],
        scp: options.scope,
        azp: options.clientId,
        idtyp: "user",
        ver: "2.0",
      })
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setIssuer(DEV_ISSUER)
        .setAudience(options.audience)
        .setSubject(persona.oid)
        .setIssuedAt()
        .setNotBefore("0s")
        .setExpirationTime("1h")
        .sign(privateKey);
    },
  };
}
