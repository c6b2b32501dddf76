/**
 * A compact linear text classifier (logistic regression over word unigrams and bigrams of the sender's
 * own words), for what word lists miss: contempt and prejudice said in ordinary words ("she'll be off
 * every time one of them sneezes"), personal mail in everyday language. Pure, ES2016, no dependencies;
 * the weights are data (`policy/data/models/*.ts`), trained by `npm run train:models` on the development
 * set only, with a fixed seed-free deterministic optimiser (full-batch gradient descent from zero).
 */

import { runHash } from "../engine/phrase-set.js";

/** A trained model: feature → weight, a bias, and the probability at or above which it says yes. */
export interface LinearModel {
  readonly label: string;
  readonly bias: number;
  readonly threshold: number;
  /**
   * Below this probability the model is sure enough that the label does not apply to overrule the rules'
   * word lists (chosen by the trainer where no cross-validated positive falls below it); absent: never.
   */
  readonly vetoBelow?: number;
  readonly weights: Readonly<Record<string, number>>;
  /** Where it came from, for the closing note and the invariants test. */
  readonly trainedOn: string;
}

/**
 * A model as its data file ships it: the weights quantised to multiples of `step` and grouped by value,
 * each group a string "<weight in steps>:<feature> <feature> …" (e.g. "-3:sir regards" with step 0.02
 * is sir = regards = -0.06). One number per group instead of one per feature: the weights of 1,000
 * features gzip to about 3.9 kB instead of 4.9 kB, which is what lets them into the send bundle's 60 kB.
 */
export interface PackedLinearModel {
  readonly label: string;
  readonly bias: number;
  readonly threshold: number;
  readonly vetoBelow?: number;
  /** The quantum of every weight. */
  readonly step: number;
  readonly packed: readonly string[];
  readonly trainedOn: string;
}

/**
 * The `LinearModel` a packed one stands for. Throws on a group without its "<steps>:" prefix or with a
 * feature listed twice (a corrupt data file must not load as a quietly different model).
 */
export function unpackModel(model: PackedLinearModel): LinearModel {
  const weights: Record<string, number> = {};
  for (const group of model.packed) {
    const colon = group.indexOf(":");
    const steps = Number(group.slice(0, colon));
    // Shape checks where the models are tested and read from source; the bundles are built with NODE_ENV
    // "production" (addin/build.ts), and the 60 kB send bundle does without them and their messages.
    if (process.env.NODE_ENV !== "production" && (colon <= 0 || !Number.isInteger(steps)))
      throw new Error(`model ${model.label}: bad weight group "${group.slice(0, 20)}"`);
    for (const feature of group.slice(colon + 1).split(" ")) {
      if (feature === "") continue;
      if (process.env.NODE_ENV !== "production" && Object.prototype.hasOwnProperty.call(weights, feature))
        throw new Error(`model ${model.label}: "${feature}" has two weights`);
      // Rounded to the step's decimals: 3 × 0.02 is 0.06, not 0.06000000000000001.
      weights[feature] = Math.round(steps * model.step * 1e6) / 1e6;
    }
  }
  return {
    label: model.label,
    bias: model.bias,
    threshold: model.threshold,
    ...(model.vetoBelow === undefined ? {} : { vetoBelow: model.vetoBelow }),
    weights,
    trainedOn: model.trainedOn,
  };
}

/** The packed form of `weights` (see `PackedLinearModel`): groups in ascending weight, features sorted. */
export function packWeights(weights: ReadonlyMap<string, number>, step: number): string[] {
  const groups = new Map<number, string[]>();
  for (const [feature, weight] of weights) {
    const steps = Math.round(weight / step);
    if (steps === 0) continue;
    const group = groups.get(steps) ?? [];
    group.push(feature);
    groups.set(steps, group);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([steps, features]) => `${steps}:${features.sort().join(" ")}`);
}

const WORD = /[a-z][a-z']*/g;

/**
 * Features of a text: lower-case words (apostrophes kept: "you're"), and adjacent word pairs joined by
 * "_". Each counted once (presence, not frequency): a long email is not more hostile for being long. Only the first
 * MODEL_TEXT_LIMIT characters are read.
 */
export function featuresOf(text: string): string[] {
  const words: string[] = [];
  const lower = text.slice(0, MODEL_TEXT_LIMIT).toLowerCase();
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(lower)) !== null) words.push(match[0]);
  const seen = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    seen.add(words[i] as string);
    if (i + 1 < words.length) seen.add(`${words[i] as string}_${words[i + 1] as string}`);
  }
  return [...seen];
}

/** Features of a text in parts (the subject, the body): each part's features, no pair across parts. */
export function featuresOfParts(parts: readonly string[]): string[] {
  const all = new Set<string>();
  for (const part of parts) for (const feature of featuresOf(part)) all.add(feature);
  return [...all];
}

/** The model's probability for text given in parts: the logistic of bias + the sum of weights present. */
export function probability(model: LinearModel, ...parts: readonly string[]): number {
  return probabilityWith(model, [], ...parts);
}

/**
 * As `probability`, with structural features beside the words (names starting with "@", e.g.
 * "@to:company"): the logistic of bias + the weights of the words present + those of `extra`.
 */
export function probabilityWith(model: LinearModel, extra: readonly string[], ...parts: readonly string[]): number {
  let score = wordScore(compiled(model), model.bias, parts);
  for (const feature of extra) score += model.weights[feature] ?? 0;
  return 1 / (1 + Math.exp(-score));
}

/** A weighted word, or a weighted pair under its second word. */
interface WeightedWord {
  readonly word: string;
  readonly weight: number;
  /** The scoring call that last added this weight (each feature counts once per text). */
  counted: number;
}

/**
 * A model's word weights keyed by the hash of the word (`runHash`): unigrams, and pairs by the hash of
 * their first word, then of their second. Several words may share a hash; each is confirmed in the text.
 */
interface CompiledModel {
  readonly unigrams: Map<number, WeightedWord[]>;
  readonly bigrams: Map<number, { readonly first: string; readonly seconds: Map<number, WeightedWord[]> }[]>;
}

const compiledModels = new Map<LinearModel, CompiledModel>();

/**
 * How much of each part the models read, in characters: 32 KiB, seven times the longest e-mail of the
 * development and held-out sets (4,555 characters), so every draft they were trained and measured on is
 * read whole.
 */
export const MODEL_TEXT_LIMIT = 32_768;

/** Counts `wordScore` calls: the stamp that marks a weight as added in this call. */
let scoringCalls = 0;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function compiled(model: LinearModel): CompiledModel {
  const known = compiledModels.get(model);
  if (known !== undefined) return known;
  const unigrams = new Map<number, WeightedWord[]>();
  const bigrams: CompiledModel["bigrams"] = new Map();
  for (const feature of Object.keys(model.weights)) {
    const weight = model.weights[feature] ?? 0;
    // Structural features ("@to:company") come only through `extra`.
    if (feature.charAt(0) === "@") continue;
    const pair = feature.indexOf("_");
    if (pair === -1) {
      push(unigrams, runHash(feature, 0, feature.length), { word: feature, weight, counted: 0 });
      continue;
    }
    const first = feature.slice(0, pair);
    const second = feature.slice(pair + 1);
    const firstHash = runHash(first, 0, first.length);
    const entries = bigrams.get(firstHash) ?? [];
    let entry = entries.find((candidate) => candidate.first === first);
    if (entry === undefined) {
      entry = { first, seconds: new Map() };
      entries.push(entry);
      bigrams.set(firstHash, entries);
    }
    push(entry.seconds, runHash(second, 0, second.length), { word: second, weight, counted: 0 });
  }
  const made = { unigrams, bigrams };
  compiledModels.set(model, made);
  return made;
}

/** The entry of `entries` whose word is `lower[start, end)`. */
function wordAt(entries: readonly WeightedWord[] | undefined, lower: string, start: number, end: number) {
  if (entries === undefined) return undefined;
  for (const entry of entries)
    if (entry.word.length === end - start && lower.startsWith(entry.word, start)) return entry;
  return undefined;
}

/**
 * `bias` plus the weights of the distinct features of `parts` (as `featuresOfParts` gives them), without
 * building them: a 1 MB body has some 180,000 words and as many pairs, and making a string for each and a
 * set of them all cost more than the rest of the analysis. The words are walked by hand and looked up by
 * hash. Weights are added in the order `featuresOfParts` lists the features (each word, then its pair
 * with the next), after `bias`, so the sum is the same to the last bit.
 */
function wordScore(model: CompiledModel, bias: number, parts: readonly string[]): number {
  // A stamp per call instead of a set of counted entries: a feature counts once per text.
  const call = ++scoringCalls;
  let score = bias;
  for (const part of parts) {
    // The first MODEL_TEXT_LIMIT characters: features are present or not, so past an e-mail's length a
    // text switches most of the vocabulary on and its probability means nothing (and a 1 MB body would cost
    // 9 ms per model for it).
    const lower = (part.length > MODEL_TEXT_LIMIT ? part.slice(0, MODEL_TEXT_LIMIT) : part).toLowerCase();
    const length = lower.length;
    let previousSeconds: Map<number, WeightedWord[]> | undefined;
    let end = 0;
    while (end < length) {
      // A word as `WORD` reads it (a-z, then a-z or "'"), hashed as it is scanned (`runHash` of it): one
      // loop, half the time of finding its end first. Past the end reads 0, not NaN (a double in V8).
      let code = lower.charCodeAt(end);
      if (code < 97 || code > 122) {
        end++;
        continue;
      }
      const start = end;
      let hash = 0x811c9dc5;
      do {
        hash = Math.imul(hash ^ code, 0x01000193);
        end++;
        code = end < length ? lower.charCodeAt(end) : 0;
      } while ((code >= 97 && code <= 122) || code === 39);
      hash &= 0x3fffffff;
      if (previousSeconds !== undefined) {
        const pair = wordAt(previousSeconds.get(hash), lower, start, end);
        if (pair !== undefined && pair.counted !== call) {
          pair.counted = call;
          score += pair.weight;
        }
      }
      const word = wordAt(model.unigrams.get(hash), lower, start, end);
      if (word !== undefined && word.counted !== call) {
        word.counted = call;
        score += word.weight;
      }
      const firsts = model.bigrams.get(hash);
      previousSeconds = undefined;
      if (firsts !== undefined) {
        for (const entry of firsts) {
          if (entry.first.length === end - start && lower.startsWith(entry.first, start))
            previousSeconds = entry.seconds;
        }
      }
    }
  }
  return score;
}

/**
 * How far the words of `text` alone push the model towards its label: the sum of the weights of the
 * words and pairs it holds, without the bias (a logit contribution; positive pushes towards the label).
 * Used to point at the sentences behind a whole-message prediction.
 */
export function evidence(model: LinearModel, text: string): number {
  return wordScore(compiled(model), 0, [text]);
}

export function predicts(model: LinearModel, ...parts: readonly string[]): boolean {
  return probability(model, ...parts) >= model.threshold;
}
