/** Text helpers shared by rules. Linear, no regex backtracking, ES2016-safe. */
import { REPLY_PREFIX } from "../engine/normalize.js";
import { PhraseSet } from "../engine/phrase-set.js";
import type { Span } from "../engine/types.js";

/**
 * The subject as the sender's own words: "RE:"/"FW:" subjects were written by someone else (an angry
 * parent's "WHY HAS NOBODY REPLIED???" comes back in the teacher's courteous reply), so etiquette and
 * tone rules judge them as empty.
 */
export function ownSubject(subject: string): string {
  return REPLY_PREFIX.test(subject) ? "" : subject;
}

/**
 * Spans as a rule finds them and the kinds they show, each kind once in the order first seen (the
 * `{{kinds}}` a finding names): `add(kind, start, end)` records one.
 */
export function spansByKind(): {
  spans: Span[];
  kinds: string[];
  add: (kind: string, start: number, end: number) => void;
} {
  const spans: Span[] = [];
  const kinds: string[] = [];
  return {
    spans,
    kinds,
    add: (kind, start, end) => {
      spans.push({ start, end });
      if (kinds.indexOf(kind) === -1) kinds.push(kind);
    },
  };
}

/**
 * The first line of `text` with anything but white space, trimmed ("" when there is none): what
 * `nonEmptyLines(text)[0]` gives, read only that far. A greeting check on a 1 MB table of names split
 * every one of its 95,000 lines to keep the first.
 */
export function firstNonEmptyLine(text: string): string {
  // From the first character that is not white space to the end of its line; trim() removes the same
  // white space `\s` matches.
  return (/\S[^\n]*/.exec(text)?.[0] ?? "").trim();
}

export function nonEmptyLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/**
 * Lower-case phrase list → a case-insensitive, word-bounded matcher (phrases are literal, a space matches
 * any whitespace). A `PhraseSet`, not one big alternation regex: linear in the text on 1 MB bodies.
 */
export function phrasePattern(phrases: readonly string[]): PhraseSet {
  return new PhraseSet(phrases);
}

/** Every match of a phrase set or a global regex in `text`, left to right, not overlapping. */
export function findAll(pattern: RegExp | PhraseSet, text: string): { start: number; end: number; text: string }[] {
  if (pattern instanceof PhraseSet) return pattern.findAll(text);
  const found: { start: number; end: number; text: string }[] = [];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return found;
}

/**
 * Does a paragraph end at `index` (a newline followed, after blanks, by another newline, or a newline
 * before a bullet)? Single line breaks are wrapping (plain-text mail wraps at 72 characters, HTML at <br>):
 * a sentence goes on across them.
 */
export function isParagraphEnd(text: string, index: number): boolean {
  if (text.charCodeAt(index) !== 10) return false;
  let next = index + 1;
  // Past the end charCodeAt is NaN, neither a space nor a tab: the loop stops there by itself.
  while (text.charCodeAt(next) === 32 || text.charCodeAt(next) === 9) next++;
  if (next >= text.length) return true;
  const code = text.charCodeAt(next);
  return code === 10 || code === 45 || code === 42 || code === 8226;
}

/**
 * Does a sentence end at `index`: . ? ! ; or a paragraph end (only a newline can be one)? Not the point
 * of a number ("a 6.5% increase", "14.5p per kWh"): a "." before a digit.
 */
export function endsSentence(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code === 46) return !isDigitCode(text.charCodeAt(index + 1));
  return code === 63 || code === 33 || code === 59 || (code === 10 && isParagraphEnd(text, index));
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}
