import { PASSPORT_CONTEXT } from "../data/personal-data/lexicon.js";
import { NINE_DIGITS } from "../data/personal-data/patterns.js";
import { forEachMatch, hasPhrase, windowAfter, windowBefore, type Candidate, type Scan } from "./text.js";

/**
 * UK passport numbers: nine digits, only with "passport" within 80 characters before or 30 after ("her
 * passport number is …", "the passport number for the guardian form - you gave …", "… (passport, expires
 * 2031)"): nine digits alone mean nothing. Purview's U.K. passport number type looks 300 characters
 * around; 80 before (40 until development part S showed a clause between them) keeps to the sentence.
 */
export function detectPassportNumbers(scan: Scan, out: Candidate[]): void {
  // Stryker disable next-line StringLiteral: a prefilter; PASSPORT_CONTEXT is only "passport", so an always-true test changes only speed
  if (scan.lower.indexOf("passport") === -1) return;
  forEachMatch(NINE_DIGITS, scan.text, (match) => {
    const end = match.index + match[0].length;
    if (
      !hasPhrase(windowBefore(scan.lower, match.index, 80), PASSPORT_CONTEXT) &&
      !hasPhrase(windowAfter(scan.lower, end, 30), PASSPORT_CONTEXT)
    )
      return;
    out.push({ type: "passport-number", start: match.index, end, confidence: 0.9 });
  });
}
