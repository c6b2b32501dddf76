import { describe, expect, it } from "vitest";
import { tokenProvider } from "../credentials.js";

describe("tokenProvider", () => {
  it("uses a token obtained elsewhere as it is", async () => {
    const get = tokenProvider({ graphUrl: "https://graph.microsoft.com", accessToken: "abc", env: {} });
    expect(await get()).toBe("abc");
  });
  it("reads GRAPH_ACCESS_TOKEN from the environment", async () => {
    const get = tokenProvider({ graphUrl: "https://graph.microsoft.com", env: { GRAPH_ACCESS_TOKEN: "from-env" } });
    expect(await get()).toBe("from-env");
  });
  it("asks for the tenant and client ids without a token", () => {
    expect(() => tokenProvider({ graphUrl: "https://graph.microsoft.com", env: {} })).toThrow(/--tenant-id/);
  });
  it("never takes a secret from a flag: without a certificate it needs AZURE_CLIENT_SECRET", () => {
    expect(() =>
      tokenProvider({ graphUrl: "https://graph.microsoft.com", tenantId: "t", clientId: "c", env: {} }),
    ).toThrow(/AZURE_CLIENT_SECRET/);
  });
  it("builds a secret credential from the environment without calling Entra until a token is needed", () => {
    const get = tokenProvider({
      graphUrl: "https://graph.microsoft.com",
      tenantId: "00000000-0000-0000-0000-000000000001",
      clientId: "00000000-0000-0000-0000-000000000002",
      env: { AZURE_CLIENT_SECRET: "s" },
    });
    expect(typeof get).toBe("function");
  });
});
