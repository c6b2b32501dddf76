/**
 * A compact linear text classifier (logistic regression over word unigrams and bigrams of the sender's
 * own words), for what word lists miss: contempt and prejudice said in ordinary words ("she'll be off
 * every time one of them sneezes"), personal mail in everyday language. Pure, ES2016, no dependencies;
 * the weights are data (`policy/data/models/*.ts`), trained by `npm run train:models` on the development
 * set only, with a fixed seed-free deterministic optimiser (full-batch gradient descent from zero).
 */

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

/**
 * Features of a text in parts (the subject, the body): each part's features, no pair across parts. The
 * last few parts' features are remembered, so two models reading the same body tokenise it once.
 */
const recent = new Map<string, readonly string[]>();
export function featuresOfParts(parts: readonly string[]): string[] {
  const all = new Set<string>();
  for (const part of parts) {
    let features = recent.get(part);
    if (features === undefined) {
      features = featuresOf(part);
      if (recent.size >= 4) recent.delete(recent.keys().next().value ?? "");
      recent.set(part, features);
    }
    for (const feature of features) all.add(feature);
  }
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
  let score = model.bias;
  for (const feature of featuresOfParts(parts)) score += model.weights[feature] ?? 0;
  for (const feature of extra) score += model.weights[feature] ?? 0;
  return 1 / (1 + Math.exp(-score));
}

export function predicts(model: LinearModel, ...parts: readonly string[]): boolean {
  return probability(model, ...parts) >= model.threshold;
}
