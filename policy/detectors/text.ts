import { isAsciiLetter, PhraseSet } from "../engine/phrase-set.js";
import { lowerCaseKeepingLength } from "../engine/normalize.js";
import type { Entity, EntityType } from "../engine/types.js";

/** One text a detector scans: the subject, the body or the attachment names joined by "\n". */
export interface Scan {
  readonly text: string;
  /** `text` in lower case, computed once for every detector's context checks. */
  readonly lower: string;
  readonly location: Entity["location"];
  /** The sender's own signature block [signatureAt, signatureEnd): not personal data to report. */
  readonly signatureAt: number;
  readonly signatureEnd: number;
  /** End of the greeting line ("Dear Mrs Patel,"), 0 when the text does not open with one. */
  readonly greetingEnd: number;
  /**
   * The text is file names, underscores read as spaces: the attachments, or a subject that is a file's
   * name ("Okonjo_T_EHCP_review.docx"), where a name is two capitalised words or a word and an initial.
   */
  readonly fileName: boolean;
}

/** What a detector reports before the pack's filters: an entity without its location. */
export interface Candidate {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

/**
 * A scan over `text`, with its lower case as long as it (`lowerCaseKeepingLength`: detectors read offsets
 * in both); `signature` is the sender's own signature block, empty ([length, length]) when there is none.
 * File names read as words, underscores and dots as spaces: the attachments' names, and a subject with
 * an underscore, as a file's name given as the subject ("FW: Mistry_A_IHCP_2025.pdf", development part
 * BN); the text keeps its length, so offsets still index the original.
 */
export function makeScan(
  text: string,
  location: Entity["location"],
  signature: { readonly start: number; readonly end: number },
  greetingEnd: number,
): Scan {
  const fileName = location === "attachments" || (location === "subject" && /_/.test(text));
  if (fileName) text = text.replace(/[_.]/g, " ");
  return {
    text,
    lower: lowerCaseKeepingLength(text),
    location,
    signatureAt: signature.start,
    signatureEnd: signature.end,
    greetingEnd,
    fileName,
  };
}

/** Is `offset` inside the sender's own signature block? (A forwarded message below it is content.) */
export function inSignature(scan: Scan, offset: number): boolean {
  return offset >= scan.signatureAt && offset < scan.signatureEnd;
}

/** Calls `visit` for every match of a global pattern, from the start of the text. */
export function forEachMatch(pattern: RegExp, text: string, visit: (match: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    visit(match);
    if (match[0].length === 0) pattern.lastIndex++;
  }
}

export function windowBefore(lower: string, start: number, size: number): string {
  return lower.slice(Math.max(0, start - size), start);
}

/**
 * Characters before an identifier within which its own label ("ULN ", "UPN: ", "NHS no. ") stands: a
 * number so labelled whose check digit fails is the person's identifier mistyped, not a random number.
 */
const LABEL_WINDOW = 16;

/**
 * For an identifier whose check digit failed: when `labels` name it right before it, and it is no
 * placeholder ("999 999 9999", "1234567890", as training examples write), it goes in `out` at 0.8, below a
 * valid one's confidence.
 */
export function pushIfLabelled(
  scan: Scan,
  type: EntityType,
  start: number,
  value: string,
  labels: readonly string[],
  out: Candidate[],
): void {
  const digits = digitsOf(value);
  if (
    new Set(digits).size > 2 &&
    "01234567890".indexOf(digits) === -1 &&
    hasPhrase(windowBefore(scan.lower, start, LABEL_WINDOW), labels)
  )
    out.push({ type, start, end: start + value.length, confidence: 0.8 });
}

export function windowAfter(lower: string, end: number, size: number): string {
  return lower.slice(end, end + size);
}

/** Does `window` contain one of the phrases as whole words ("born" but not "newborn")? */
export function hasPhrase(window: string, phrases: readonly string[]): boolean {
  for (const phrase of phrases) {
    let at = window.indexOf(phrase);
    while (at !== -1) {
      const before = at === 0 ? 0 : window.charCodeAt(at - 1);
      const after = at + phrase.length >= window.length ? 0 : window.charCodeAt(at + phrase.length);
      if (!isAsciiLetter(before) && !isAsciiLetter(after)) return true;
      at = window.indexOf(phrase, at + 1);
    }
  }
  return false;
}

/** Digits only: "943 476-5919" → "9434765919". */
export function digitsOf(value: string): string {
  return value.replace(/\D/g, "");
}

/** Does the span [start, end) share a character with `span`? */
export function overlaps(span: { readonly start: number; readonly end: number }, start: number, end: number): boolean {
  return span.start < end && start < span.end;
}

/** Is any of the sorted positions within `distance` of `position`? Binary search keeps it linear overall. */
export function hasNear(sorted: readonly number[], position: number, distance: number): boolean {
  return inRange(sorted, position - distance, position + distance);
}

/** Is one of `sorted` (ascending offsets) in [from, to)? A binary search: a notice may name thousands. */
export function inRange(sorted: readonly number[], from: number, to: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < from) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && (sorted[low] as number) < to;
}

/**
 * The phrases that occur as whole words in `lower`: later per-match context checks need only try these.
 * Found with one word index of the text (`PhraseSet`), not one `indexOf` scan of it per phrase.
 */
export function presentPhrases(lower: string, phrases: readonly string[]): readonly string[] {
  let set = PHRASE_SETS.get(phrases);
  if (set === undefined) {
    set = new PhraseSet(phrases);
    PHRASE_SETS.set(phrases, set);
  }
  const seen = new Set<string>();
  for (const hit of set.findAll(lower)) seen.add(hit.text.replace(/\s+/g, " "));
  return phrases.filter((phrase) => seen.has(phrase));
}

const PHRASE_SETS = new WeakMap<readonly string[], PhraseSet>();
