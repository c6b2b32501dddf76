import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run mutate` runs the tests beside the mutated code (the core's and the sweep's): a mutant must be
// killed by a must or must-not case, not by the labelled corpus, whose metrics run would also cost a
// second or more per mutant. Tests that spawn a child process (the `check` and `sweep` command tests)
// are left out: a mutant in a child process is never seen. So are the sweep's client and report
// writers (not mutated) and the browser, manifest, property and benchmark runs. (Spread, not
// mergeConfig: mergeConfig would append to the base `include` instead of replacing it.)
//
// Run by folder (`STRYKER_FOLDER=policy/detectors`, see stryker.config.mjs), only that folder's own tests
// run: each rule's tests analyse whole drafts, so without this every detector and engine mutant is
// covered by every rule test and one surviving mutant costs the whole suite. A mutant in the detectors
// must then be killed by the detectors' must/must-not cases, an engine mutant by the engine's.
const ALL = [
  "policy/**/*.test.ts",
  "graph/checks/**/*.test.ts",
  "graph/test/leave.test.ts",
  "graph/test/sweep.test.ts",
];
const OWN: Readonly<Record<string, readonly string[]>> = {
  "policy/engine": ["policy/engine/**/*.test.ts"],
  "policy/detectors": ["policy/detectors/**/*.test.ts"],
  "policy/rules": ["policy/rules/**/*.test.ts"],
  "policy/pack": ["policy/pack/**/*.test.ts"],
  graph: ["graph/checks/**/*.test.ts", "graph/test/leave.test.ts", "graph/test/sweep.test.ts"],
};
const folder = process.env.STRYKER_FOLDER;
const own = Object.entries(OWN).find(([root]) => folder === root || folder?.startsWith(`${root}/`))?.[1];

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [...(own ?? ALL)],
    exclude: [...(base.test?.exclude ?? []), "policy/cli/**"],
    // In the quick pass (STRYKER_IGNORE_STATIC=1, see stryker.config.mjs) the test files of one mutant's
    // run share one module graph instead of importing the packs, lexicons and rules again for each file:
    // importing was 8.8 s of a 15.9 s run of the core's tests (2.2 s in all without isolation). Stryker
    // switches those mutants at run time, so nothing needs importing again. A static mutant (a table or
    // pattern built when its module loads) does need its module loaded afresh: without isolation such
    // mutants were reported as surviving although the tests kill them (checked by hand and with isolation:
    // person-name.ts's openers, index.ts's identifying types), so every other run isolates.
    isolate: process.env.STRYKER_IGNORE_STATIC !== "1",
  },
});
