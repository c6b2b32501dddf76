import { NI_NUMBER } from "../data/personal-data/patterns.js";
import { isValidNiNumber } from "./check-digits.js";
import { forEachMatch, type Candidate, type Scan } from "./text.js";

/** National Insurance numbers: HMRC's prefix rules, six digits, suffix A–D (spaced or not). */
export function detectNiNumbers(scan: Scan, out: Candidate[]): void {
  forEachMatch(NI_NUMBER, scan.text, (match) => {
    // Typed in any case: "ab 12 34 56 c" is the same number.
    if (!isValidNiNumber(match[0].replace(/[ -]/g, "").toUpperCase())) return;
    out.push({ type: "ni-number", start: match.index, end: match.index + match[0].length, confidence: 0.95 });
  });
}
