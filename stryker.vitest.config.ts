import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run mutate` runs the tests that can kill a mutant in the mutated folders: the core's and the
// sweep's own tests and the labelled corpus. Tests that spawn a child process (the `check` and `sweep`
// command tests) are left out: a mutant in a child process is never seen, they only cost time. So are
// browser, manifest, property and benchmark runs. (Spread, not mergeConfig: mergeConfig would append
// to the base `include` instead of replacing it.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["policy/**/*.test.ts", "graph/**/*.test.ts", "test/corpus/**/*.test.ts"],
    exclude: [...(base.test?.exclude ?? []), "policy/cli/**", "graph/test/cli.test.ts", "graph/client/**"],
  },
});
