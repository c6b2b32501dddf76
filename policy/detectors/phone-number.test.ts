import { describe, expect, it } from "vitest";
import { loadPolicy } from "../pack/load.js";
import { detectBankDetails } from "./bank-details.js";
import { packFacts } from "./pack-facts.js";
import { detectPhoneNumbers } from "./phone-number.js";
import { makeScan, type Candidate } from "./text.js";

// The delius preset's own phone is 01632 960101. Numbers are from Ofcom's ranges for drama
// (07700 900000–900999, 0113 496 0000–0999, 020 7946 0000–0999, 01632 960000–960999).
const facts = packFacts(loadPolicy("delius"));

function phones(text: string, signatureAt = text.length): string[] {
  const out: Candidate[] = [];
  detectPhoneNumbers(makeScan(text, "body", { start: signatureAt, end: text.length }, 0), facts, out);
  return out.map((found) => `${text.slice(found.start, found.end)} ${found.confidence}`);
}

describe("detectPhoneNumbers", () => {
  it.each([
    ["a mobile", "Her mum's mobile is 07700 900123.", "07700 900123 0.9"],
    ["a mobile in international form", "Dad: +44 7700 900456", "+44 7700 900456 0.9"],
    ["a mobile with (0)", "Dad: +44 (0)7700 900456", "+44 (0)7700 900456 0.9"],
    ["a geographic number, 11 digits", "Grandma is on 0113 496 0123 after six.", "0113 496 0123 0.8"],
    ["a London number", "Her aunt: 020 7946 0321", "020 7946 0321 0.8"],
    ["a geographic number, 10 digits", "Home 016977 2345 please.", "016977 2345 0.8"],
    ["a 03 number", "His carer: 0300 555 0123", "0300 555 0123 0.8"],
    [
      "a landline that context words make a person's",
      "grandad's home number for Ellie in Y1 is 0113 496 0850",
      "0113 496 0850 0.8",
    ],
    [
      "a landline with no person's context: below the threshold",
      "The number for the admissions team is 0113 496 0411.",
      "0113 496 0411 0.5",
    ],
    ["a business's landline", "Could you book the slot with them on 0113 496 0987?", "0113 496 0987 0.5"],
    ["a mobile with no context", "Could you try 07700 900318?", "07700 900318 0.9"],
  ])("finds %s", (_what, text, found) => {
    expect(phones(text)).toEqual([found]);
  });

  it.each([
    ["the school's own number", "Please ring the school on 01632 960101 to book."],
    ["the sender's own number", "Call me on 07700 900123 if it helps."],
    ["a reference number", "Invoice ref 0113 496 0123 attached."],
    ["an organisation's line", "The council helpline is 0113 496 0999."],
    ["a freephone number", "Childline: 0800 111 111"],
    ["a mobile one digit short", "Mobile 07700 90012"],
    ["a landline too short", "Home 0113 496 01"],
    ["a number of 12 digits", "Mobile 07700 9001234"],
    ["a London number with a digit too many", "Call 020 7946 01234"],
    ["an 03 number with a digit too many", "Call 0300 555 01234"],
    ["a mobile behind a London code", "Call 020 7700 900123"],
    // Thirteen digits or more ending in a valid number: the patterns are anchored at both ends.
    ["a mobile number behind two more digits", "Ring 01 07700 900123 now"],
    ["a landline behind two more digits", "Ring 07 0113 496 0123 now"],
    ["a landline with two digits too many", "Ring 0113 496 0123 45 now"],
    ["an 03 number behind two more digits", "Ring 01 0300 555 0123 now"],
    ["an 03 number with a digit too many, written apart", "Ring 0300 555 0123 4 now"],
  ])("not %s", (_what, text) => {
    expect(phones(text)).toEqual([]);
  });

  it("leaves the sender's signature alone, and not what comes after it", () => {
    const text = "Her mobile is 07700 900123.\nKind regards\nJo Hart\n07700 900999";
    expect(phones(text, text.indexOf("Kind"))).toEqual(["07700 900123 0.9"]);
  });

  it("reads only the 30 characters before a number for its context", () => {
    const far = `Call me later. ${"x".repeat(30)} 07700 900123`;
    expect(phones(far)).toEqual(["07700 900123 0.9"]);
    const near = `Call me later. ${"x".repeat(10)} 07700 900123`;
    expect(phones(near)).toEqual([]);
  });
});

function bank(text: string): string[] {
  const out: Candidate[] = [];
  detectBankDetails(makeScan(text, "body", { start: text.length, end: text.length }, 0), out);
  return out.map((found) => `${found.type} ${text.slice(found.start, found.end)} ${found.confidence}`);
}

describe("detectBankDetails", () => {
  it.each([
    ["a sort code", "Sort code: 20-00-00, thanks", ["bank-details 20-00-00 0.95"]],
    ["a sort code with spaces, as s/c", "s/c 20 00 00", ["bank-details 20 00 00 0.95"]],
    ["an account number at a bank", "Bank: Lloyds. Account number 55779911", ["bank-details 55779911 0.85"]],
    ["an account number as a/c", "a/c 55779911 (bank transfer)", ["bank-details 55779911 0.85"]],
    // The UK IBAN from the ECBS/SWIFT IBAN registry example.
    ["a GB IBAN", "IBAN GB82 WEST 1234 5698 7654 32", ["bank-details GB82 WEST 1234 5698 7654 32 0.97"]],
    ["a GB IBAN written together", "GB82WEST12345698765432", ["bank-details GB82WEST12345698765432 0.97"]],
    [
      "sort code and account together",
      "Sort code 20-00-00 and account 55779911",
      ["bank-details 20-00-00 0.95", "bank-details 55779911 0.85"],
    ],
  ])("finds %s", (_what, text, found) => {
    expect(bank(text)).toEqual(found);
  });

  it.each([
    ["a date like a sort code", "The trip is on 12-03-25."],
    ["a sort code far from its label", `Sort code ${"x".repeat(30)} 20-00-00`],
    ["an eight-digit number without its label", "Order 55779911 has shipped."],
    ["an account number far from its label", `Account ${"x".repeat(30)} 55779911`],
    ["a GB IBAN failing its check", "GB83 WEST 1234 5698 7654 32"],
    ["an IBAN of another country", "DE89 3704 0044 0532 0130 00"],
  ])("not %s", (_what, text) => {
    expect(bank(text)).toEqual([]);
  });
});
