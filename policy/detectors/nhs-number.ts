import { NHS_CONTEXT, REFERENCE_CONTEXT } from "../data/personal-data/lexicon.js";
import { TEN_DIGITS } from "../data/personal-data/patterns.js";
import { isValidNhsNumber } from "./check-digits.js";
import {
  digitsOf,
  forEachMatch,
  hasPhrase,
  pushIfLabelled,
  windowAfter,
  windowBefore,
  type Candidate,
  type Scan,
} from "./text.js";

/** Characters of context read before and after a candidate NHS number. */
const NHS_CONTEXT_BEFORE = 120;
const NHS_CONTEXT_AFTER = 60;

/**
 * NHS numbers: ten digits passing the mod-11 check. One ten-digit number in eleven passes by chance,
 * so a number introduced as an order, invoice or reference number is kept below the threshold.
 */
export function detectNhsNumbers(scan: Scan, out: Candidate[]): void {
  forEachMatch(TEN_DIGITS, scan.text, (match) => {
    if (!isValidNhsNumber(digitsOf(match[0]))) {
      // "NHS no. 485 777 3457" failing mod 11 is still the child's number, mistyped.
      pushIfLabelled(scan, "nhs-number", match.index, match[0], NHS_CONTEXT, out);
      return;
    }
    // Context on both sides ("NHS no. 943 476 5919", "943 476 5919 (NHS)"); without it a ten-digit number
    // that passes mod 11 is an order or page number as often as not (1 in 11 random numbers pass).
    // The window is wider than a phrase's length: staff write "Ruby's NHS number for the immunisation list
    // - it's 999 345 6780". Purview's NHS number type looks 300 characters either side; a number that
    // passes mod 11 within 120 characters after "NHS" is far more often an NHS number than not.
    const before = windowBefore(scan.lower, match.index, NHS_CONTEXT_BEFORE);
    const after = windowAfter(scan.lower, match.index + match[0].length, NHS_CONTEXT_AFTER);
    const health = hasPhrase(before, NHS_CONTEXT) || hasPhrase(after, NHS_CONTEXT);
    const reference = hasPhrase(before, REFERENCE_CONTEXT) || hasPhrase(after, REFERENCE_CONTEXT);
    const confidence = health ? 0.97 : reference ? 0.3 : 0.5;
    out.push({ type: "nhs-number", start: match.index, end: match.index + match[0].length, confidence });
  });
}
