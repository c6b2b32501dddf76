import { describe, expect, it } from "vitest";
import { detectBankDetails } from "./bank-details.js";
import { makeScan, type Candidate } from "./text.js";

/** [the text found, confidence], in the order the detector reports them. */
function bankDetails(text: string): [string, number][] {
  const out: Candidate[] = [];
  detectBankDetails(makeScan(text, "body", { start: text.length, end: text.length }, 0), out);
  return out.map((found) => [text.slice(found.start, found.end), found.confidence]);
}

// Sort codes and account numbers are invented; the IBAN is the published example of the mod-97 check
// (GB82 WEST 1234 5698 7654 32, from the ECBS and Wikipedia's IBAN article).
describe("detectBankDetails: must find", () => {
  it.each<[string, string, [string, number][]]>([
    [
      "a sort code and an account number, each introduced",
      "Sort code 20-45-77, account number 41234567.",
      [
        ["20-45-77", 0.95],
        ["41234567", 0.85],
      ],
    ],
    // The words at the very start of the text still count (each is looked for anywhere, even at index 1).
    ["a sort code in brackets", "(Sort code 20-45-77)", [["20-45-77", 0.95]]],
    ["s/c in brackets", "(s/c 20-45-77)", [["20-45-77", 0.95]]],
    ["bank in brackets", "(bank 20-45-77)", [["20-45-77", 0.95]]],
    ["acc no in brackets", "(acc no 41234567) at the bank", [["41234567", 0.85]]],
    ["a/c in brackets", "(a/c 41234567) with Nationwide Building Society", [["41234567", 0.85]]],
    [
      "a parent's account for a refund",
      "Mrs Chen has given her bank details for the refund. Account no: 53109862",
      [["53109862", 0.85]],
    ],
    ["a GB IBAN in brackets", "(GB82 WEST 1234 5698 7654 32)", [["GB82 WEST 1234 5698 7654 32", 0.97]]],
    // An introduced sort code followed by its account number is one finding, not two.
    ["a sort code and account side by side, introduced", "Sort code 20-45-77 / 41234567", [["20-45-77", 0.95]]],
    // A pair with no words of its own is found even when another sort code was introduced elsewhere.
    [
      "a second pair, not introduced",
      "Sort code 20-45-77 for the old account. The new one is 30-11-22 / 41234567.",
      [
        ["20-45-77", 0.95],
        ["30-11-22 / 41234567", 0.9],
      ],
    ],
  ])("%s", (_what, text, expected) => {
    expect(bankDetails(text)).toEqual(expected);
  });
});

describe("detectBankDetails: must not find", () => {
  it.each([
    ["a date written like a sort code", "The trip is on 12-03-25."],
    ["an eight-digit number with no account words", "Ref 41234567 for the trip."],
    ["an IBAN failing its check", "IBAN GB82 WEST 1234 5698 7654 31"],
    ["the school fund's own account", "Please pay the School Fund: sort code 20-45-77, account 41234567."],
    ["the PTA's account, side by side", "Friends of Oakfield PTA account: 20-45-77 41234567"],
    // An "account number" in a mail that names no bank is a council tax, energy or phone account's.
    ["a council tax account number", "My council tax account number is 61004392."],
    ["an energy account number", "Account number 88120045. Please review my direct debit."],
    // A company's or the sender's organisation's own account is no living person's.
    [
      "a supplier's account on its letterhead",
      "Sensory Direct Ltd, Unit 4, Leeds\nSort code: 20-45-77  Account: 43219876",
    ],
    [
      "the school's own account",
      "For refunds our bank details are: Palfrey Infant School, sort code 20-45-77, account 90218844.",
    ],
  ])("%s", (_what, text) => {
    expect(bankDetails(text)).toEqual([]);
  });
});
