import { describe, expect, it } from "vitest";
import { personalUseModel } from "../data/models/personal-use.js";
import { toneModel } from "../data/models/tone.js";
import fc from "fast-check";
import {
  featuresOf,
  featuresOfParts,
  MODEL_TEXT_LIMIT,
  predicts,
  probability,
  probabilityWith,
  type LinearModel,
  packWeights,
  unpackModel,
} from "./text-classifier.js";

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

describe("probabilityWith reads the words without building every feature", () => {
  // The straightforward reading it must equal to the last bit: every feature of every part, once, in
  // order, added to the bias (what the trainer scores), then the structural features.
  const plainly = (model: LinearModel, extra: readonly string[], parts: readonly string[]) => {
    let score = model.bias;
    for (const feature of featuresOfParts(parts)) score += model.weights[feature] ?? 0;
    for (const feature of extra) score += model.weights[feature] ?? 0;
    return 1 / (1 + Math.exp(-score));
  };
  const words = [...Object.keys(toneModel.weights), ...Object.keys(personalUseModel.weights)]
    .flatMap((feature) => feature.split("_"))
    .filter((word) => !word.startsWith("@"));
  const text = fc
    .array(fc.oneof(fc.constantFrom(...words), fc.constantFrom(" ", ". ", "\n", "'", "_", "A", "É", "!!")), {
      maxLength: 60,
    })
    .map((pieces) => pieces.join(" "));

  it("gives exactly the plain reading's probability on 2,000 texts made of the models' own words", () => {
    fc.assert(
      fc.property(text, text, (subject, body) => {
        for (const model of [toneModel, personalUseModel]) {
          const extra = model === personalUseModel ? ["@to:company", "@short"] : [];
          expect(probabilityWith(model, extra, subject, body)).toBe(plainly(model, extra, [subject, body]));
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it("counts a word or pair once across parts and no pair across the subject and body", () => {
    const model: LinearModel = {
      label: "t",
      bias: 0,
      threshold: 0.5,
      weights: { car: 1, for_sale: 2, car_for: 4 },
      trainedOn: "test",
    };
    // car (1) + for_sale (2), each once; "car" ends the subject and "for" starts the body: no car_for.
    expect(probabilityWith(model, [], "Car car", "for sale, car")).toBe(1 / (1 + Math.exp(-3)));
  });
});

describe("a text longer than an e-mail", () => {
  it("is read for its first MODEL_TEXT_LIMIT characters, by the models and by the trainer alike", () => {
    const head = "you are useless and a joke. ".repeat(Math.ceil(MODEL_TEXT_LIMIT / 28)).slice(0, MODEL_TEXT_LIMIT);
    const long = `${head} thank you so much, lovely to see you all`;
    expect(probability(toneModel, long)).toBe(probability(toneModel, head));
    expect(featuresOf(long)).toEqual(featuresOf(head));
    // Below the limit every word counts.
    expect(probability(toneModel, "thank you so much")).not.toBe(probability(toneModel, "thank you"));
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

describe("packed models (the data files' form)", () => {
  const packed = (groups: readonly string[]) => ({
    label: "t",
    bias: 0.5,
    threshold: 0.7,
    step: 0.02,
    packed: groups,
    trainedOn: "test",
  });

  it.each([
    // Worked by hand: 0.061 is 3.05 steps → 3; -0.1 is -5 steps; 0.009 rounds to no step and is dropped.
    [
      [
        ["a", 0.061],
        ["b", 0.06],
        ["c", -0.1],
        ["d", 0.009],
      ],
      ["-5:c", "3:a b"],
    ],
    [
      [
        ["zeta", 0.2],
        ["@to:company", 0.2],
        ["alpha_beta", -0.02],
      ],
      ["-1:alpha_beta", "10:@to:company zeta"],
    ],
  ] as const)("packs %j as %j", (weights, groups) => {
    expect(packWeights(new Map(weights), 0.02)).toEqual(groups);
  });

  it("unpacks each group's features at its weight, with the other fields as they are", () => {
    expect(unpackModel(packed(["-5:c", "3:a b"]))).toEqual({
      label: "t",
      bias: 0.5,
      threshold: 0.7,
      weights: { c: -0.1, a: 0.06, b: 0.06 },
      trainedOn: "test",
    });
  });

  it("keeps a veto when the data file gives one, and adds none when it does not", () => {
    expect(unpackModel({ ...packed(["1:a"]), vetoBelow: 0.05 }).vetoBelow).toBe(0.05);
    expect("vetoBelow" in unpackModel(packed(["1:a"]))).toBe(false);
  });

  it.each([
    ["a group without its weight", ["a b"]],
    ["a weight that is not a whole number of steps", ["1.5:a"]],
    ["an empty weight", [":a"]],
    ["a feature listed twice", ["1:a", "2:a"]],
  ])("refuses %s", (_what, groups) => {
    expect(() => unpackModel(packed(groups))).toThrow(/model t/);
  });

  it("the shipped models are their packed data, weights on whole steps", () => {
    // Each model's step, as its data file gives it (scripts/train-models.ts, WEIGHT_STEP).
    for (const [model, step] of [
      [toneModel, 0.02],
      [personalUseModel, 0.05],
    ] as const)
      for (const weight of Object.values(model.weights))
        expect(Math.abs(weight / step - Math.round(weight / step))).toBeLessThan(1e-6);
  });
});
