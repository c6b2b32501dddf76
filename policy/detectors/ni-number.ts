import { NI_CONTEXT } from "../data/personal-data/lexicon.js";
import { NI_NUMBER } from "../data/personal-data/patterns.js";
import { isValidNiNumber } from "./check-digits.js";
import { forEachMatch, hasPhrase, windowAfter, windowBefore, type Candidate, type Scan } from "./text.js";

/**
 * National Insurance numbers: HMRC's prefix rules, six digits, suffix A–D (spaced or not), at 0.95. A
 * number of that shape whose prefix HMRC never issues ("TN 31 40 72 B": TN marks a temporary number)
 * counts only with NI context within 40 characters before or 30 after ("NI number: …", "… (national
 * insurance)"), at 0.85: it is still someone's NI number as written, but alone it is as likely a
 * reference. Never QQ, HMRC's own example prefix, which guidance and training quote.
 */
export function detectNiNumbers(scan: Scan, out: Candidate[]): void {
  forEachMatch(NI_NUMBER, scan.text, (match) => {
    // Typed in any case: "ab 12 34 56 c" is the same number.
    const compact = match[0].replace(/[ -]/g, "").toUpperCase();
    const valid = isValidNiNumber(compact);
    const end = match.index + match[0].length;
    // QQ is HMRC's own example prefix ("QQ 12 34 56 C"): guidance and data-protection training quote it.
    if (!valid && compact.startsWith("QQ")) return;
    if (
      !valid &&
      !hasPhrase(windowBefore(scan.lower, match.index, 40), NI_CONTEXT) &&
      !hasPhrase(windowAfter(scan.lower, end, 30), NI_CONTEXT)
    )
      return;
    out.push({ type: "ni-number", start: match.index, end, confidence: valid ? 0.95 : 0.85 });
  });
}
