import { serve, type ServerType } from "@hono/node-server";
import { loadPolicy } from "../policy/pack/load.js";
import { createApp } from "../teams-app/server/app.js";
import { ConfigError } from "../teams-app/server/config.js";
import type { Services } from "../teams-app/server/services.js";
import { describeError, jsonLogger, type Logger } from "./log.js";
import { legalPages } from "./pages.js";
import { serviceServices } from "./services.js";
import { readServiceConfiguration } from "./settings.js";
import { createServiceSite, forwardedRequest } from "./site.js";

export interface RunningService {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets in-flight requests (and their writes) finish, then closes the store. */
  readonly close: () => Promise<void>;
}

export interface StartOptions {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly log?: Logger;
  /** Replace pieces of the acknowledgement API's services (tests use a local token key). */
  readonly services?: (built: Services) => Services;
}

/** Starts the school's service: reads and checks the configuration, builds the site and listens. */
export async function startService(options: StartOptions = {}): Promise<RunningService> {
  const log = options.log ?? jsonLogger();
  const { settings, app: config, credential } = readServiceConfiguration(options.env ?? process.env);
  const built = serviceServices(config, credential);
  const services = options.services ? options.services(built) : built;
  const teamsApp = createApp(config, services);
  const pages = legalPages(loadPolicy(config.policyPack), {
    store: config.store.kind,
    retention: settings.retention,
    contact: settings.privacyContact,
  });
  let draining = false;
  const inFlight = { count: 0 };
  const site = createServiceSite({
    distDir: settings.distDir,
    teamsApp,
    pages,
    log,
    trustProxy: settings.trustProxy,
    draining: () => draining,
    inFlight,
    // A cheap indexed read: the store is open and answers.
    ready: async () => Array.isArray(await services.store.listForUser(config.tenantId, "readyz")),
  });

  const server: ServerType = await new Promise((resolve, reject) => {
    const instance = serve(
      {
        fetch: (request: Request) => site.fetch(forwardedRequest(request, settings.trustProxy)),
        port: settings.port,
        hostname: settings.host,
      },
      () => resolve(instance),
    );
    instance.once("error", reject);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : settings.port;
  const url = `http://${settings.host.includes(":") ? `[${settings.host}]` : settings.host}:${port}`;
  log("info", "listening", {
    url,
    publicOrigin: settings.publicOrigin,
    policyPack: config.policyPack,
    store: config.store.kind,
    graphCredential: credential?.kind ?? "none",
    trustProxy: settings.trustProxy,
  });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      log("info", "shutting down", { inFlight: inFlight.count });
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      if ("closeIdleConnections" in server) server.closeIdleConnections();
      const deadline = Date.now() + settings.shutdownTimeoutMs;
      while (inFlight.count > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      if (inFlight.count > 0) log("warn", "shutdown timed out with requests in flight", { inFlight: inFlight.count });
      if ("closeAllConnections" in server) server.closeAllConnections();
      await closed;
      await services.store.close();
      log("info", "stopped");
    })();
    return closing;
  };
  return { url, port, close };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const log = jsonLogger();
  try {
    const service = await startService({ log });
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log("info", "signal", { signal });
      service.close().then(
        () => process.exit(0),
        (error: unknown) => {
          log("error", "shutdown failed", { error: describeError(error) });
          process.exit(1);
        },
      );
    };
    // A second signal (npm and tsx relay the first) must not cut the drain short: stop once, on any.
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (error) {
    if (error instanceof ConfigError) {
      log("error", "refusing to start", { problems: error.problems.join(" | ") });
      console.error(error.message);
    } else {
      log("error", "failed to start", { error: describeError(error) });
      console.error(error);
    }
    process.exit(1);
  }
}
