/**
 * Text as detectors need it: one view of a string, folded for matching, whose every offset maps back to
 * the original so the task pane highlights the right characters.
 *
 * Folding (per code point, linear): NFKC (full-width digits "０", mathematical letters "𝐀", ligatures);
 * U+00A0, U+202F and the other Unicode spaces become " "; zero-width characters (U+200B–U+200D, U+2060,
 * U+FEFF) and the soft hyphen (U+00AD) are removed; hyphens and dashes U+2010–U+2015 and U+2212 become
 * "-"; curly quotes become straight; common Cyrillic and Greek look-alikes of Latin letters become those
 * letters (Unicode's confusables.txt, the subset that occurs in Latin-script spoofing). ES2016-safe.
 */

/** A folded string and, for each of its offsets 0…length, the offset in the source it came from. */
export interface TextView {
  /** The folded text detectors and rules read. */
  readonly text: string;
  /** `text` in lower case (same length: folding has already made it ASCII-like where it matters). */
  readonly lower: string;
  /** Source offset of a folded offset; `toSource(text.length)` is the source length. */
  readonly toSource: (offset: number) => number;
  /**
   * Source offset of a span's folded end: at least one past the source offset the span's last folded
   * character came from. One source character may fold to several ("㎯" → "rad∕s2"): a span ending
   * inside them still takes that character, never an empty span.
   */
  readonly toSourceEnd: (offset: number) => number;
  /** Folded offset of a source offset (the first folded character at or after it). */
  readonly fromSource: (offset: number) => number;
}

const REMOVED = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad]);
const SPACES = new Set([0x00a0, 0x1680, 0x202f, 0x205f, 0x3000]);
/** Cyrillic and Greek letters that render like Latin ones (from Unicode confusables.txt). */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  а: "a",
  в: "B",
  е: "e",
  к: "k",
  м: "M",
  н: "H",
  о: "o",
  р: "p",
  с: "c",
  т: "T",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  Х: "X",
  І: "I",
  Ј: "J",
  Ѕ: "S",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Υ: "Y",
  Χ: "X",
  ο: "o",
  ν: "v",
};

function foldCodePoint(code: number, char: string): string {
  if (REMOVED.has(code)) return "";
  if (SPACES.has(code) || (code >= 0x2000 && code <= 0x200a)) return " ";
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return "-";
  if (code === 0x2018 || code === 0x2019 || code === 0x201b || code === 0x2032) return "'";
  if (code === 0x201c || code === 0x201d || code === 0x201f || code === 0x2033) return '"';
  const alike = LOOK_ALIKES[char];
  if (alike !== undefined) return alike;
  const folded = char.normalize("NFKC");
  // NFKC may yield several characters ("ﬁ" → "fi"); a compatibility space becomes " " above already.
  return folded;
}

/** Anything outside printable ASCII plus tab/newline/carriage return needs the slow path. */
const NEEDS_FOLDING = /[^\t\n\r\x20-\x7e]/;

/** Folds `source` for matching; identity (and no offset table) when it is plain ASCII already. */
export function foldForMatching(source: string): TextView {
  if (!NEEDS_FOLDING.test(source)) {
    const lower = source.toLowerCase();
    const identity = (offset: number) => offset;
    return { text: source, lower, toSource: identity, toSourceEnd: identity, fromSource: identity };
  }
  const parts: string[] = [];
  // toSourceTable[i] = source offset of folded offset i; one extra entry for the end.
  const toSourceTable: number[] = [];
  let index = 0;
  while (index < source.length) {
    const code = source.codePointAt(index) ?? 0;
    const width = code > 0xffff ? 2 : 1;
    const char = width === 2 ? source.slice(index, index + 2) : source.charAt(index);
    const folded = code < 0x80 ? char : foldCodePoint(code, char);
    for (let k = 0; k < folded.length; k++) toSourceTable.push(index);
    parts.push(folded);
    index += width;
  }
  toSourceTable.push(source.length);
  const text = parts.join("");
  // Stryker disable next-line ArithmeticOperator: one past the last entry is undefined, and `?? source.length` gives the last entry's value (source.length)
  const toSource = (offset: number) =>
    toSourceTable[Math.max(0, Math.min(offset, toSourceTable.length - 1))] ?? source.length;
  return {
    text,
    lower: lowerCaseKeepingLength(text),
    toSource,
    // At least one past the source offset the last folded character came from: "㎯" folds to "rad∕s2", and
    // a span ending inside those six takes the "㎯" whole, never an empty span. (An astral character that
    // folds to several, such as the enclosed "🄐" to "(A)", would be cut in its surrogate pair: rare enough
    // that the send bundle's bytes went elsewhere.)
    toSourceEnd: (offset) => (offset <= 0 ? 0 : Math.max(toSource(offset), toSource(offset - 1) + 1)),
    fromSource: (offset) => firstAtOrAfter(toSourceTable, offset),
  };
}

/**
 * `text` in lower case, the same length: lower-casing may lengthen a few letters ("İ" → "i̇"), which are
 * left as they are so that every offset into the lower-case copy is one into `text`.
 */
export function lowerCaseKeepingLength(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    const folded = char.toLowerCase();
    out += folded.length === 1 ? folded : char;
  }
  return out;
}

function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
