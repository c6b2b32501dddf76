import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from "@azure/identity";
import { describe, expect, it } from "vitest";
import { CredentialConfigError, graphCredential } from "../../server/identity.js";

const TENANT = "6a1f1d2e-aaaa-4222-8333-444455556666";
const CLIENT = "6a1f1d2e-1111-4222-8333-444455556666";
const PEM =
  "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";

describe("the service's one Graph credential", () => {
  it.each([
    [
      "a certificate file",
      { GRAPH_CLIENT_CERTIFICATE_PATH: "/secure/policyguard.pem" },
      "certificate",
      ClientCertificateCredential,
    ],
    ["a certificate from Key Vault", { GRAPH_CLIENT_CERTIFICATE: PEM }, "certificate", ClientCertificateCredential],
    [
      "the system-assigned managed identity",
      { GRAPH_MANAGED_IDENTITY: "system" },
      "managed-identity",
      ManagedIdentityCredential,
    ],
    [
      "a user-assigned managed identity",
      { GRAPH_MANAGED_IDENTITY: CLIENT },
      "managed-identity",
      ManagedIdentityCredential,
    ],
    [
      "workload identity",
      { AZURE_FEDERATED_TOKEN_FILE: "/var/run/secrets/azure/tokens/token" },
      "workload-identity",
      WorkloadIdentityCredential,
    ],
    ["a client secret", { GRAPH_CLIENT_SECRET: "s3cret" }, "secret", ClientSecretCredential],
  ] as const)("signs in with %s", (_name, env, kind, type) => {
    const credential = graphCredential(TENANT, { GRAPH_CLIENT_ID: CLIENT, ...env });
    expect(credential?.kind).toBe(kind);
    expect(credential?.credential).toBeInstanceOf(type);
  });

  it("has none when nothing is configured", () => {
    expect(graphCredential(TENANT, { GRAPH_CLIENT_ID: CLIENT })).toBeUndefined();
  });

  it("refuses two at once and a credential without its client id", () => {
    expect(() =>
      graphCredential(TENANT, { GRAPH_CLIENT_ID: CLIENT, GRAPH_CLIENT_SECRET: "s", GRAPH_CLIENT_CERTIFICATE: PEM }),
    ).toThrow(CredentialConfigError);
    expect(() => graphCredential(TENANT, { GRAPH_CLIENT_SECRET: "s" })).toThrow(/GRAPH_CLIENT_ID is required/);
  });
});
