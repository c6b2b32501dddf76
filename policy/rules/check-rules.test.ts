import { readdirSync, readFileSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { rules, ruleIds } from "./registry.js";
import { CATEGORIES } from "../engine/types.js";
import { CLAUSE_KEYS } from "./define.js";
import { PRESET_IDS } from "../presets/index.js";
import { loadPolicy } from "../pack/load.js";
import { havePolicyTexts, POLICIES_DIR, policyText, quotedInOrder } from "../../test/support/policy-texts.js";

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

      it("cites a clause about what it checks, not another rule's", () => {
        const key = rule.meta.clause;
        expect(Object.keys(CLAUSE_KEYS), `clause "${key}" is not in define.ts CLAUSE_KEYS`).toContain(key);
        const owners: readonly string[] = CLAUSE_KEYS[key as keyof typeof CLAUSE_KEYS].rules;
        expect(owners, `clause "${key}" belongs to ${owners.join(", ") || "the sweep"}`).toContain(rule.meta.id);
      });
    });
  }

  it("lists only registered rules as clause owners", () => {
    for (const [key, clause] of Object.entries(CLAUSE_KEYS)) {
      for (const id of clause.rules) expect(ruleIds.has(id), `${key} names unknown rule ${id}`).toBe(true);
    }
  });

  it.each(PRESET_IDS)("%s maps only known clause keys", (id) => {
    expect(Object.keys(loadPolicy(id).clauses).filter((key) => !(key in CLAUSE_KEYS))).toEqual([]);
  });

  const havePolicies = havePolicyTexts();
  if (!havePolicies) {
    console.warn(
      `check-rules: ${POLICIES_DIR} is absent, so the presets' quotes are not checked against their policies.`,
    );
  }
  describe.skipIf(!havePolicies)("each preset quotes its own policy for each rule (needs ../shared/policies)", () => {
    it.each(PRESET_IDS)("%s", (id) => {
      const text = policyText(id);
      const pack = loadPolicy(id);
      const missing = rules
        .map((rule) => [rule.meta.id, pack.clauses[rule.meta.clause]] as const)
        .filter(([, citation]) => citation !== undefined && !quotedInOrder(text, citation.quote))
        .map(([ruleId, citation]) => `${ruleId}: "${citation?.quote ?? ""}"`);
      expect(missing).toEqual([]);
    });
  });

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
