import {
  ORGANISATION_PHONE_CONTEXT,
  OWN_PHONE_CONTEXT,
  PERSONAL_PHONE_CONTEXT,
  REFERENCE_CONTEXT,
} from "../data/personal-data/lexicon.js";
import { PHONE } from "../data/personal-data/patterns.js";
import { nationalDigits, type PackFacts } from "./pack-facts.js";
import { forEachMatch, hasPhrase, windowBefore, type Candidate, type Scan, inSignature } from "./text.js";

/**
 * UK numbers by Ofcom's plan, as national digits: mobiles 07 + 9 digits (the own-contact-details rule reads
 * it too), geographic 01/02 + 8–9, non-geographic 03 + 9.
 */
export const UK_MOBILE = /^07\d{9}$/;
const LANDLINE = /^0[12]\d{8,9}$|^03\d{9}$/;

/**
 * Phone numbers of people: UK mobiles (0.9) and landlines (national or +44; 0.8 after a person's context
 * word, `PERSONAL_PHONE_CONTEXT`, else 0.5). Not the school's own numbers,
 * not the sender's own ("call me on…", or in the signature), not an organisation's line ("the MASH on…"),
 * not reference numbers that start with 0.
 */
export function detectPhoneNumbers(scan: Scan, facts: PackFacts, out: Candidate[]): void {
  forEachMatch(PHONE, scan.text, (match) => {
    const start = match.index;
    if (inSignature(scan, start)) return;
    const number = nationalDigits(match[0]);
    const mobile = UK_MOBILE.test(number);
    if ((!mobile && !LANDLINE.test(number)) || facts.ownPhones.has(number)) return;
    const before = windowBefore(scan.lower, start, 30);
    if (
      hasPhrase(before, OWN_PHONE_CONTEXT) ||
      hasPhrase(before, REFERENCE_CONTEXT) ||
      hasPhrase(before, ORGANISATION_PHONE_CONTEXT)
    ) {
      return;
    }
    // A landline without a person's context words is more often an office's: below the default threshold.
    const confidence = mobile
      ? 0.9
      : hasPhrase(windowBefore(scan.lower, start, 80), PERSONAL_PHONE_CONTEXT)
        ? 0.8
        : 0.5;
    out.push({ type: "phone-number", start, end: start + match[0].length, confidence });
  });
}
