import { LICENCE_CONTEXT } from "../data/personal-data/lexicon.js";
import { DRIVING_LICENCE } from "../data/personal-data/patterns.js";
import { forEachMatch, hasPhrase, windowBefore, type Candidate, type Scan } from "./text.js";

/**
 * DVLA driving licence numbers. The month field (01–12, or 51–62 for women) and the day (01–31) must
 * be a date of birth; "licence" or "DVLA" nearby raises the confidence.
 */
export function detectDrivingLicences(scan: Scan, out: Candidate[]): void {
  forEachMatch(DRIVING_LICENCE, scan.text, (match) => {
    const month = Number(match[1]) % 50;
    const day = Number(match[2]);
    if (month < 1 || month > 12 || Number(match[1]) > 62 || day < 1 || day > 31) return;
    const context = hasPhrase(windowBefore(scan.lower, match.index, 40), LICENCE_CONTEXT);
    out.push({
      type: "driving-licence",
      start: match.index,
      end: match.index + match[0].length,
      confidence: context ? 0.95 : 0.75,
    });
  });
}
