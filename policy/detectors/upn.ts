import { LA_CODE_RANGES } from "../data/personal-data/la-codes.js";
import { UPN_CONTEXT } from "../data/personal-data/lexicon.js";
import { UPN } from "../data/personal-data/patterns.js";
import { isValidUpn } from "./check-digits.js";
import { forEachMatch, hasPhrase, pushIfLabelled, windowBefore, type Candidate, type Scan } from "./text.js";

export function isKnownLaCode(code: number): boolean {
  for (const [low, high] of LA_CODE_RANGES) if (code >= low && code <= high) return true;
  return false;
}

/**
 * Unique Pupil Numbers (permanent and temporary) with a valid DfE check letter. A known LA code or
 * "UPN" nearby confirms it; a check letter alone is one chance in 23.
 */
export function detectUpns(scan: Scan, out: Candidate[]): void {
  forEachMatch(UPN, scan.text, (match) => {
    const upn = match[0];
    if (!isValidUpn(upn)) {
      // "UPN H823400712036" with a wrong check letter is still the pupil's number, mistyped.
      pushIfLabelled(scan, "upn", match.index, upn, UPN_CONTEXT, out);
      return;
    }
    const knownLa = isKnownLaCode(Number(upn.slice(1, 4)));
    const context = hasPhrase(windowBefore(scan.lower, match.index, 40), UPN_CONTEXT);
    const confidence = knownLa ? (context ? 0.98 : 0.95) : context ? 0.9 : 0.6;
    out.push({ type: "upn", start: match.index, end: match.index + upn.length, confidence });
  });
}
