import { describe, expect, it } from "vitest";
import { analyzeDraft } from "../../policy/engine/analyze.js";
import { applyFix } from "../../policy/engine/fix.js";
import { loadPolicy } from "../../policy/pack/load.js";
import type { PolicyPack } from "../../policy/pack/schema.js";
import { readCorpus } from "./metrics.js";

// Over the whole labelled corpus, so it lives here and not beside fix.ts: `npm run mutate` runs the tests
// beside the core, and this one analyses every draft while the file is collected (a second or more each
// time a mutant is tested, and it makes every mutant it reaches "static", tested against every file).
describe("applying a finding's fix then re-analysing removes that finding (every corpus draft)", () => {
  const packs = new Map<string, PolicyPack>();
  const cases: [string, string, number][] = [];
  for (const entry of readCorpus()) {
    const policy = entry.policy ?? "st-john-payne";
    if (!packs.has(policy)) packs.set(policy, loadPolicy(policy));
    const pack = packs.get(policy) as PolicyPack;
    analyzeDraft(entry.draft, pack).findings.forEach((finding, index) => {
      if (finding.fix) cases.push([entry.id, finding.rule, index]);
    });
  }

  it("has fixable findings to check", () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases)("%s: %s", (id, ruleId, index) => {
    const entry = readCorpusById(id);
    const pack = packs.get(entry.policy ?? "st-john-payne") as PolicyPack;
    const finding = analyzeDraft(entry.draft, pack).findings[index];
    expect(finding?.rule).toBe(ruleId);
    if (!finding?.fix) return;
    const after = analyzeDraft(applyFix(entry.draft, finding.fix), pack);
    expect(after.findings.filter((f) => f.rule === ruleId && f.message === finding.message)).toEqual([]);
  });
});

let byId: Map<string, ReturnType<typeof readCorpus>[number]> | undefined;
function readCorpusById(id: string) {
  byId ??= new Map(readCorpus().map((entry) => [entry.id, entry]));
  const entry = byId.get(id);
  if (!entry) throw new Error(`no corpus entry ${id}`);
  return entry;
}

