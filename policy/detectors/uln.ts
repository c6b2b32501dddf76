import { REFERENCE_CONTEXT, ULN_CONTEXT } from "../data/personal-data/lexicon.js";
import { TEN_DIGITS } from "../data/personal-data/patterns.js";
import { isValidUln } from "./check-digits.js";
import { digitsOf, forEachMatch, hasPhrase, pushIfLabelled, windowBefore, type Candidate, type Scan } from "./text.js";

/**
 * Unique Learner Numbers: ten digits passing the ULN check (weights 10..2, check = 10 − sum mod 11).
 * A ULN has nothing else telling about it, so without "ULN" or "learner number" nearby it stays
 * below the threshold: a bare ten-digit number is as likely an order number. Labelled "ULN" right
 * before, ten digits failing the check are still the learner's number, mistyped.
 */
export function detectUlns(scan: Scan, out: Candidate[]): void {
  forEachMatch(TEN_DIGITS, scan.text, (match) => {
    if (!isValidUln(digitsOf(match[0]))) {
      pushIfLabelled(scan, "uln", match.index, match[0], ULN_CONTEXT, out);
      return;
    }
    const before = windowBefore(scan.lower, match.index, 40);
    const confidence = hasPhrase(before, ULN_CONTEXT) ? 0.95 : hasPhrase(before, REFERENCE_CONTEXT) ? 0.4 : 0.6;
    out.push({ type: "uln", start: match.index, end: match.index + match[0].length, confidence });
  });
}
