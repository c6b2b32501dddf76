import { defineConfig } from "vitest/config";
import base from "../vitest.config";

// The tests that stand beside the sweep's checks and absence logic (see graph/stryker.config.mjs).
export default defineConfig({
  ...base,
  test: { ...base.test, include: ["graph/checks/**/*.test.ts", "graph/test/leave.test.ts"] },
});
