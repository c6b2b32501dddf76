import { ADDRESS_CONTEXT } from "../data/personal-data/lexicon.js";
import { POSTCODE, STREET_ADDRESS } from "../data/personal-data/patterns.js";
import { compactPostcode, type PackFacts } from "./pack-facts.js";
import { forEachMatch, hasPhrase, windowBefore, type Candidate, type Scan, inSignature } from "./text.js";

/** How far before a postcode its street line may start ("14 Mill Lane, Leeds LS6 9XA"). */
const STREET_REACH = 80;

/**
 * Home addresses: a house number and street followed by a UK postcode (one entity spanning both); a
 * postcode with address context ("new address: … LS6 9XA"); a street line with address context ("lives at
 * 14 Mill Lane"). The school's own address and the sender's signature are never reported; a bare
 * postcode with no context stays below the threshold.
 */
export function detectPostalAddresses(scan: Scan, facts: PackFacts, out: Candidate[]): void {
  const streets: { start: number; end: number; used: boolean }[] = [];
  forEachMatch(STREET_ADDRESS, scan.text, (match) => {
    if (inSignature(scan, match.index) || isOwnLine(match[0], facts)) return;
    streets.push({ start: match.index, end: match.index + match[0].length, used: false });
  });
  let next = 0;
  forEachMatch(POSTCODE, scan.text, (match) => {
    const start = match.index;
    const end = start + match[0].length;
    if (inSignature(scan, start) || compactPostcode(match[0]) === facts.ownPostcode) return;
    // Streets and postcodes are both in text order: walk the streets alongside.
    let street: (typeof streets)[number] | undefined;
    while (next < streets.length && (streets[next] as (typeof streets)[number]).end <= start) {
      street = streets[next];
      next++;
    }
    if (street && !street.used && street.start >= start - STREET_REACH) {
      street.used = true;
      out.push({ type: "postal-address", start: street.start, end, confidence: 0.95 });
      return;
    }
    const context = hasPhrase(windowBefore(scan.lower, start, 60), ADDRESS_CONTEXT);
    out.push({ type: "postal-address", start, end, confidence: context ? 0.85 : 0.6 });
  });
  for (const street of streets) {
    if (street.used) continue;
    // Context on both sides: "lives at 14 Mill Lane", "54 Thornton Rd - address change" (development part BG).
    const context = hasPhrase(scan.lower.slice(Math.max(0, street.start - 40), street.end + 40), ADDRESS_CONTEXT);
    if (context) out.push({ type: "postal-address", start: street.start, end: street.end, confidence: 0.8 });
  }
}

function isOwnLine(street: string, facts: PackFacts): boolean {
  const lower = street.toLowerCase().replace(",", "");
  // Only the school's numbered lines ("1 Example Avenue") can be a street line; "Leeds" is a town.
  return facts.ownAddressLines.some(
    (line) => /\d/.test(line) && (containsWhole(line, lower) || containsWhole(lower, line)),
  );
}

/** Is `part` in `whole` as whole words and numbers? ("1 example lane" is not in "21 example lane".) */
function containsWhole(whole: string, part: string): boolean {
  for (let at = whole.indexOf(part); at !== -1; at = whole.indexOf(part, at + 1)) {
    if (!isAlphanumeric(whole.charCodeAt(at - 1)) && !isAlphanumeric(whole.charCodeAt(at + part.length))) return true;
  }
  return false;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122);
}
