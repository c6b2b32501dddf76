import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer } from "node:https";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { serve, type ServerType } from "@hono/node-server";
import { PolicyPackError } from "../policy/pack/errors.js";
import { loadPolicy } from "../policy/pack/load.js";
import { PRESET_IDS } from "../policy/presets/index.js";
import { buildAddinSurface, buildManifestsAndPackage, buildTeamsSurface } from "./build.js";
import { writeAssetIcons } from "./manifest.js";
import { legalPages } from "../server/pages.js";
import { playgroundHtml, type SurfaceState, type SurfaceStates } from "./playground.js";
import { createSite } from "./site.js";

export interface PlaygroundOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Serve over HTTPS when office-addin-dev-certs' certificates are installed (falls back to HTTP). */
  readonly https: boolean;
  /** The demo school's pack the add-in and the API use: a preset id or a pack file. */
  readonly policy: string;
  /** Where this run builds; by default a fresh folder of its own, removed when it stops. */
  readonly distDir?: string;
  readonly log?: (line: string) => void;
}

/** The pack given to `--policy` is not a preset nor a valid pack file. */
export class PlaygroundPolicyError extends Error {
  override readonly name = "PlaygroundPolicyError";
  constructor(readonly packError: PolicyPackError) {
    super(`${packError.message}\nPresets: ${PRESET_IDS.join(", ")} (or the path of a pack file).`);
  }
}

/** The port is taken (often by another playground): nothing was built and nothing of the other run changed. */
export class PortInUseError extends Error {
  override readonly name = "PortInUseError";
  constructor(readonly port: number) {
    super(
      `Port ${port} is already in use (another \`npm start\`?). Nothing was built or changed; ` +
        `stop the other one or run \`npm start -- --port ${port + 1}\` (or --port 0 for any free port).`,
    );
  }
}

/** `--port` (or PORT) is not a port number: said before anything is built or bound. */
export class PortArgumentError extends Error {
  override readonly name = "PortArgumentError";
}

/**
 * The port as given on the command line: a whole number 1–65535, or 0 for any free port. Checked
 * here because Number("abc") is NaN, which Node reports only once the server starts, and cryptically.
 */
export function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port <= 65_535))
    throw new PortArgumentError(`--port must be a whole number from 1 to 65535, or 0 for any free port (got ${text})`);
  return port;
}

export interface Playground {
  readonly url: string;
  /** Ready or failed, per surface (the playground starts whatever did build). */
  readonly surfaces: SurfaceStates;
  /** Seconds from the call to the playground being served. */
  readonly startupSeconds: number;
  /** This run's own build and database folder. */
  readonly distDir: string;
  readonly close: () => Promise<void>;
}

type Fetch = (request: Request) => Response | Promise<Response>;

/**
 * The development certificates `npx office-addin-dev-certs install` leaves in the user's home. Only
 * read here: installing a CA needs the user's consent, so it never happens from `npm start`.
 */
function devCertificates(): { key: Buffer; cert: Buffer } | undefined {
  const dir = join(homedir(), ".office-addin-dev-certs");
  const key = join(dir, "localhost.key");
  const cert = join(dir, "localhost.crt");
  return existsSync(key) && existsSync(cert) ? { key: readFileSync(key), cert: readFileSync(cert) } : undefined;
}

async function attempt<T>(run: () => Promise<T>): Promise<{ state: SurfaceState; value?: T }> {
  try {
    return { state: { ok: true }, value: await run() };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { state: { ok: false, error: message } };
  }
}

/**
 * The acknowledgement API and tab on SQLite with the development sign-in. Imported lazily so that a
 * surface that fails to load is reported on the playground instead of stopping it.
 */
async function startTeamsApi(distDir: string, policy: string): Promise<{ fetch: Fetch; close: () => Promise<void> }> {
  const [{ readConfig }, { createServices }, { createApp }] = await Promise.all([
    import("../teams-app/server/config.js"),
    import("../teams-app/server/services.js"),
    import("../teams-app/server/app.js"),
  ]);
  mkdirSync(`${distDir}/data`, { recursive: true });
  // This run's own database, in this run's own folder: another playground's is never touched.
  const databasePath = `${distDir}/data/playground.db`;
  const config = readConfig({
    ...process.env,
    NODE_ENV: "development",
    DEV_SIGN_IN: "1",
    DATABASE_PATH: databasePath,
    POLICY_PACK: policy,
    STATIC_DIR: `${distDir}/teams-app`,
  });
  const services = createServices(config);
  const app = createApp(config, services);
  return { fetch: (request) => app.fetch(request), close: () => services.store.close() };
}

async function demoSweep(outDir: string, policy: string): Promise<string> {
  const { runDemoSweep } = await import("../graph/demo.js");
  const report = await runDemoSweep({ outDir, policy });
  return `${report.counts.checked} people, ${report.counts.absent} absent`;
}

/**
 * The main job on the embedded default: builds the add-in (with the demo school's pack), the tab and a
 * demo sweep report side by side, starts the acknowledgement API (SQLite, development sign-in), serves
 * everything on one origin with a playground page, then writes the manifests and app package for the
 * address it got. A surface that fails is shown failed on the playground; the rest still run.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const log = options.log ?? console.log;
  const started = Date.now();
  // A bad pack stops here, before anything is built or bound.
  try {
    loadPolicy(options.policy);
  } catch (error) {
    if (error instanceof PolicyPackError) throw new PlaygroundPolicyError(error);
    throw error;
  }
  const ownDir = options.distDir === undefined;
  const distDir = options.distDir ?? mkdtempSync(join(tmpdir(), "spg-playground-"));
  const certificates = options.https ? devCertificates() : undefined;
  const scheme = certificates ? "https" : "http";
  // The icons first: the page, the tab and the manifests point at them from the first request on.
  writeAssetIcons(`${distDir}/assets`);

  // Bind before building: a busy port fails here, with nothing built and nothing of another run changed.
  // While the surfaces build, the icons are already served; everything else asks to retry.
  const icons = createSite({ distDir, teamsApp: { fetch: () => new Response(null, { status: 503 }) } });
  let current: Fetch = (request) =>
    new URL(request.url).pathname.startsWith("/assets/")
      ? icons.fetch(request)
      : new Response("The playground is still starting: reload in a few seconds.", {
          status: 503,
          headers: { "Retry-After": "2" },
        });
  let server: ServerType;
  try {
    server = await new Promise((resolve, reject) => {
      const instance = serve(
        {
          fetch: (request: Request) => current(request),
          port: options.port,
          hostname: "127.0.0.1",
          ...(certificates ? { createServer: createHttpsServer, serverOptions: certificates } : {}),
        },
        () => resolve(instance),
      );
      instance.once("error", reject);
    });
  } catch (error) {
    if (ownDir) rmSync(distDir, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") throw new PortInUseError(options.port);
    throw error;
  }

  const [addin, teamsTab, sweep] = await Promise.all([
    attempt(() => buildAddinSurface({ distDir, policy: options.policy })),
    attempt(() => buildTeamsSurface({ distDir })),
    attempt(() => demoSweep(`${distDir}/sweep-demo`, options.policy)),
  ]);
  const api = teamsTab.state.ok ? await attempt(() => startTeamsApi(distDir, options.policy)) : teamsTab;
  const surfaces: { -readonly [K in keyof SurfaceStates]: SurfaceState } = {
    addin: addin.state,
    teams: api.state,
    sweep: sweep.state,
    appPackage: { ok: false, error: "Not built yet." },
  };
  const unavailable: Fetch = () =>
    new Response("The Teams tab and API did not start: see the playground page.", {
      status: 503,
    });
  const site = createSite({
    distDir,
    pages: legalPages(loadPolicy(options.policy), {
      store: "sqlite",
      retention: "until this playground stops (its folder is deleted then)",
    }),
    teamsApp: { fetch: api.value?.fetch ?? unavailable },
    playgroundHtml: () =>
      playgroundHtml({ policy: options.policy, surfaces, ...(sweep.value ? { sweepSummary: sweep.value } : {}) }),
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const url = `${scheme}://localhost:${port}`;

  // The manifests need the real address; Microsoft 365 only accepts https, so they always say https.
  const appPackage = await attempt(() => buildManifestsAndPackage({ distDir, host: `https://localhost:${port}` }));
  surfaces.appPackage = appPackage.state;
  current = (request) => site.fetch(request);
  const startupSeconds = (Date.now() - started) / 1000;

  log(`School Policy Guard playground is ready in ${startupSeconds.toFixed(1)} s: ${url}/`);
  log(`  Outlook compose window (real add-in, stand-in Office): ${url}/addin/harness.html`);
  log(`  Teams tab with development sign-in:                   ${url}/index.html`);
  if (sweep.state.ok) log(`  Demo sweep report:                                    ${url}/sweep/report.html`);
  log(`  App package (unified manifest, localhost):            ${url}/appPackage.zip`);
  log(
    "Try: type a sentence in CAPITALS or a pupil's date of birth, or ten or more parents' addresses in To (the example \"Trip letter to parents\"), then press Send.",
  );
  for (const [name, state] of Object.entries(surfaces)) {
    if (!state.ok) log(`! ${name} is not available: ${state.error.split("\n")[0] ?? ""}`);
  }
  if (options.https && !certificates) {
    log(
      "Plain HTTP: run `npx office-addin-dev-certs install` once to serve over HTTPS (Outlook needs it to sideload).",
    );
  }
  log("Ctrl-C stops everything.");

  let closing: Promise<void> | undefined;
  return {
    url,
    surfaces,
    startupSeconds,
    distDir,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections from a browser would hold close() open.
          if ("closeAllConnections" in server) server.closeAllConnections();
        });
        await api.value?.close();
        if (ownDir) rmSync(distDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: process.env.PORT ?? "3000" },
      "no-https": { type: "boolean", default: false },
      policy: { type: "string", default: process.env.POLICY_PACK ?? "st-john-payne" },
    },
  });
  try {
    const playground = await startPlayground({
      port: parsePort(values.port),
      https: !values["no-https"],
      policy: values.policy ?? "st-john-payne",
    });
    const stop = (signal: NodeJS.Signals) => {
      console.log(`\n${signal}: stopping the playground.`);
      playground.close().then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    };
    // Ctrl-C reaches npm, tsx and this process at once, and tsx relays it again: stop once, on any.
    let stopping = false;
    const once = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      stop(signal);
    };
    process.on("SIGINT", once);
    process.on("SIGTERM", once);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(error instanceof PlaygroundPolicyError || error instanceof PortArgumentError ? 2 : 1);
  }
}
