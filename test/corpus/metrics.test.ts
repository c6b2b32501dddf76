import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../../policy/engine/types.js";
import { CORPUS_PATH, computeMetrics, formatTable, readCorpus, writeResults } from "./metrics.js";
import { generateCorpus } from "./generate.js";

const entries = readCorpus();

describe("labelled corpus", () => {
  it("is the committed output of the seeded generator", () => {
    const regenerated = generateCorpus()
      .map((entry) => JSON.stringify(entry))
      .join("\n");
    expect(readFileSync(CORPUS_PATH, "utf8").trim()).toBe(regenerated);
  });

  it("is big enough, a third hard negatives, with positives for every category", () => {
    expect(entries.length).toBeGreaterThanOrEqual(320);
    const negatives = entries.filter((entry) => entry.expect.categories.length === 0);
    expect(negatives.length * 3).toBeGreaterThanOrEqual(entries.length);
    for (const category of CATEGORIES) {
      expect(entries.some((entry) => entry.expect.categories.includes(category)), category).toBe(true);
    }
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
  });
});

describe("engine on the corpus", () => {
  const metrics = computeMetrics(entries);
  writeResults(metrics);
  console.log(formatTable(metrics));

  const failing = (name: string, score: { errors: { id: string; kind: string; detail: string }[] }) =>
    `${name}: ${score.errors
      .slice(0, 15)
      .map((error) => `${error.kind} ${error.id} (${error.detail})`)
      .join("; ")}`;

  it("no rule throws on any corpus draft", () => {
    expect(metrics.ruleErrors).toEqual([]);
  });

  it("personal-data precision ≥ 0.93 and recall ≥ 0.97", () => {
    const score = metrics.categories["personal-data"];
    expect(score, "personal-data").toBeDefined();
    if (!score) return;
    expect(score.precision, failing("personal-data", score)).toBeGreaterThanOrEqual(0.93);
    expect(score.recall, failing("personal-data", score)).toBeGreaterThanOrEqual(0.97);
  });

  it.each([
    ["tone", 0.85],
    ["shouting", 0.95],
  ])("%s F1 ≥ %s", (category, threshold) => {
    const score = metrics.categories[category];
    expect(score).toBeDefined();
    if (!score) return;
    expect(score.f1, failing(category, score)).toBeGreaterThanOrEqual(threshold);
  });
});
