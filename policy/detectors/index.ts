import type { PolicyPack } from "../pack/schema.js";
import type { IdentifierType, SensitiveCategory } from "../pack/vocabulary.js";
import type { Entity, EntityType, Recipient } from "../engine/types.js";
import { isValidIban, isValidNhsNumber, isValidNiNumber, isValidUln, isValidUpn } from "./check-digits.js";
import {
  BIRTH_CONTEXT,
  GIVEN_NAMES,
  PERSON_CONTEXT,
  SENSITIVE_TERMS,
  STREET_WORDS,
  TITLES,
} from "../data/personal-data/lexicon.js";
import { CLOSINGS } from "../data/etiquette/closings.js";

export interface PersonalDataInput {
  readonly subject: string;
  readonly bodyText: string;
  /** Offsets of "attachments" entities index into `attachmentNames.join("\n")`. */
  readonly attachmentNames: readonly string[];
  readonly from?: Recipient;
}

type Location = Entity["location"];

interface Candidate {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
}

/**
 * Finds personal data in a draft's subject, body and attachment names. Identifiers are validated by
 * their check digits; dates count only with birth context; special categories count only when a
 * person is named or identified in the same text. The school's own address and phones and the
 * sender's signature block are never reported.
 */
export function detectPersonalData(input: PersonalDataInput, pack: PolicyPack): Entity[] {
  const allowed = new Set<EntityType>([...pack.personalData.identifiers, "special-category"]);
  const threshold = pack.personalData.confidenceThreshold;
  const out: Entity[] = [];
  const scan = (text: string, location: Location, signatureStart: number) => {
    for (const candidate of detectInText(text, pack, signatureStart)) {
      if (allowed.has(candidate.type) && candidate.confidence >= threshold) out.push({ ...candidate, location });
    }
  };
  scan(input.subject, "subject", input.subject.length);
  scan(input.bodyText, "body", signatureStart(input.bodyText, input.from));
  const names = input.attachmentNames.join("\n");
  scan(names.replace(/[_.]/g, " "), "attachments", names.length);
  return out;
}

function detectInText(text: string, pack: PolicyPack, signatureAt: number): Candidate[] {
  if (text.length === 0) return [];
  const lower = text.toLowerCase();
  const found: Candidate[] = [];
  const inSignature = (index: number) => index >= signatureAt;

  forEachMatch(TEN_DIGITS, text, (match, start) => {
    const digits = match.replace(/\D/g, "");
    const context = windowBefore(lower, start, 40);
    const nhs = isValidNhsNumber(digits);
    const uln = isValidUln(digits);
    if (uln && (context.indexOf("uln") !== -1 || context.indexOf("learner number") !== -1)) {
      found.push({ type: "uln", start, end: start + match.length, confidence: 0.95 });
    } else if (nhs) {
      found.push({
        type: "nhs-number",
        start,
        end: start + match.length,
        confidence: context.indexOf("nhs") !== -1 ? 0.97 : 0.85,
      });
    } else if (uln) {
      // A bare ten-digit number passing only the ULN check is as likely an order or invoice number.
      found.push({ type: "uln", start, end: start + match.length, confidence: 0.6 });
    }
  });

  forEachMatch(NI_NUMBER, text, (match, start) => {
    if (isValidNiNumber(match.replace(/ /g, "")))
      found.push({ type: "ni-number", start, end: start + match.length, confidence: 0.95 });
  });

  forEachMatch(UPN, text, (match, start) => {
    if (isValidUpn(match)) found.push({ type: "upn", start, end: start + match.length, confidence: 0.95 });
  });

  for (const pattern of DATE_PATTERNS) {
    forEachMatch(pattern, text, (match, start) => {
      if (hasAny(windowBefore(lower, start, 30), BIRTH_CONTEXT)) {
        found.push({ type: "date-of-birth", start, end: start + match.length, confidence: 0.95 });
      }
    });
  }

  const ownPostcode = compact(pack.school.address.postcode);
  forEachMatch(POSTCODE, text, (match, start) => {
    if (compact(match) === ownPostcode || inSignature(start)) return;
    const before = windowBefore(lower, start, 60);
    const streetContext = hasAnyWord(before, STREET_WORDS) && /\d/.test(before);
    const addressContext = before.indexOf("address") !== -1 || before.indexOf("lives at") !== -1;
    const confidence = streetContext ? 0.95 : addressContext ? 0.85 : 0.6;
    found.push({ type: "postal-address", start, end: start + match.length, confidence });
  });

  const ownPhones = new Set(pack.school.phones.map(normalisePhone));
  forEachMatch(PHONE, text, (match, start) => {
    const number = normalisePhone(match);
    if (!/^0[1237]\d{8,9}$/.test(number) || ownPhones.has(number) || inSignature(start)) return;
    const mobile = number.charAt(1) === "7";
    found.push({ type: "phone-number", start, end: start + match.length, confidence: mobile ? 0.9 : 0.8 });
  });

  forEachMatch(SORT_CODE, text, (match, start) => {
    if (windowBefore(lower, start, 30).indexOf("sort") !== -1) {
      found.push({ type: "bank-details", start, end: start + match.length, confidence: 0.95 });
    }
  });
  forEachMatch(ACCOUNT_NUMBER, text, (match, start) => {
    if (windowBefore(lower, start, 30).indexOf("account") !== -1) {
      found.push({ type: "bank-details", start, end: start + match.length, confidence: 0.85 });
    }
  });
  forEachMatch(IBAN, text, (match, start) => {
    if (isValidIban(match.replace(/ /g, "")))
      found.push({ type: "bank-details", start, end: start + match.length, confidence: 0.97 });
  });
  forEachMatch(NINE_DIGITS, text, (match, start) => {
    if (windowBefore(lower, start, 40).indexOf("passport") !== -1) {
      found.push({ type: "passport-number", start, end: start + match.length, confidence: 0.9 });
    }
  });
  forEachMatch(DRIVING_LICENCE, text, (match, start) => {
    const context = windowBefore(lower, start, 40).indexOf("licen") !== -1;
    found.push({ type: "driving-licence", start, end: start + match.length, confidence: context ? 0.95 : 0.75 });
  });

  const names = findNames(text, lower, signatureAt);
  for (const name of names) if (name.confidence >= 0.7) found.push(name);
  // The addressee in the greeting ("Dear Mrs Patel,") is who the mail is for, not whom it is about.
  const greetingEnd = greetingLineEnd(text);
  const about = names.filter((name) => name.start >= greetingEnd);
  const confident = about.filter((name) => name.confidence >= 0.7).map((name) => name.start);
  const firstNamesOnly = about.filter((name) => name.confidence < 0.7).map((name) => name.start);
  const identifiers = found.some((entity) => IDENTIFYING.has(entity.type));
  if (confident.length > 0 || firstNamesOnly.length > 0 || identifiers) {
    const anyone = confident.length > 0 || identifiers;
    for (const category of pack.personalData.sensitiveCategories) {
      for (const pattern of sensitivePatterns(category)) {
        forEachMatch(pattern, text, (match, start) => {
          if (inSignature(start)) return;
          // A first name alone counts only right beside the detail ("Jack has ADHD").
          const nearFirstName = hasNear(firstNamesOnly, start, 80);
          if (!anyone && !nearFirstName) return;
          const confidence = hasNear(confident, start, 160) ? 0.9 : nearFirstName ? 0.8 : 0.75;
          found.push({ type: "special-category", start, end: start + match.length, confidence });
        });
      }
    }
  }
  return found;
}

const IDENTIFYING = new Set<EntityType>(["nhs-number", "upn", "uln", "ni-number", "date-of-birth"]);

function findNames(text: string, lower: string, signatureAt: number): Candidate[] {
  const names: Candidate[] = [];
  forEachMatch(TITLED_NAME, text, (match, start) => {
    if (start < signatureAt) names.push({ type: "person-name", start, end: start + match.length, confidence: 0.9 });
  });
  // Titled names are in text order: walk them alongside the given names instead of searching each time.
  const titled = names.length;
  let next = 0;
  forEachMatch(CAPITALISED_WORD, text, (match, start) => {
    if (!GIVEN_NAME_SET.has(match)) return;
    while (next < titled && (names[next]?.end ?? 0) <= start) next++;
    const insideTitled = next < titled && (names[next]?.start ?? Infinity) <= start;
    if (start >= signatureAt || insideTitled) return;
    const end = start + match.length;
    const surname = /^ [A-Z][a-z]+(?:-[A-Z][a-z]+)?/.exec(text.slice(end, end + 30));
    const context = hasAnyWord(windowBefore(lower, start, 40), PERSON_CONTEXT);
    if (surname && NOT_SURNAMES.indexOf(surname[0].trim().toLowerCase()) === -1) {
      names.push({ type: "person-name", start, end: end + surname[0].length, confidence: context ? 0.95 : 0.8 });
    } else {
      // A first name alone identifies a child within a school, but is too common to report by itself.
      names.push({ type: "person-name", start, end, confidence: context ? 0.7 : 0.5 });
    }
  });
  return names;
}

const NOT_SURNAMES = [
  "school",
  "academy",
  "college",
  "road",
  "street",
  "house",
  "hall",
  "trust",
  "class",
  "group",
  "day",
  "term",
];

// Patterns: bounded quantifiers only, linear in the text (checked by eslint-plugin-regexp).
const TEN_DIGITS = /\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/g;
const NINE_DIGITS = /\b\d{9}\b/g;
const NI_NUMBER = /\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g;
const UPN = /\b[A-Z]\d{10}[A-Z0-9]\d\b/g;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/g;
const PHONE = /(?:\+44 ?(?:\(0\) ?)?|\b0)\d[\d -]{7,13}\d\b/g;
const SORT_CODE = /\b\d{2}-\d{2}-\d{2}\b/g;
const ACCOUNT_NUMBER = /\b\d{8}\b/g;
const IBAN = /\bGB\d{2} ?[A-Z]{4}(?: ?\d{4}){3} ?\d{2}\b/g;
const DRIVING_LICENCE = /\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}\b/g;
const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec";
const DATE_PATTERNS: readonly RegExp[] = [
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g,
  /\b\d{4}-\d{2}-\d{2}\b/g,
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS})[a-z]{0,6},? \\d{4}\\b`, "gi"),
];
const TITLED_NAME = new RegExp(`\\b(?:${TITLES.join("|")})\\.? [A-Z][a-z]+(?:[-'][A-Z][a-z]+)?`, "g");
// One cheap pattern plus a set lookup: a 150-way alternation would be tried at every position.
const CAPITALISED_WORD = /\b[A-Z][a-z]{1,20}\b/g;
const GIVEN_NAME_SET = new Set(GIVEN_NAMES);

// Acronyms match in capitals only: "SEN" and "SEND" are needs, "send the minutes" is a verb.
const CASE_SENSITIVE_TERMS = new Set([
  "sen",
  "send",
  "ehcp",
  "senco",
  "iep",
  "lac",
  "cla",
  "pep",
  "fsm",
  "asd",
  "adhd",
  "camhs",
  "cpoms",
  "lado",
  "yot",
  "mash",
]);
const compiledSensitive = new Map<SensitiveCategory, RegExp[]>();
function sensitivePatterns(category: SensitiveCategory): RegExp[] {
  let patterns = compiledSensitive.get(category);
  if (!patterns) {
    const terms = SENSITIVE_TERMS[category];
    const acronyms = terms.filter((term) => CASE_SENSITIVE_TERMS.has(term)).map((term) => term.toUpperCase());
    const words = terms.filter((term) => !CASE_SENSITIVE_TERMS.has(term)).map(escapeRegExp);
    patterns = [];
    if (words.length > 0) patterns.push(new RegExp(`\\b(?:${words.join("|")})\\b`, "gi"));
    if (acronyms.length > 0) patterns.push(new RegExp(`\\b(?:${acronyms.join("|")})\\b`, "g"));
    compiledSensitive.set(category, patterns);
  }
  return patterns;
}

/** End of a short first line (the greeting), or 0 when the text does not open with one. */
function greetingLineEnd(text: string): number {
  let start = 0;
  while (start < text.length && (text.charAt(start) === "\n" || text.charAt(start) === " ")) start++;
  const newline = text.indexOf("\n", start);
  const end = newline === -1 ? text.length : newline;
  return end - start <= 50 && newline !== -1 ? end : 0;
}

function forEachMatch(pattern: RegExp, text: string, visit: (match: string, start: number) => void): void {
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    visit(match[0], match.index);
    if (match[0].length === 0) pattern.lastIndex++;
  }
}

/** Is any of the sorted positions within `distance` of `position`? Binary search, so linear overall. */
function hasNear(sorted: readonly number[], position: number, distance: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? 0) < position - distance) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && (sorted[low] ?? Infinity) < position + distance;
}

function windowBefore(lower: string, start: number, size: number): string {
  return lower.slice(Math.max(0, start - size), start);
}

function hasAny(window: string, words: readonly string[]): boolean {
  return words.some((word) => window.indexOf(word) !== -1);
}

function hasAnyWord(window: string, words: readonly string[]): boolean {
  const tokens = window.split(/[^a-z]+/);
  return words.some((word) => tokens.indexOf(word) !== -1);
}

function compact(value: string): string {
  return value.replace(/\s/g, "").toUpperCase();
}

function normalisePhone(value: string): string {
  const digits = value.replace(/\D/g, "");
  return digits.indexOf("440") === 0
    ? "0" + digits.slice(3)
    : digits.indexOf("44") === 0
      ? "0" + digits.slice(2)
      : digits;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Where the sender's signature block starts: the last short closing line ("Kind regards,"). */
export function signatureStart(bodyText: string, from?: Recipient): number {
  const lower = bodyText.toLowerCase();
  let best = bodyText.length;
  let lineStart = bodyText.lastIndexOf("\n", bodyText.length - 1) + 1;
  // Walk lines backwards; stop at the first closing found from the end.
  let cursor = bodyText.length;
  while (cursor > 0) {
    const line = lower.slice(lineStart, cursor).trim();
    if (line.length < 40 && CLOSINGS.some((opener) => line.indexOf(opener) === 0)) {
      best = lineStart;
      break;
    }
    if (lineStart === 0) break;
    cursor = lineStart - 1;
    lineStart = bodyText.lastIndexOf("\n", cursor - 1) + 1;
  }
  if (best === bodyText.length && from?.name) {
    const at = bodyText.lastIndexOf(from.name);
    if (at !== -1 && at > bodyText.length / 2) best = at;
  }
  return best;
}

export type { IdentifierType };
