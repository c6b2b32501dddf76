import { readFileSync } from "node:fs";
import { PolicyPackError } from "./errors.js";
import { parsePolicy } from "./parse.js";
import { PRESET_IDS, isPresetId, presetPath } from "../presets/index.js";
import { ruleIds } from "../rules/registry.js";
import type { PolicyPack } from "./schema.js";

/**
 * Loads a preset by id (`st-dunstans`, `palfrey`, `lt2`, `delius`, `st-john-payne`) or a pack file by
 * path, validates it and returns it frozen. Node only: bundles for Outlook and Teams call parsePolicy.
 */
export function loadPolicy(idOrPath: string): PolicyPack {
  const path = isPresetId(idOrPath) ? presetPath(idOrPath) : idOrPath;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? `no such preset or file (the presets: ${PRESET_IDS.join(", ")})`
        : String(error);
    throw new PolicyPackError(idOrPath, [{ path: "(file)", message: reason }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PolicyPackError(idOrPath, [{ path: "(file)", message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return parsePolicy(json, idOrPath, ruleIds);
}

/**
 * `loadPolicy` for a command's `--policy` argument, checked before the command does any work: the pack,
 * or an Error whose one-line message names the option and says what is wrong ("--policy nosuch: no such
 * preset or file (the presets: …)", or each invalid field of a pack file). Other errors pass through.
 */
export function loadPolicyArgument(idOrPath: string): PolicyPack {
  try {
    return loadPolicy(idOrPath);
  } catch (error) {
    if (!(error instanceof PolicyPackError)) throw error;
    const problems = error.problems.map((problem) =>
      problem.path === "(file)" ? problem.message : `${problem.path}: ${problem.message}`,
    );
    throw new Error(`--policy ${idOrPath}: ${problems.join("; ")}`, { cause: error });
  }
}
