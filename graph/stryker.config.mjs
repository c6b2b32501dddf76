// Mutation testing of the sweep's checks and absence logic alone, against their own table-driven
// tests (quicker than the repository's `npm run mutate`, which also mutates the core):
//   npx stryker run graph/stryker.config.mjs
import base from "../stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: "graph/vitest.mutation.config.ts", related: false },
  mutate: [
    "graph/checks/**/*.ts",
    "graph/leave.ts",
    "!**/*.test.ts",
    "!graph/checks/test-context.ts",
    "!graph/checks/types.ts",
  ],
  incrementalFile: "reports/stryker-incremental-graph.json",
  htmlReporter: { fileName: "reports/mutation/graph.html" },
  jsonReporter: { fileName: "reports/mutation/graph.json" },
  tempDirName: ".stryker-tmp-graph",
};
