/**
 * Regular expressions the personal-data detectors scan with, as data. Every pattern is linear in the
 * text (bounded quantifiers, no nested repetition: eslint-plugin-regexp's no-super-linear-backtracking
 * checks it) and uses only ES2016 syntax (no lookbehind, named groups or s/u flags), because the
 * detectors run in classic Outlook's JavaScript-only runtime. Shapes only: check digits, context and
 * exclusions are applied in code by the detector that owns the pattern. All carry the g flag; detectors
 * reset lastIndex before each scan.
 */

/** NHS number or ULN: ten digits, optionally spaced or hyphenated 3-3-4 ("943 476 5919"). */
export const TEN_DIGITS = /\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/g;

/** National Insurance number: two letters, six digits (optionally in pairs), suffix A–D. */
export const NI_NUMBER = /\b[A-Z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D]\b/gi;

/**
 * UPN: check letter + 12 characters (LA code 3, establishment 4, year 2, serial 3); a temporary UPN
 * ends in a letter instead of the last digit. The letters I, O and S are never used.
 */
export const UPN = /\b[A-HJ-NP-RT-Z]\d{11}[\dA-HJ-NP-RT-Z]\b/g;

/** Dates: 01/02/2015, 1.2.15, 2015-02-01, 1 Feb 2015, 1st February 2015, February 1st, 2015. */
const MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
export const NUMERIC_DATE = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g;
export const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
export const DAY_MONTH_DATE = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(?:${MONTHS})[a-z]{0,6}\\.?,? (\\d{4})\\b`,
  "gi",
);
export const MONTH_DAY_DATE = new RegExp(
  `\\b(?:${MONTHS})[a-z]{0,6}\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`,
  "gi",
);

/** UK postcode: outward code, optional space, inward code (digit + two letters, never C I K M O V). */
export const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b/g;

/** A house number and a street: "14 Mill Lane", "3a Upper Church Street", "27, Acacia Avenue". */
export const STREET_ADDRESS =
  /\b\d{1,4}[A-Za-z]?,? (?:[A-Z][a-z]+ ){1,3}(?:Road|Street|Lane|Avenue|Close|Drive|Way|Crescent|Court|Gardens|Place|Terrace|Grove|Hill|Park|Rise|Walk|Mews|Square|View|Row|Rd|St|Ave)\b/g;

/** UK phone numbers: +44 or 0, then 9–10 more digits, with spaces or hyphens between groups. */
export const PHONE = /(?:\+44 ?(?:\(0\) ?)?|\(0|\b0)\d[\d ()-]{7,14}\d\b/g;

/** Bank details: sort code (12-34-56 or 12 34 56), an eight-digit account number, a GB IBAN. */
export const SORT_CODE = /\b\d{2}[- ]\d{2}[- ]\d{2}\b/g;
export const ACCOUNT_NUMBER = /\b\d{8}\b/g;
/** A sort code followed within a few separators by an eight-digit account number. */
export const SORT_CODE_AND_ACCOUNT = /\b\d{2}-\d{2}-\d{2}[ ,/;:-]{1,5}\d{8}\b/g;
export const IBAN_GB = /\bGB\d{2} ?[A-Z]{4}(?: ?\d{4}){3} ?\d{2}\b/g;

/** Passport number (UK): nine digits. */
export const NINE_DIGITS = /\b\d{9}\b|\b\d{3} \d{3} \d{3}\b|\b\d{2} \d{3} \d{4}\b/g;

/**
 * DVLA driving licence number (16 characters): surname (5, padded with 9), decade digit, month (+50
 * for women), day, year digit, two initials (padded with 9), a digit, two check letters.
 */
export const DRIVING_LICENCE = /\b[A-Z9]{5}\d(\d{2})(\d{2})\d[A-Z9]{2}\d[A-Z]{2}\b/g;

/** A capitalised word: given names are looked up in a set, so one cheap pattern serves every name. */
export const CAPITALISED_WORD = /\b[A-Z][a-z]{1,20}\b/g;

/** The capitalised word after a given name (its surname), double-barrelled or with an apostrophe. */
export const SURNAME_AFTER = /^ (?:[A-Z]'|Mc|Mac)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?/;
