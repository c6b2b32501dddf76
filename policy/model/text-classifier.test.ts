import { describe, expect, it } from "vitest";
import { personalUseModel } from "../data/models/personal-use.js";
import { toneModel } from "../data/models/tone.js";
import { featuresOf, predicts, probability, type LinearModel } from "./text-classifier.js";

describe("featuresOf", () => {
  it("gives lower-case words and adjacent pairs, each once", () => {
    expect(featuresOf("You're useless. You're USELESS!").sort()).toEqual(
      ["you're", "useless", "you're_useless", "useless_you're"].sort(),
    );
  });
  it("gives nothing for text without letters", () => {
    expect(featuresOf("12 34 !!!")).toEqual([]);
  });
});

describe("probability", () => {
  // A hand-made model: the logistic of bias + weights, worked by hand: "bad word" is -1 + 3 - 2 = 0 → 0.5.
  const model: LinearModel = {
    label: "t",
    bias: -1,
    threshold: 0.6,
    weights: { bad: 3, bad_word: -2 },
    trainedOn: "test",
  };
  it.each([
    ["", 1 / (1 + Math.E)],
    ["bad", 1 / (1 + Math.exp(-2))],
    ["bad word", 0.5],
  ])("%j → %f", (text, expected) => {
    expect(probability(model, text)).toBeCloseTo(expected, 10);
  });
  it("says yes at or above the threshold only", () => {
    expect(predicts(model, "bad")).toBe(true);
    expect(predicts(model, "bad word")).toBe(false);
  });
});

describe("shipped models (invariants)", () => {
  it.each([
    ["tone", toneModel],
    ["personal-use", personalUseModel],
  ])("%s: trained on the development set only, finite weights, a usable threshold, compact", (label, model) => {
    expect(model.label).toBe(label);
    expect(model.trainedOn).toMatch(/^development set/);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
    const weights = Object.values(model.weights);
    expect(weights.length).toBeGreaterThan(100);
    expect(weights.length).toBeLessThanOrEqual(1500);
    expect(weights.every((weight) => Number.isFinite(weight))).toBe(true);
  });
});
