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
  // toSourceTable[i] = source offset of folded offset i; one extra entry for the end. A typed array, grown
  // only when a character folds to several; plain ASCII runs are copied whole, so a body that is mostly
  // ASCII (or every fourth character a zero-width space) costs a table write per character, not a string.
  let table = new Int32Array(source.length + 8);
  let length = 0;
  let text = "";
  let runStart = 0;
  let index = 0;
  // Stryker disable next-line EqualityOperator: at index === length the code is NaN, the folding is "" and the loop ends the same
  while (index < source.length) {
    const code = source.charCodeAt(index);
    // The fast path for printable ASCII, tab and line ends, which fold to themselves below as well: a mutant
    // that narrows or widens it changes the speed, not the text or the table.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator,BlockStatement: see above
    if (code < 0x7f && (code > 0x1f || code === 9 || code === 10 || code === 13)) {
      table[length++] = index++;
      continue;
    }
    const point = source.codePointAt(index) as number;
    const width = point > 0xffff ? 2 : 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: an ASCII control character folds to itself either way
    const folded = code < 0x80 ? source.charAt(index) : foldCodePoint(point, source.slice(index, index + width));
    // Room for this character's folding and one entry for each source character after it (and the end). At
    // equality the table is exactly full at the end, so ">" would do as well; growing more often or by
    // less than twice changes the memory, not the result.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: see above
    if (length + folded.length + source.length - index >= table.length) {
      // Stryker disable next-line ArithmeticOperator: see above
      const grown = new Int32Array(table.length * 2 + folded.length);
      grown.set(table);
      table = grown;
    }
    for (let k = 0; k < folded.length; k++) table[length++] = index;
    text += source.slice(runStart, index) + folded;
    index += width;
    runStart = index;
  }
  text += source.slice(runStart);
  table[length] = source.length;
  const toSourceTable = table.subarray(0, length + 1);
  const toSource = (offset: number) => toSourceTable[Math.max(0, Math.min(offset, length))] as number;
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

function firstAtOrAfter(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The reply and forward prefixes mail programs put before a subject, one or more ("RE: FW: ", "Re[2]: ",
 * the German "AW:" and "WG:", the French "TR:", the Spanish "RV:", the Scandinavian "SV:" and "VS:"):
 * someone else's words, not the sender's. Matches at the start, with the spaces after it.
 */
export const REPLY_PREFIX = /^\s*(?:(?:re|fw|fwd|aw|wg|tr|rv|sv|vs)\s?(?:\[\d+\])?\s?:\s*)+/i;
