import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rules } from "./registry.js";
import { CATEGORIES } from "../engine/types.js";

/**
 * The build check ESLint keeps for its own rules: every registered rule has its doc, its citation,
 * its test file and its place in the sorted registry, and no rule module sits unregistered.
 */
const rulesDir = dirname(fileURLToPath(import.meta.url));
const registrySource = readFileSync(join(rulesDir, "registry.ts"), "utf8");

/** Rule modules are the files that `export default defineRule(`; helpers beside them are not. */
function ruleFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...ruleFiles(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) {
      if (readFileSync(path, "utf8").indexOf("export default defineRule(") !== -1) found.push(path);
    }
  }
  return found;
}

const importedPaths = new Set(
  Array.from(registrySource.matchAll(/from "\.\/([\w/-]+)\.js"/g), (match) => join(rulesDir, `${match[1]}.ts`)),
);

describe("check-rules", () => {
  it("has rules", () => {
    expect(rules.length).toBeGreaterThanOrEqual(2);
  });

  it("keeps the registry sorted by id, without duplicates", () => {
    const ids = rules.map((rule) => rule.meta.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const rule of rules) {
    describe(rule.meta.id, () => {
      it("has a one-line doc, a known category and messages", () => {
        expect(rule.meta.docs.trim().length).toBeGreaterThan(10);
        expect(rule.meta.docs.indexOf("\n")).toBe(-1);
        expect(CATEGORIES).toContain(rule.meta.category);
        expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
        for (const message of Object.values(rule.meta.messages)) expect(message.trim().length).toBeGreaterThan(10);
      });

      it("cites a clause and has a fallback citation", () => {
        expect(rule.meta.clause).toMatch(/^[a-z][a-z-]*$/);
        expect(rule.meta.fallbackCitation.section.length).toBeGreaterThan(0);
        expect(rule.meta.fallbackCitation.quote.length).toBeGreaterThan(10);
      });
    });
  }

  it("registers every rule module, and each has a test file", () => {
    const files = ruleFiles(rulesDir);
    expect(files.length).toBe(rules.length);
    for (const file of files) {
      const name = relative(rulesDir, file);
      expect(importedPaths.has(file), `${name} is not in registry.ts`).toBe(true);
      expect(existsSync(file.replace(/\.ts$/, ".test.ts")), `${name} has no test file`).toBe(true);
    }
  });
});
