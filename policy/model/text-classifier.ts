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
  readonly weights: Readonly<Record<string, number>>;
  /** Where it came from, for the closing note and the invariants test. */
  readonly trainedOn: string;
}

const WORD = /[a-z][a-z']*/g;

/**
 * Features of a text: lower-case words (apostrophes kept: "you're"), and adjacent word pairs joined by
 * "_". Each counted once (presence, not frequency): a long email is not more hostile for being long.
 */
export function featuresOf(text: string): string[] {
  const words: string[] = [];
  const lower = text.toLowerCase();
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = WORD.exec(lower)) !== null) words.push(match[0]);
  const seen = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    seen.add(words[i] ?? "");
    if (i + 1 < words.length) seen.add(`${words[i] ?? ""}_${words[i + 1] ?? ""}`);
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
      push(unigrams, runHash(feature, 0, feature.length), { word: feature, weight });
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
    push(entry.seconds, runHash(second, 0, second.length), { word: second, weight });
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

/** A word's letters: a-z, and after its first letter also the apostrophe ("you're"), as `WORD` reads them. */
function isWordLetter(code: number, first: boolean): boolean {
  return (code >= 97 && code <= 122) || (!first && code === 39);
}

/**
 * `bias` plus the weights of the distinct features of `parts` (as `featuresOfParts` gives them), without
 * building them: a 1 MB body has some 180,000 words and as many pairs, and making a string for each and a
 * set of them all cost more than the rest of the analysis. The words are walked by hand and looked up by
 * hash. Weights are added in the order `featuresOfParts` lists the features (each word, then its pair
 * with the next), after `bias`, so the sum is the same to the last bit.
 */
function wordScore(model: CompiledModel, bias: number, parts: readonly string[]): number {
  const counted = new Set<WeightedWord>();
  let score = bias;
  const add = (entry: WeightedWord | undefined) => {
    if (entry === undefined || counted.has(entry)) return;
    counted.add(entry);
    score += entry.weight;
  };
  for (const part of parts) {
    const lower = part.toLowerCase();
    let previousSeconds: Map<number, WeightedWord[]> | undefined;
    let at = 0;
    while (at < lower.length) {
      if (!isWordLetter(lower.charCodeAt(at), true)) {
        at++;
        continue;
      }
      const start = at;
      at++;
      while (isWordLetter(lower.charCodeAt(at), false)) at++;
      const hash = runHash(lower, start, at);
      if (previousSeconds !== undefined) add(wordAt(previousSeconds.get(hash), lower, start, at));
      add(wordAt(model.unigrams.get(hash), lower, start, at));
      const firsts = model.bigrams.get(hash);
      previousSeconds = undefined;
      if (firsts !== undefined) {
        for (const entry of firsts) {
          if (entry.first.length === at - start && lower.startsWith(entry.first, start))
            previousSeconds = entry.seconds;
        }
      }
    }
  }
  return score;
}

export function predicts(model: LinearModel, ...parts: readonly string[]): boolean {
  return probability(model, ...parts) >= model.threshold;
}
