import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_STATIC_DIR } from "./config.js";

/**
 * Why `npm run serve:teams` cannot serve the tab, as one line ending in the command that builds it,
 * or undefined when `staticDir` holds a built tab. Without this check the API starts and the tab's
 * address answers 404 with no hint why.
 */
export function missingTabProblem(staticDir: string, defaultDir: string = DEFAULT_STATIC_DIR): string | undefined {
  if (existsSync(join(staticDir, "index.html"))) return undefined;
  // build:teams writes to the default place; anywhere else, it takes the directory as its argument.
  const build =
    resolve(staticDir) === resolve(defaultDir) ? "npm run build:teams" : `npm run build:teams -- ${staticDir}`;
  return `School Policy Guard Teams API refused to start: the built tab is missing (no index.html in ${staticDir}). Build it first: ${build}`;
}
