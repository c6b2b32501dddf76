import { build } from "esbuild";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildAddin } from "../addin/build.js";
import { buildTeamsApp } from "../teams-app/build.js";
import { loadPolicy, loadPolicyArgument } from "../policy/pack/load.js";
import { PRESET_IDS } from "../policy/presets/index.js";
import { LOCAL_CLIENT_ID, localOnlyWarning, manifestOptionsFromArgs, writeAssetIcons } from "./manifest.js";
import { buildAppPackage } from "./package.js";
import { formatLeftovers, presetLeftovers } from "./school-pack.js";

export interface BuildAllOptions {
  readonly distDir: string;
  /** The school's pack the add-in embeds: a preset id or a pack file. */
  readonly policy: string;
  /** Where the add-in and tab will be served from (written into the manifests). */
  readonly host: string;
  readonly clientId?: string;
  /** The manifests' version (1.2.3). The admin centre's Update takes a package only with a higher one. */
  readonly version?: string;
}

/** The compose harness and its stand-in Office: the playground's, never a school's. */
export const HARNESS_FILES = ["harness.html", "harness.js", "harness-pane.html"] as const;

/** The add-in: task pane, launch-event script, commands page and compose harness under `<distDir>/addin`. */
export async function buildAddinSurface(options: Pick<BuildAllOptions, "distDir" | "policy">): Promise<void> {
  await buildAddin({ outDir: `${options.distDir}/addin`, policy: options.policy });
}

/** The Teams tab under `<distDir>/teams-app`. */
export async function buildTeamsSurface(options: Pick<BuildAllOptions, "distDir">): Promise<void> {
  await buildTeamsApp({ outDir: `${options.distDir}/teams-app` });
}

/**
 * The `npm run manifest` arguments for this build, checked as that command checks them (throws naming
 * the option), so a bad --host or --client-id fails at once rather than after every surface is built.
 */
export function manifestArgs(options: Pick<BuildAllOptions, "host" | "clientId" | "version">): string[] {
  const args = [
    "--host",
    options.host,
    "--client-id",
    options.clientId ?? LOCAL_CLIENT_ID,
    ...(options.version === undefined ? [] : ["--version", options.version]),
  ];
  manifestOptionsFromArgs(args);
  return args;
}

/** Icons under `<distDir>/assets`, both manifests under `<distDir>/manifest` and `<distDir>/appPackage.zip`. */
export async function buildManifestsAndPackage(
  options: Pick<BuildAllOptions, "distDir" | "host" | "clientId" | "version">,
): Promise<string> {
  writeAssetIcons(`${options.distDir}/assets`);
  return buildAppPackage(
    [...manifestArgs(options), "--out", `${options.distDir}/manifest`],
    `${options.distDir}/appPackage.zip`,
  );
}

/**
 * What a school serves carries no development files: the harness pages go, and so do source maps
 * and the comments pointing at them (the maps would publish the source and its paths).
 */
export function stripDevelopmentFiles(distDir: string): string[] {
  const removed: string[] = [];
  for (const file of HARNESS_FILES) {
    const path = join(distDir, "addin", file);
    rmSync(path, { force: true });
    removed.push(path);
  }
  for (const folder of ["addin", "teams-app"]) {
    const dir = join(distDir, folder);
    for (const file of readdirSync(dir)) {
      const path = join(dir, file);
      if (file.endsWith(".map")) {
        rmSync(path);
        removed.push(path);
      } else if (file.endsWith(".js") || file.endsWith(".css")) {
        const text = readFileSync(path, "utf8");
        const stripped = text.replace(/\n?\/[/*]# sourceMappingURL=\S+(?: \*\/)?\s*$/, "\n");
        if (stripped !== text) writeFileSync(path, stripped);
      }
    }
  }
  return removed;
}

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

/**
 * The service as one JavaScript file, `<distDir>/server/main.mjs`, so the host needs Node and
 * better-sqlite3 (a native module) only: no TypeScript tooling, no devDependencies.
 */
export async function buildServiceBundle(distDir: string): Promise<string> {
  const outdir = join(distDir, "server");
  await build({
    // The service, and the evidence backup run beside it (SSH or a scheduled job on the host).
    entryPoints: { main: join(REPO_ROOT, "server/main.ts"), backup: join(REPO_ROOT, "scripts/backup.ts") },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["better-sqlite3"],
    // CommonJS dependencies bundled into ESM still call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    legalComments: "none",
    logLevel: "warning",
  });
  return join(outdir, "main.mjs");
}

/**
 * Builds every surface into `distDir` for a school: addin/, teams-app/, assets/, manifest/,
 * appPackage.zip and server/main.mjs, without the harness or source maps.
 */
export async function buildAll(options: BuildAllOptions): Promise<void> {
  // The two esbuild builds are independent; run them side by side.
  await Promise.all([buildAddinSurface(options), buildTeamsSurface(options)]);
  stripDevelopmentFiles(options.distDir);
  await buildManifestsAndPackage(options);
  await buildServiceBundle(options.distDir);
}

/**
 * For a build the school will deploy: the values its pack still shares with a preset (another school's
 * name, domain, Cc mailbox, group ids, quoted sentences), as `school-pack.ts` lists them after step 2, or ""
 * (an IT admin's trial built and packaged St John Payne's identity without a word).
 */
export function presetWarning(policy: string): string {
  return formatLeftovers(
    presetLeftovers(
      loadPolicyArgument(policy),
      PRESET_IDS.map((id) => loadPolicy(id)),
    ),
  );
}

const BUILD_USAGE = `Usage: npm run build -- [options]
Builds the Outlook add-in, the Teams tab, the service, both manifests and appPackage.zip into --out.
  --policy ID|FILE   the school's policy pack: a preset (${PRESET_IDS.join(", ")}) or a pack file (default st-john-payne)
  --host URL         the https origin the add-in and tab are served from (default https://localhost:3000: this machine only)
  --client-id GUID   the Entra app's client id (default the all-zero placeholder: this machine only)
  --version 1.2.3    the manifests' version (default 1.0.0); raise it for an update the admin centre will take
  --out DIR          where to write (default dist)
See docs/deploy.md for a school's own build.`;

if (import.meta.url === `file://${process.argv[1]}`) {
  let options: BuildAllOptions;
  let args: string[];
  // Every argument is checked before the first build step: a typo must not cost a build and a rewritten dist/.
  try {
    const { values } = parseArgs({
      options: {
        policy: { type: "string", default: "st-john-payne" },
        host: { type: "string", default: "https://localhost:3000" },
        "client-id": { type: "string" },
        version: { type: "string" },
        out: { type: "string", default: "dist" },
        help: { type: "boolean", short: "h" },
      },
    });
    if (values.help) {
      console.log(BUILD_USAGE);
      process.exit(0);
    }
    // A preset or a valid pack file: refused here, as a usage error, not after the add-in is half built.
    loadPolicyArgument(values.policy ?? "st-john-payne");
    options = {
      distDir: values.out ?? "dist",
      policy: values.policy ?? "st-john-payne",
      host: values.host ?? "https://localhost:3000",
      ...(values["client-id"] ? { clientId: values["client-id"] } : {}),
      ...(values.version === undefined ? {} : { version: values.version }),
    };
    args = manifestArgs(options);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  try {
    const started = Date.now();
    await buildAll(options);
    console.log(
      `Built ${options.distDir}/addin, teams-app, assets, manifest, server and appPackage.zip in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    const warning = localOnlyWarning(args, "build");
    if (warning) console.warn(warning);
    else {
      const leftovers = presetWarning(options.policy);
      if (leftovers) console.warn(leftovers.trimEnd());
    }
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
