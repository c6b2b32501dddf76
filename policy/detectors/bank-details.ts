import {
  ACCOUNT_CONTEXT,
  BANK_WORDS,
  SCHOOL_ACCOUNT_CONTEXT,
  SORT_CODE_CONTEXT,
} from "../data/personal-data/lexicon.js";
import { ACCOUNT_NUMBER, IBAN_GB, SORT_CODE, SORT_CODE_AND_ACCOUNT } from "../data/personal-data/patterns.js";
import { isValidIban } from "./check-digits.js";
import { forEachMatch, hasPhrase, windowBefore, type Candidate, type Scan } from "./text.js";

/**
 * Bank details: a sort code introduced as one, an eight-digit account number introduced as one, or a
 * GB IBAN passing its mod-97 check. "12-03-25" alone is a date, so sort codes need their context.
 */
export function detectBankDetails(scan: Scan, out: Candidate[]): void {
  const lower = scan.lower;
  // Stryker disable next-line StringLiteral: a prefilter; every SORT_CODE_CONTEXT phrase contains "sort", "s/c" or "bank", so an always-true test changes only speed
  const mentionsBank = lower.indexOf("sort") !== -1 || lower.indexOf("s/c") !== -1 || lower.indexOf("bank") !== -1;
  // Stryker disable next-line StringLiteral: a prefilter; every ACCOUNT_CONTEXT phrase and "account" contain "acc" or "a/c", so an always-true test changes only speed
  const mentionsAccount = lower.indexOf("acc") !== -1 || lower.indexOf("a/c") !== -1;
  // The school's own account, given for payments to it ("pay the School Fund: sort code …"), is no one's.
  const schoolsOwn = (at: number) => hasPhrase(windowBefore(lower, at, 80), SCHOOL_ACCOUNT_CONTEXT);
  let sortCodes = 0;
  if (mentionsBank) {
    forEachMatch(SORT_CODE, scan.text, (match) => {
      if (!hasPhrase(windowBefore(lower, match.index, 30), SORT_CODE_CONTEXT) || schoolsOwn(match.index)) return;
      sortCodes++;
      out.push({ type: "bank-details", start: match.index, end: match.index + match[0].length, confidence: 0.95 });
    });
  }
  // A sort code and an eight-digit account side by side ("20-45-77 / 41234567") need no words: a date is
  // not followed by an account number.
  forEachMatch(SORT_CODE_AND_ACCOUNT, scan.text, (match) => {
    if (out.some((found) => found.start === match.index) || schoolsOwn(match.index)) return;
    out.push({ type: "bank-details", start: match.index, end: match.index + match[0].length, confidence: 0.9 });
  });
  let namesABank: boolean | undefined;
  if (mentionsAccount) {
    forEachMatch(ACCOUNT_NUMBER, scan.text, (match) => {
      // "Account" alone is any account (council tax, a supplier's): a bank's only beside a sort code.
      const before = windowBefore(lower, match.index, 30);
      if (!hasPhrase(before, ACCOUNT_CONTEXT) && !(sortCodes > 0 && hasPhrase(before, ["account"]))) return;
      // Nor is an "account number" in a mail that never names a bank: a council tax, energy or phone
      // account's reference is the same eight digits ("My council tax account number is 61004392").
      if (sortCodes === 0 && !(namesABank ??= hasPhrase(lower, BANK_WORDS))) return;
      if (schoolsOwn(match.index)) return;
      out.push({ type: "bank-details", start: match.index, end: match.index + match[0].length, confidence: 0.85 });
    });
  }
  // Stryker disable next-line StringLiteral: a prefilter; IBAN_GB starts with "GB", so an always-true test changes only speed
  if (scan.text.indexOf("GB") !== -1) {
    forEachMatch(IBAN_GB, scan.text, (match) => {
      if (!isValidIban(match[0].replace(/ /g, ""))) return;
      out.push({ type: "bank-details", start: match.index, end: match.index + match[0].length, confidence: 0.97 });
    });
  }
}
