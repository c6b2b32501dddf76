import { describe, expect, it } from "vitest";
import { detectPassportNumbers } from "./passport-number.js";
import { makeScan, type Candidate } from "./text.js";

function passports(text: string): string[] {
  const out: Candidate[] = [];
  detectPassportNumbers(makeScan(text, "body", { start: text.length, end: text.length }, 0), out);
  return out.map((found) => `${text.slice(found.start, found.end)} ${found.confidence}`);
}

// Invented nine-digit numbers: a UK passport number has no check digit to get right.
describe("detectPassportNumbers", () => {
  it.each([
    ["introduced as a passport number", "Passport number: 123456789", ["123456789 0.9"]],
    // "passport" at index 1 of the text still counts.
    ["in brackets", "(passport 123456789)", ["123456789 0.9"]],
    ["'passport' 80 characters before", `Passport${" ".repeat(72)}123456789`, ["123456789 0.9"]],
    [
      "'passport' a clause before",
      "We still need the passport number for the guardian form - you gave 532418876 but the scan was cut off.",
      ["532418876 0.9"],
    ],
    ["'passport' just after", "123456789 is her passport number", ["123456789 0.9"]],
    // The window after is 30 characters: the word must end inside it.
    ["'passport' ending 30 characters after", `123456789${" ".repeat(22)}passport`, ["123456789 0.9"]],
  ])("finds %s", (_what, text, expected) => {
    expect(passports(text)).toEqual(expected);
  });

  it.each([
    ["nine digits with no passport word", "Order 123456789 has shipped."],
    ["'passport' 81 characters before", `Passport${" ".repeat(73)}123456789`],
    ["ten digits", "Passport number: 1234567890"],
    ["'passport' ending 31 characters after", `123456789${" ".repeat(23)}passport`],
  ])("not %s", (_what, text) => {
    expect(passports(text)).toEqual([]);
  });
});
