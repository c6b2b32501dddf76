import { describe, expect, it } from "vitest";
import { readCorpus } from "../../test/corpus/metrics.js";
import { loadPolicy } from "../pack/load.js";
import type { PolicyPack } from "../pack/schema.js";
import { analyzeDraft } from "./analyze.js";
import { applyFix } from "./fix.js";

describe("applyFix", () => {
  const base = {
    subject: "Trip",
    body: "Dear all",
    bodyType: "text" as const,
    to: [{ address: "a@gmail.com" }, { address: "jo@delius-school.sch.uk" }],
    cc: [{ address: "b@gmail.com" }],
  };

  it("moves addresses to Bcc, case-insensitively, without duplicates", () => {
    const fixed = applyFix(
      { ...base, bcc: [{ address: "a@gmail.com" }] },
      { kind: "move-to-bcc", addresses: ["A@gmail.com", "b@gmail.com"] },
    );
    expect(fixed.to.map((r) => r.address)).toEqual(["jo@delius-school.sch.uk"]);
    expect(fixed.cc).toEqual([]);
    expect(fixed.bcc.map((r) => r.address.toLowerCase()).sort()).toEqual(["a@gmail.com", "b@gmail.com"]);
  });

  it("prefixes the subject", () => {
    expect(applyFix(base, { kind: "prefix-subject", text: "Personal:" }).subject).toMatch(/^Personal:\s*Trip$/);
  });

  it("applies a subject-tag encryption mechanism", () => {
    expect(
      applyFix(base, { kind: "apply-encryption", mechanism: { kind: "subject-tag", tag: "[secure]" } }).subject,
    ).toContain("[secure]");
  });

  it("appends the disclaimer, escaped in HTML", () => {
    expect(applyFix(base, { kind: "append-disclaimer", text: "Confidential." }).body).toBe("Dear all\n\nConfidential.");
    expect(applyFix({ ...base, bodyType: "html" }, { kind: "append-disclaimer", text: "A & B" }).body).toContain(
      "A &amp; B",
    );
  });

  it("does not mutate its input", () => {
    const input = JSON.parse(JSON.stringify(base)) as typeof base;
    applyFix(input, { kind: "move-to-bcc", addresses: ["a@gmail.com"] });
    expect(input).toEqual(base);
  });
});

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
