import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_STATIC_DIR } from "../server/config.js";
import { missingTabProblem } from "../server/tab-files.js";
import { FIXTURE_TAB, tempDir } from "./helpers.js";

const dir = tempDir("spg-tab-files-");
afterAll(() => dir.remove());

describe("missingTabProblem", () => {
  it("is satisfied by a directory holding index.html", () => {
    expect(missingTabProblem(FIXTURE_TAB)).toBeUndefined();
  });

  it("names the plain build command when the default place is empty", () => {
    const defaultDir = join(dir.path, "dist", "teams-app");
    expect(missingTabProblem(defaultDir, defaultDir)).toBe(
      `School Policy Guard Teams API refused to start: the built tab is missing (no index.html in ${defaultDir}). ` +
        "Build it first: npm run build:teams",
    );
    // The same place written another way (trailing slash) is still the default.
    expect(missingTabProblem(`${defaultDir}/`, defaultDir)).toMatch(/Build it first: npm run build:teams$/);
  });

  it("names the directory to build into when STATIC_DIR points elsewhere", () => {
    const elsewhere = join(dir.path, "elsewhere");
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, "app.js"), ""); // a build that stopped before copying index.html
    expect(missingTabProblem(elsewhere, join(dir.path, "dist", "teams-app"))).toBe(
      `School Policy Guard Teams API refused to start: the built tab is missing (no index.html in ${elsewhere}). ` +
        `Build it first: npm run build:teams -- ${elsewhere}`,
    );
  });

  it("is one line", () => {
    const problem = missingTabProblem(join(dir.path, "none"), DEFAULT_STATIC_DIR);
    expect(problem).toBeDefined();
    expect(problem).not.toContain("\n");
  });
});
