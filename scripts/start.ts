import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { homedir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { serve, type ServerType } from "@hono/node-server";
import { createApp } from "../teams-app/server/app.js";
import { readConfig } from "../teams-app/server/config.js";
import { createServices } from "../teams-app/server/services.js";
import { buildAll } from "./build.js";
import { createSite } from "./site.js";
import { playgroundHtml } from "./playground.js";

export interface PlaygroundOptions {
  readonly port: number;
  readonly https: boolean;
  readonly policy: string;
  readonly distDir?: string;
  readonly log?: (line: string) => void;
}

export interface Playground {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Development certificates from office-addin-dev-certs, if installed; never installed from here. */
function devCertificates(): { key: Buffer; cert: Buffer } | undefined {
  const dir = join(homedir(), ".office-addin-dev-certs");
  const key = join(dir, "localhost.key");
  const cert = join(dir, "localhost.crt");
  return existsSync(key) && existsSync(cert) ? { key: readFileSync(key), cert: readFileSync(cert) } : undefined;
}

/**
 * The demo sweep report, when the Graph surface is present. The playground still starts without it
 * (and says so), so one surface's absence never stops the others.
 */
async function demoSweep(outDir: string, log: (line: string) => void): Promise<unknown> {
  const specifier = "../graph/demo.js";
  try {
    const graph = (await import(specifier)) as { runDemoSweep(options: { outDir: string }): Promise<unknown> };
    return await graph.runDemoSweep({ outDir });
  } catch (error) {
    log(`Demo sweep unavailable: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * The main job on the embedded default: builds the add-in (with the demo school's pack), the tab,
 * the manifests and a demo sweep report, then serves them and the acknowledgement API (SQLite,
 * development sign-in) with a playground page that links every surface.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const log = options.log ?? console.log;
  const distDir = options.distDir ?? "dist";
  const started = Date.now();
  const certificates = options.https ? devCertificates() : undefined;
  const scheme = certificates ? "https" : "http";
  await buildAll({ distDir, policy: options.policy, host: `https://localhost:${options.port || 3000}` });
  const sweep = await demoSweep(`${distDir}/sweep-demo`, log);
  mkdirSync(`${distDir}/data`, { recursive: true });
  const databasePath = `${distDir}/data/playground.db`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(databasePath + suffix, { force: true });
  const config = readConfig({
    ...process.env,
    NODE_ENV: "development",
    DEV_SIGN_IN: "1",
    PORT: String(options.port),
    DATABASE_PATH: databasePath,
    POLICY_PACK: options.policy,
    STATIC_DIR: `${distDir}/teams-app`,
  });
  const services = createServices(config);
  const teamsApp = createApp(config, services);
  const site = createSite({ distDir, teamsApp, playgroundHtml: playgroundHtml({ policy: options.policy, sweep }) });
  const server: ServerType = await new Promise((resolve) => {
    const instance = serve(
      {
        fetch: site.fetch,
        port: options.port,
        hostname: "127.0.0.1",
        ...(certificates ? { createServer: createHttpsServer, serverOptions: certificates } : {}),
      },
      () => resolve(instance),
    );
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const url = `${scheme}://localhost:${port}`;
  log(`School Policy Guard playground is ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url}/`);
  log(`  Outlook compose window (real add-in, stand-in Office): ${url}/addin/harness.html`);
  log(`  Teams tab with development sign-in:                   ${url}/index.html`);
  log(`  Demo sweep report:                                    ${url}/sweep/report.html`);
  log(`  App package for Teams / Microsoft 365 admin centre:   ${url}/appPackage.zip`);
  log(`Try: type a pupil's date of birth or a sentence in CAPITALS, add five parents to To, press Send.`);
  if (!certificates && options.https) {
    log(
      "Plain HTTP: run `npx office-addin-dev-certs install` once to serve over HTTPS (needed to sideload in Outlook).",
    );
  }
  log("Ctrl-C stops everything.");
  return {
    url,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.store.close();
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.PORT ?? "3000" },
      "no-https": { type: "boolean", default: false },
      policy: { type: "string", default: "st-john-payne" },
    },
  });
  try {
    const playground = await startPlayground({
      port: Number(values.port),
      https: !values["no-https"],
      policy: values.policy ?? "st-john-payne",
    });
    const stop = () => {
      void playground.close().finally(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
