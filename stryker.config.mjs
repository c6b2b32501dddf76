// Mutation testing of the core and the sweep's checks: `npm run mutate` (not part of `npm test`).
// Incremental: results are kept in reports/stryker-incremental.json, so a re-run only tests the
// mutants whose code or covering tests changed.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "vitest",
  vitest: { configFile: "stryker.vitest.config.ts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  coverageAnalysis: "perTest",
  mutate: [
    "policy/engine/**/*.ts",
    "policy/detectors/**/*.ts",
    "policy/rules/**/*.ts",
    "policy/pack/**/*.ts",
    "graph/checks/**/*.ts",
    "graph/leave.ts",
    "!**/*.test.ts",
    "!**/types.ts",
    "!graph/checks/test-context.ts",
    "!policy/engine/rule-tester.ts",
    "!policy/pack/write-json-schema.ts",
  ],
  ignorePatterns: ["dist", "coverage", "reports", "test-results", ".artifacts", "manifests/generated"],
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "html", "json", "progress"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  concurrency: 2,
  timeoutMS: 20000,
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
