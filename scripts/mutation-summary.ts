/**
 * Prints the mutation score per folder from Stryker's JSON report (the mutation-testing-report-schema),
 * then for the two groups issue 16 sets targets on: the core (`policy/`) and the sweep's checks with
 * its absence logic (`graph/`). Run by `npm run mutate` after `stryker run`; `-- <report.json>…` reads
 * other reports instead (several are merged, as when the folders were run one at a time).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

type MutantStatus =
  "Killed" | "Survived" | "NoCoverage" | "Timeout" | "CompileError" | "RuntimeError" | "Ignored" | "Pending";

interface MutationReport {
  files: Record<string, { mutants: readonly { status: MutantStatus }[] }>;
}

/** Longest prefix first, so `graph/leave.ts` is not counted under a wider folder. */
const FOLDERS = [
  "policy/engine",
  "policy/detectors",
  "policy/rules",
  "policy/pack",
  "graph/checks",
  "graph/leave.ts",
] as const;
const GROUPS = [
  { name: "policy/ (core)", prefixes: ["policy/"] },
  { name: "graph/checks + absence logic", prefixes: ["graph/"] },
] as const;

export interface Tally {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  invalid: number;
  ignored: number;
}

const emptyTally = (): Tally => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, invalid: 0, ignored: 0 });

function add(tally: Tally, status: MutantStatus): void {
  switch (status) {
    case "Killed":
      tally.killed += 1;
      break;
    case "Timeout":
      tally.timeout += 1;
      break;
    case "Survived":
      tally.survived += 1;
      break;
    case "NoCoverage":
      tally.noCoverage += 1;
      break;
    case "CompileError":
    case "RuntimeError":
      tally.invalid += 1;
      break;
    case "Ignored":
    case "Pending":
      tally.ignored += 1;
      break;
  }
}

/** Stryker's mutation score: detected (killed + timeout) over valid (detected + survived + no coverage). */
export function score(tally: Tally): number | undefined {
  const detected = tally.killed + tally.timeout;
  const valid = detected + tally.survived + tally.noCoverage;
  return valid === 0 ? undefined : (100 * detected) / valid;
}

function folderOf(file: string): string {
  const normalised = file.replaceAll("\\", "/");
  return FOLDERS.find((folder) => normalised === folder || normalised.startsWith(`${folder}/`)) ?? "other";
}

export function summarise(report: MutationReport): { folders: Map<string, Tally>; groups: Map<string, Tally> } {
  const folders = new Map<string, Tally>();
  const groups = new Map<string, Tally>(GROUPS.map((group) => [group.name, emptyTally()]));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const folder = folderOf(file);
    const tally = folders.get(folder) ?? emptyTally();
    folders.set(folder, tally);
    const group = GROUPS.find((candidate) => candidate.prefixes.some((prefix) => file.startsWith(prefix)));
    for (const mutant of mutants) {
      add(tally, mutant.status);
      if (group) add(groups.get(group.name) ?? emptyTally(), mutant.status);
    }
  }
  return { folders, groups };
}

function line(name: string, tally: Tally): string {
  const value = score(tally);
  const shown = value === undefined ? "   n/a" : `${value.toFixed(2).padStart(6)}%`;
  return (
    `${name.padEnd(30)} ${shown}  killed ${tally.killed}, timeout ${tally.timeout}, ` +
    `survived ${tally.survived}, no coverage ${tally.noCoverage}, errors ${tally.invalid}` +
    (tally.ignored > 0 ? `, not run ${tally.ignored} (static, STRYKER_IGNORE_STATIC)` : "")
  );
}

function main(): void {
  // `STRYKER_FOLDER=policy/engine npm run mutate` writes reports/mutation/policy-engine.json (stryker.config.mjs).
  const slug = process.env.STRYKER_FOLDER?.replaceAll(/[^a-z0-9]+/gi, "-") ?? "mutation";
  const paths = process.argv.length > 2 ? process.argv.slice(2) : [`reports/mutation/${slug}.json`];
  const files: MutationReport["files"] = {};
  for (const path of paths) {
    const report = JSON.parse(readFileSync(resolve(path), "utf8")) as MutationReport;
    Object.assign(files, report.files);
  }
  const { folders, groups } = summarise({ files });
  console.log("Mutation score per folder");
  for (const folder of [...FOLDERS, "other"]) {
    const tally = folders.get(folder);
    if (tally) console.log(line(folder, tally));
  }
  console.log("");
  for (const [name, tally] of groups) console.log(line(name, tally));
  const html = paths.map((path) => resolve(path.replace(/\.json$/, ".html")));
  console.log(`\nHTML report${html.length > 1 ? "s" : ""}: ${html.join(", ")}`);
}

main();
