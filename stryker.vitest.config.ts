import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run mutate` runs the tests beside the mutated code (the core's and the sweep's): a mutant must be
// killed by a must or must-not case, not by the labelled corpus, whose metrics run would also cost a
// second or more per mutant. Tests that spawn a child process (the `check` and `sweep` command tests)
// are left out: a mutant in a child process is never seen. So are browser, manifest, property and
// benchmark runs. (Spread, not mergeConfig: mergeConfig would append
// to the base `include` instead of replacing it.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["policy/**/*.test.ts", "graph/**/*.test.ts"],
    exclude: [...(base.test?.exclude ?? []), "policy/cli/**", "graph/test/cli.test.ts", "graph/client/**"],
  },
});
