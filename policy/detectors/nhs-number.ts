import { NHS_CONTEXT, REFERENCE_CONTEXT } from "../data/personal-data/lexicon.js";
import { TEN_DIGITS } from "../data/personal-data/patterns.js";
import { isValidNhsNumber } from "./check-digits.js";
import { digitsOf, forEachMatch, hasPhrase, windowBefore, type Candidate, type Scan } from "./text.js";

/**
 * NHS numbers: ten digits passing the mod-11 check. One ten-digit number in eleven passes by chance,
 * so a number introduced as an order, invoice or reference number is kept below the threshold.
 */
export function detectNhsNumbers(scan: Scan, out: Candidate[]): void {
  forEachMatch(TEN_DIGITS, scan.text, (match) => {
    if (!isValidNhsNumber(digitsOf(match[0]))) return;
    const before = windowBefore(scan.lower, match.index, 40);
    const confidence = hasPhrase(before, NHS_CONTEXT) ? 0.97 : hasPhrase(before, REFERENCE_CONTEXT) ? 0.5 : 0.85;
    out.push({ type: "nhs-number", start: match.index, end: match.index + match[0].length, confidence });
  });
}
