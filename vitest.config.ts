import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", "dist/**", ".stryker-tmp*/**", "reports/**"],
    environment: "node",
    testTimeout: 20_000,
    hookTimeout: 120_000,
    // Two cores in CI: keep files parallel but bounded.
    maxWorkers: 2,
  },
});
