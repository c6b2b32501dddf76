/**
 * Many literal phrases found in one text in time proportional to the text plus the candidate matches,
 * not to text × phrases.
 *
 * Why not one regex: a `\b(?:p1|p2|…|p400)\b` alternation is what the rules used, and V8's irregexp tries
 * every alternative at every word boundary, so a 1 MB draft cost ~35 ms per phrase list (the hostile
 * wording and personal-use lists were a third of the engine's time on large bodies). Here every text is
 * cut once into ASCII word runs (the regex's `\w`), indexed by a hash of each run in lower case. Each
 * phrase is anchored on its rarest-looking word (the longest that is not a common function word: "quote"
 * in "we accept your quote", not "we"), and a phrase list only looks where its anchors occur; the words
 * before the anchor are matched backwards by hand and the rest forwards by a sticky regex.
 *
 * Semantics: those of a global, case-insensitive regex `(?:p1|p2|…)` scanned left to right without
 * overlaps, alternatives tried in list order at a position, each phrase's spaces as `\s+` and each
 * phrase edge that is a word character bounded so it does not run on into a longer word (`\b` there; a
 * symbol edge, as in "£5 to enter", needs nothing). `phrase-set.test.ts` checks this against such a
 * regex on random texts. ES2016-safe (the send-time runtime): no lookbehind, no named groups.
 */

/** A match: offsets into the searched text, `text` as written there. */
export interface PhraseMatch {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Function words too common to anchor on when a phrase has another word. */
const COMMON_WORDS = new Set(
  (
    "a an the and or but if of to in on at by for from with as is are was were be been being am do does did " +
    "i me my we us our you your he him his she her it its they them their this that these those there here " +
    "not no so too very just all any some up out off over can will would could should shall may might must " +
    "have has had get got go going s t ll re ve d m what who how when where why which than then"
  ).split(" "),
);

/** An ASCII letter, either case (A–Z, a–z): the words the detectors and rules walk by hand. */
export function isAsciiLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** JavaScript's `\s`: what a space in a phrase matches. */
function isSpaceCode(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * FNV-1a of `lower[start, end)`, a run of a text already in lower case (a phrase's anchor, a word of a
 * body's lower-case copy), as `buildIndex` hashes a text's runs folded to lower case: a word's key without
 * slicing it out of a large text. Kept to 30 bits so V8 holds it as a small integer (a 32-bit value is a
 * boxed heap number, allocated per word). A collision only costs the caller a failed confirm.
 */
export function runHash(lower: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ lower.charCodeAt(at), 0x01000193);
  return hash & 0x3fffffff;
}

/** Positions of the word runs of one text, by the hash of the run in lower case. */
type WordIndex = Map<number, number[]>;

function buildIndex(text: string): WordIndex {
  const index: WordIndex = new Map();
  const length = text.length;
  let at = 0;
  while (at < length) {
    if (!isWordCode(text.charCodeAt(at))) {
      at++;
      continue;
    }
    const start = at;
    let hash = 0x811c9dc5;
    do {
      let code = text.charCodeAt(at);
      if (code >= 65 && code <= 90) code += 32;
      hash = Math.imul(hash ^ code, 0x01000193);
      at++;
    } while (at < length && isWordCode(text.charCodeAt(at)));
    const key = hash & 0x3fffffff;
    const positions = index.get(key);
    if (positions === undefined) index.set(key, [start]);
    else positions.push(start);
  }
  return index;
}

/**
 * The last few texts' indexes: the rules search the same views (the body, the sender's own words, their
 * lower-case copies) with a dozen phrase lists each. Keyed by the string itself; a handful of entries so
 * a large body is not kept alive long after its analysis.
 */
const CACHE_SIZE = 8;
const cache = new Map<string, WordIndex>();
let lastSmall: { readonly text: string; readonly index: WordIndex } | undefined;

function indexFor(text: string): WordIndex {
  // Texts under 32 kB (a subject, an everyday body) are kept one at a time: the rules search the same
  // text with several lists in a row. Kept eight at a time, they outlived V8's young-generation
  // collections, were copied to the old generation, and each young collection took some 7 ms instead of
  // under 1 (npm run bench: a 5 kB draft's p99 10 ms, against 2-3 ms now). A large body's indexes are
  // worth keeping longer: the rules come back to it between other texts.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: caching or not only changes the cost; an index is always the text's own (keyed by the string)
  if (text.length < 32768) {
    if (lastSmall === undefined || lastSmall.text !== text) lastSmall = { text, index: buildIndex(text) };
    return lastSmall.index;
  }
  const known = cache.get(text);
  if (known !== undefined) return known;
  const built = buildIndex(text);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: evicting sooner, later or never only changes memory held; every answer is the text's own index
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next();
    // Stryker disable next-line ConditionalExpression,EqualityOperator,BooleanLiteral: the cache is full here, so there is an oldest key; deleting undefined or not deleting only changes memory held
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(text, built);
  return built;
}

/** `phrase` as regex source: its symbols literal, each space a run of whitespace (`\s+`). */
export function phraseSource(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
}

/** One phrase, split at its anchor word. */
interface Entry {
  /** Position in the list: at one start, the earlier phrase wins (as in a regex alternation). */
  readonly order: number;
  /** The phrase before the anchor, lower case, matched backwards from the anchor. */
  readonly before: string;
  /** Does the phrase start with a word character (then the text must not continue a word there)? */
  readonly wordStart: boolean;
  /** The anchor and the rest, sticky and case-insensitive, with `\b` after a final word character. */
  readonly rest: RegExp;
}

/** The phrase's word runs as [start, end) pairs. */
function wordRuns(phrase: string): [number, number][] {
  const runs: [number, number][] = [];
  let at = 0;
  while (at < phrase.length) {
    if (!isWordCode(phrase.charCodeAt(at))) {
      at++;
      continue;
    }
    const start = at;
    while (at < phrase.length && isWordCode(phrase.charCodeAt(at))) at++;
    runs.push([start, at]);
  }
  return runs;
}

/** Where the text would start if `before` ends at `end`, or -1: spaces in `before` match runs of `\s`. */
function matchBackwards(text: string, end: number, before: string): number {
  let at = end - 1;
  for (let index = before.length - 1; index >= 0; index--) {
    const wanted = before.charCodeAt(index);
    if (wanted === 32) {
      if (at < 0 || !isSpaceCode(text.charCodeAt(at))) return -1;
      while (at >= 0 && isSpaceCode(text.charCodeAt(at))) at--;
      continue;
    }
    if (at < 0) return -1;
    let code = text.charCodeAt(at);
    if (code >= 65 && code <= 90) code += 32;
    else if (code > 127) code = String.fromCharCode(code).toLowerCase().charCodeAt(0);
    if (code !== wanted) return -1;
    at--;
  }
  return at + 1;
}

/** A compiled list of literal, case-insensitive, word-bounded phrases (spaces match any whitespace). */
export class PhraseSet {
  /** Anchor word hash → the phrases anchored on it. */
  private readonly byAnchor = new Map<number, Entry[]>();

  /**
   * @param phrases literal phrases in priority order; a space stands for one or more whitespace characters.
   * @throws Error if a phrase has no ASCII word character ([A-Za-z0-9_]), or has a leading, trailing or
   *   double space (a space is a run of whitespace; two in a row would never match).
   */
  constructor(readonly phrases: readonly string[]) {
    phrases.forEach((phrase, order) => {
      const runs = wordRuns(phrase);
      // Checked where the lists are tested and read from source; the bundles are built with NODE_ENV
      // "production" (addin/build.ts), and the 60 kB send bundle does without the check and its message.
      if (process.env.NODE_ENV !== "production" && (runs.length === 0 || /^\s|\s$|\s\s/.test(phrase))) {
        throw new Error(`phrase "${phrase}" has no word to anchor it, or a leading, trailing or double space`);
      }
      const lower = phrase.toLowerCase();
      let anchor = runs[0] as [number, number];
      // Stryker disable next-line UnaryOperator: every rank is at least 1 (a word has a letter), so a start of +1 picks the same first anchor, runs[0]
      let best = -1;
      for (const run of runs) {
        const word = lower.slice(run[0], run[1]);
        const rank = (COMMON_WORDS.has(word) ? 0 : 1000) + word.length;
        if (rank > best) {
          best = rank;
          anchor = run;
        }
      }
      const hash = runHash(lower, anchor[0], anchor[1]);
      const after = phrase.slice(anchor[0]);
      const entry: Entry = {
        order,
        before: lower.slice(0, anchor[0]),
        wordStart: isWordCode(phrase.charCodeAt(0)),
        rest: new RegExp(phraseSource(after) + (isWordCode(phrase.charCodeAt(phrase.length - 1)) ? "\\b" : ""), "iy"),
      };
      const entries = this.byAnchor.get(hash);
      if (entries === undefined) this.byAnchor.set(hash, [entry]);
      else entries.push(entry);
    });
  }

  /** Every match in `text`, left to right, none overlapping (as a global regex's exec loop finds them). */
  findAll(text: string): PhraseMatch[] {
    const index = indexFor(text);
    const matches: { start: number; end: number; order: number }[] = [];
    for (const [hash, entries] of this.byAnchor) {
      const positions = index.get(hash);
      if (positions === undefined) continue;
      for (const position of positions) {
        for (const entry of entries) {
          const start = entry.before.length === 0 ? position : matchBackwards(text, position, entry.before);
          if (start < 0) continue;
          if (entry.wordStart && start > 0 && isWordCode(text.charCodeAt(start - 1))) continue;
          // `test`, not `exec`: a sticky regex's `lastIndex` is where the match ended, and no match array
          // is allocated per candidate (on a large body, most of what this search allocated).
          entry.rest.lastIndex = position;
          if (!entry.rest.test(text)) continue;
          matches.push({ start, end: entry.rest.lastIndex, order: entry.order });
        }
      }
    }
    if (matches.length === 0) return [];
    matches.sort((a, b) => a.start - b.start || a.order - b.order);
    const result: PhraseMatch[] = [];
    let from = 0;
    for (const match of matches) {
      if (match.start < from) continue;
      result.push({ start: match.start, end: match.end, text: text.slice(match.start, match.end) });
      from = match.end;
    }
    return result;
  }
}
