// Mutation testing of the core and the sweep's checks: `npm run mutate` (not part of `npm test`).
// Incremental: results are kept in reports/stryker-incremental.json, so a re-run only tests the
// mutants whose code or covering tests changed.
//
// One folder at a time: `STRYKER_FOLDER=policy/engine npm run mutate` mutates only that folder (or part of
// one: policy/rules/tone) and keeps its own incremental file and JSON/HTML report
// (reports/mutation/policy-engine.json…), so the folders can be run apart, and a run stopped part way
// loses only its folder; `npx tsx scripts/mutation-summary.ts reports/mutation/*.json` merges them.
const folder = process.env.STRYKER_FOLDER;
const slug = folder?.replaceAll(/[^a-z0-9]+/gi, "-");
const all = [
  "policy/engine/**/*.ts",
  "policy/detectors/**/*.ts",
  "policy/rules/**/*.ts",
  "policy/pack/**/*.ts",
  "graph/checks/**/*.ts",
  "graph/leave.ts",
];
const inside = (glob) => folder !== undefined && (glob === folder || glob.startsWith(`${folder}/`));
const under = folder !== undefined && all.some((glob) => folder.startsWith(glob.replace("/**/*.ts", "/")));
/** A whole root, several, or a part of one (`policy/rules/tone`, one file, or a glob: `policy/rules/*.ts`). */
const selected =
  folder === undefined
    ? all
    : all.some(inside)
      ? all.filter(inside)
      : under
        ? [folder.endsWith(".ts") ? folder : `${folder}/**/*.ts`]
        : [];
if (selected.length === 0) throw new Error(`STRYKER_FOLDER=${folder} is not in ${all.join(", ")}`);

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  vitest: { configFile: "stryker.vitest.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  coverageAnalysis: "perTest",
  mutate: [
    ...selected,
    "!**/*.test.ts",
    "!**/types.ts",
    "!graph/checks/test-context.ts",
    "!policy/engine/rule-tester.ts",
    "!policy/pack/write-json-schema.ts",
    // A measuring script run by hand over the corpus (like write-json-schema.ts, not part of the core).
    "!policy/rules/recipients/measure-false-alarms.ts",
  ],
  // ".stryker-tmp*": runs started side by side (`npx stryker run --tempDirName .stryker-tmp-<name>`) must not
  // copy each other's sandboxes.
  ignorePatterns: ["dist", "coverage", "reports", "test-results", ".artifacts", "manifests/generated", ".stryker-tmp*"],
  incremental: true,
  incrementalFile: slug === undefined ? "reports/stryker-incremental.json" : `reports/stryker-incremental-${slug}.json`,
  reporters: ["clear-text", "html", "json", "progress"],
  htmlReporter: { fileName: `reports/mutation/${slug ?? "mutation"}.html` },
  jsonReporter: { fileName: `reports/mutation/${slug ?? "mutation"}.json` },
  // One test runner: on the 2-core machine the other core stays free for its other work.
  concurrency: 1,
  // Tests take milliseconds; a mutant that loops forever is given up on after 10 s more than expected.
  timeoutMS: 10000,
  // STRYKER_IGNORE_STATIC=1: a first, quick pass without the static mutants (tables and patterns built when
  // a module loads, each of which re-runs every test); they show as "ignored" until a run without it.
  ignoreStatic: process.env.STRYKER_IGNORE_STATIC === "1",
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
