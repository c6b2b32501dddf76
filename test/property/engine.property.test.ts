/**
 * Property tests of the engine on random and adversarial drafts: it never throws (nor does any rule),
 * every span and entity lies inside the text it indexes, and the verdict follows from the findings.
 * PROPERTY_RUNS sets the number of runs (default 2,000; `npm run test:property` runs 100,000).
 * No timing assertions here: speed is measured by `npm run bench`.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeDraft } from "../../policy/engine/analyze.js";
import type { DraftInput } from "../../policy/engine/draft.js";
import { htmlToText } from "../../policy/engine/html-to-text.js";
import type { Analysis } from "../../policy/engine/types.js";
import { loadPolicy } from "../../policy/pack/load.js";
import { PRESET_IDS } from "../../policy/presets/index.js";
import { adversarialDraft, bigDraft } from "./arbitraries.js";

const RUNS = Number(process.env["PROPERTY_RUNS"] ?? 2000);
const packs = PRESET_IDS.map((id) => loadPolicy(id));

function checkInvariants(input: DraftInput, analysis: Analysis, ruleErrors: readonly string[]): void {
  expect(ruleErrors).toEqual([]);
  const subjectLength = (input.subject ?? "").length;
  const body = input.body ?? "";
  const bodyLength = input.bodyType === "html" ? htmlToText(body).length : body.length;
  const attachmentsLength = (input.attachments ?? []).map((file) => file.name).join("\n").length;
  const lengthOf = (location: string): number | undefined =>
    location === "subject"
      ? subjectLength
      : location === "body"
        ? bodyLength
        : location === "attachments"
          ? attachmentsLength
          : undefined;
  for (const finding of analysis.findings) {
    const length = lengthOf(finding.location);
    for (const span of finding.spans ?? []) {
      expect(span.start, finding.rule).toBeGreaterThanOrEqual(0);
      expect(span.end, finding.rule).toBeGreaterThanOrEqual(span.start);
      if (length !== undefined)
        expect(span.end, `${finding.rule} span in ${finding.location}`).toBeLessThanOrEqual(length);
    }
    expect(finding.message.length).toBeGreaterThan(0);
  }
  for (const entity of analysis.personalData) {
    const length = lengthOf(entity.location) ?? 0;
    expect(entity.start).toBeGreaterThanOrEqual(0);
    expect(entity.end).toBeGreaterThan(entity.start);
    expect(entity.end, `${entity.type} in ${entity.location}`).toBeLessThanOrEqual(length);
    expect(entity.confidence).toBeGreaterThanOrEqual(0);
    expect(entity.confidence).toBeLessThanOrEqual(1);
  }
  const severities = new Set(analysis.findings.map((finding) => finding.severity));
  if (severities.has("block")) expect(analysis.verdict).toBe("block");
  else if (severities.has("nudge")) expect(analysis.verdict).toBe("nudge");
  else if (severities.size === 0) expect(analysis.verdict).toBe("ok");
  else expect(["ok", "nudge"]).toContain(analysis.verdict); // info only: see test/property/README.md
}

function analyse(input: DraftInput, packIndex: number) {
  const ruleErrors: string[] = [];
  const pack = packs[packIndex % packs.length];
  if (!pack) throw new Error("no pack");
  const analysis = analyzeDraft(input, pack, {
    onRuleError: (rule, error) => ruleErrors.push(`${rule}: ${String(error)}`),
  });
  return { analysis, ruleErrors };
}

describe("engine properties", () => {
  it(`holds on ${RUNS} random and adversarial drafts`, () => {
    fc.assert(
      fc.property(adversarialDraft, fc.nat(), (input, packIndex) => {
        const { analysis, ruleErrors } = analyse(input, packIndex);
        checkInvariants(input, analysis, ruleErrors);
      }),
      { numRuns: RUNS, seed: process.env["PROPERTY_SEED"] ? Number(process.env["PROPERTY_SEED"]) : undefined },
    );
  }, 600_000);

  it("holds on a few bodies up to 1 MB", () => {
    fc.assert(
      fc.property(bigDraft, fc.nat(), (input, packIndex) => {
        const { analysis, ruleErrors } = analyse(input, packIndex);
        checkInvariants(input, analysis, ruleErrors);
      }),
      { numRuns: Math.max(3, Math.min(20, Math.floor(RUNS / 1000))) },
    );
  }, 600_000);

  it("is deterministic and does not mutate its input", () => {
    fc.assert(
      fc.property(adversarialDraft, fc.nat(), (input, packIndex) => {
        const before = JSON.stringify(input);
        const first = analyse(input, packIndex).analysis;
        const second = analyse(input, packIndex).analysis;
        expect(JSON.stringify(input)).toBe(before);
        expect(second).toEqual(first);
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 20)) },
    );
  }, 600_000);
});
