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

/** Builds every surface into `distDir`: addin/, teams-app/, assets/ and appPackage.zip. */
export async function buildAll(options: BuildAllOptions): Promise<void> {
  await buildAddin({ outDir: `${options.distDir}/addin`, policy: options.policy });
  await buildTeamsApp({ outDir: `${options.distDir}/teams-app` });
  writeAssetIcons(`${options.distDir}/assets`);
  const clientId = options.clientId ?? "00000000-0000-0000-0000-000000000000";
  await buildAppPackage(
    ["--host", options.host, "--client-id", clientId, "--out", `${options.distDir}/manifest`],
    `${options.distDir}/appPackage.zip`,
  );
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
    await buildAll({
      distDir: "dist",
      policy: values.policy ?? "st-john-payne",
      host: values.host ?? "https://localhost:3000",
      ...(values["client-id"] ? { clientId: values["client-id"] } : {}),
    });
    console.log("Built dist/addin, dist/teams-app, dist/assets, dist/manifest and dist/appPackage.zip");
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
