import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { join } from "node:path";

/** The app registration the test builds are made for (invented; no tenant behind it). */
export const CLIENT_ID = "6a1f1d2e-1111-4222-8333-444455556666";
export const TENANT_ID = "6a1f1d2e-aaaa-4222-8333-444455556666";
export const PUBLIC_HOST = "policyguard.test-school.example";

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Production settings for `npm run serve`, as docs/deploy.md lists them, on a loopback port. */
export function productionEnv(distDir: string, dataDir: string, port: number): Record<string, string> {
  return {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DIST_DIR: distDir,
    TENANT_ID,
    API_AUDIENCE: `${CLIENT_ID},api://${PUBLIC_HOST}/${CLIENT_ID}`,
    POLICY_PACK: "st-john-payne",
    DATABASE_PATH: join(dataDir, "acknowledgements.db"),
    GRAPH_CLIENT_ID: CLIENT_ID,
    GRAPH_CLIENT_SECRET: "placeholder-no-tenant-behind-it",
    AUDIT_HMAC_KEY: randomBytes(32).toString("base64"),
    AUDIT_CHECKPOINT_FILE: join(dataDir, "checkpoints.jsonl"),
    ALLOWED_HOSTS: `${PUBLIC_HOST},127.0.0.1:${port}`,
  };
}
