import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENCRYPT_WORTHY_TYPES } from "../../policy/rules/personal-data/sensitive.js";
import { computeMetrics, formatTable, readCorpus, writeResults } from "./metrics.js";
import { PERSONAL_DATA_CORPUS_PATH, generatePersonalDataCorpus } from "./generate-personal-data.js";

/**
 * The personal-data corpus (personal-data.jsonl, written by generate-personal-data.ts): the detectors
 * and the personal-data rules scored per category and per entity type. Same format and scoring as
 * drafts.jsonl (metrics.ts); figures land in test-results/personal-data-metrics.json.
 */
const entries = readCorpus(PERSONAL_DATA_CORPUS_PATH);
const PERSONAL_DATA_RESULTS_PATH = join(
  dirname(PERSONAL_DATA_CORPUS_PATH),
  "..",
  "..",
  "test-results",
  "personal-data-metrics.json",
);

describe("personal-data corpus", () => {
  it("is the committed output of the seeded generator", () => {
    const regenerated = generatePersonalDataCorpus()
      .map((entry) => JSON.stringify(entry))
      .join("\n");
    expect(readFileSync(PERSONAL_DATA_CORPUS_PATH, "utf8").trim()).toBe(regenerated);
  });

  it("has at least 150 drafts, a third hard negatives, unique ids, and positives for every entity type", () => {
    expect(entries.length).toBeGreaterThanOrEqual(150);
    const negatives = entries.filter((entry) => (entry.expect.entities ?? []).length === 0);
    expect(negatives.length * 3).toBeGreaterThanOrEqual(entries.length);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
    for (const type of ENCRYPT_WORTHY_TYPES) {
      expect(entries.some((entry) => (entry.expect.entities ?? []).some((entity) => entity.type === type)), type).toBe(
        true,
      );
    }
  });
});

describe("detectors and personal-data rules on the corpus", () => {
  const metrics = computeMetrics(entries);
  writeResults(metrics, PERSONAL_DATA_RESULTS_PATH);
  console.log(formatTable(metrics));

  const failing = (score: { errors: { id: string; kind: string; detail: string }[] }) =>
    score.errors
      .slice(0, 10)
      .map((error) => `${error.kind} ${error.id} (${error.detail})`)
      .join("; ");

  it("no rule throws", () => {
    expect(metrics.ruleErrors).toEqual([]);
  });

  it.each(["personal-data", "personal-data-in-subject"])("%s: precision ≥ 0.93 and recall ≥ 0.97", (category) => {
    const score = metrics.categories[category];
    if (!score) throw new Error(`no score for ${category}`);
    expect(score.precision, failing(score)).toBeGreaterThanOrEqual(0.93);
    expect(score.recall, failing(score)).toBeGreaterThanOrEqual(0.97);
  });

  it.each([...ENCRYPT_WORTHY_TYPES])("entity %s: precision ≥ 0.93 and recall ≥ 0.9", (type) => {
    const score = metrics.entities[type];
    if (!score) throw new Error(`no score for ${type}`);
    expect(score.precision, failing(score)).toBeGreaterThanOrEqual(0.93);
    // A ten-digit number passing mod 11 with no health context is not reported (issue 11, case 01): the
    // generator's context-free NHS numbers are the misses this threshold allows for.
    expect(score.recall, failing(score)).toBeGreaterThanOrEqual(type === "nhs-number" ? 0.75 : 0.9);
  });
});
