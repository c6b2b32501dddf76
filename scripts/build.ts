import { parseArgs } from "node:util";
import { buildAddin } from "../addin/build.js";
import { buildTeamsApp } from "../teams-app/build.js";
import { writeAssetIcons } from "./manifest.js";
import { buildAppPackage } from "./package.js";

export interface BuildAllOptions {
  readonly distDir: string;
  /** The school's pack the add-in embeds: a preset id or a pack file. */
  readonly policy: string;
  /** Where the add-in and tab will be served from (written into the manifests). */
  readonly host: string;
  readonly clientId?: string;
}

/** Placeholder client id for local builds: the manifests validate, Entra sign-in is not wired. */
export const LOCAL_CLIENT_ID = "00000000-0000-0000-0000-000000000000";

/** The add-in: task pane, launch-event script, commands page and compose harness under `<distDir>/addin`. */
export async function buildAddinSurface(options: Pick<BuildAllOptions, "distDir" | "policy">): Promise<void> {
  await buildAddin({ outDir: `${options.distDir}/addin`, policy: options.policy });
}

/** The Teams tab under `<distDir>/teams-app`. */
export async function buildTeamsSurface(options: Pick<BuildAllOptions, "distDir">): Promise<void> {
  await buildTeamsApp({ outDir: `${options.distDir}/teams-app` });
}

/** Icons under `<distDir>/assets`, both manifests under `<distDir>/manifest` and `<distDir>/appPackage.zip`. */
export async function buildManifestsAndPackage(
  options: Pick<BuildAllOptions, "distDir" | "host" | "clientId">,
): Promise<string> {
  writeAssetIcons(`${options.distDir}/assets`);
  return buildAppPackage(
    [
      "--host",
      options.host,
      "--client-id",
      options.clientId ?? LOCAL_CLIENT_ID,
      "--out",
      `${options.distDir}/manifest`,
    ],
    `${options.distDir}/appPackage.zip`,
  );
}

/** Builds every surface into `distDir`: addin/, teams-app/, assets/, manifest/ and appPackage.zip. */
export async function buildAll(options: BuildAllOptions): Promise<void> {
  // The two esbuild builds are independent; run them side by side.
  await Promise.all([buildAddinSurface(options), buildTeamsSurface(options)]);
  await buildManifestsAndPackage(options);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      policy: { type: "string", default: "st-john-payne" },
      host: { type: "string", default: "https://localhost:3000" },
      "client-id": { type: "string" },
    },
  });
  try {
    const started = Date.now();
    await buildAll({
      distDir: "dist",
      policy: values.policy ?? "st-john-payne",
      host: values.host ?? "https://localhost:3000",
      ...(values["client-id"] ? { clientId: values["client-id"] } : {}),
    });
    console.log(
      `Built dist/addin, dist/teams-app, dist/assets, dist/manifest and dist/appPackage.zip in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
