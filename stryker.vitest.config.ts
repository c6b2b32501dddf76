import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// `npm run mutate` runs the tests that can kill a mutant in the mutated folders: the core's and the
// sweep's own tests and the labelled corpus. Browser, manifest, property and benchmark runs stay out.
// (Spread, not mergeConfig: mergeConfig would append to the base `include` instead of replacing it.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["policy/**/*.test.ts", "graph/**/*.test.ts", "test/corpus/**/*.test.ts"],
  },
});
