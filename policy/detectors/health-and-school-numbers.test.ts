import { describe, expect, it } from "vitest";
import { detectNhsNumbers } from "./nhs-number.js";
import { makeScan, type Candidate, type Scan } from "./text.js";
import { detectUlns } from "./uln.js";
import { detectUpns, isKnownLaCode } from "./upn.js";

function found(detect: (scan: Scan, out: Candidate[]) => void, text: string): string[] {
  const out: Candidate[] = [];
  detect(makeScan(text, "body", { start: text.length, end: text.length }, 0), out);
  return out.map(
    (candidate) => `${candidate.type} ${text.slice(candidate.start, candidate.end)} ${candidate.confidence}`,
  );
}

describe("detectNhsNumbers (NHS Digital's example 943 476 5919)", () => {
  it.each([
    ["health context before", "NHS no. 943 476 5919", ["nhs-number 943 476 5919 0.97"]],
    ["health context after", "Her number is 943 476 5919 (NHS).", ["nhs-number 943 476 5919 0.97"]],
    ["a reference before", "Order number 943 476 5919", ["nhs-number 943 476 5919 0.3"]],
    ["a reference after", "Use 943 476 5919 as the order number.", ["nhs-number 943 476 5919 0.3"]],
    ["no context", "Number 9434765919", ["nhs-number 9434765919 0.5"]],
    // Labelled, a number failing mod 11 is the child's number mistyped; unlabelled it is anything.
    ["a failing check digit, labelled", "NHS no. 943 476 5918", ["nhs-number 943 476 5918 0.8"]],
    ["a failing check digit, labelled only after", "Her number is 943 476 5918 (NHS).", []],
    ["a failing check digit, unlabelled", "Number 943 476 5918", []],
    ["a training example's placeholder", "an NHS number like 999 999 9999", []],
    [
      "health context earlier in the sentence",
      "The nurse needs Ruby's NHS number for the immunisation list - it's 943 476 5919.",
      ["nhs-number 943 476 5919 0.97"],
    ],
    // "NHS" starting 120 characters before the number is read (4 + 115 + 1); 121 characters before is not.
    ["health context 120 characters before", `NHS ${"x".repeat(115)} 943 476 5919`, ["nhs-number 943 476 5919 0.97"]],
    ["health context 121 characters before", `NHS ${"x".repeat(116)} 943 476 5919`, ["nhs-number 943 476 5919 0.5"]],
    // "NHS" ending 60 characters after the number is read (1 + 55 + 4); 61 characters after is not.
    ["health context 60 characters after", `943 476 5919 ${"x".repeat(55)} NHS`, ["nhs-number 943 476 5919 0.97"]],
    ["health context 61 characters after", `943 476 5919 ${"x".repeat(56)} NHS`, ["nhs-number 943 476 5919 0.5"]],
  ])("%s", (_what, text, expected) => {
    expect(found(detectNhsNumbers, text)).toEqual(expected);
  });
});

describe("detectUlns (worked example 9276308686)", () => {
  it.each([
    ["with ULN before it", "ULN 9276308686", ["uln 9276308686 0.95"]],
    ["as a reference", "Order 9276308686", ["uln 9276308686 0.4"]],
    ["with no context", "Number 9276308686", ["uln 9276308686 0.6"]],
    ["a failing check digit, labelled", "ULN 9276308685", ["uln 9276308685 0.8"]],
    ["a failing check digit, unlabelled", "Number 9276308685", []],
    ["a placeholder run", "ULN 1234567890", []],
  ])("%s", (_what, text, expected) => {
    expect(found(detectUlns, text)).toEqual(expected);
  });
});

describe("detectUpns", () => {
  // B801200005001: LA 801 (Bristol) with its check letter worked in check-digits.test.ts.
  // P000000000001: 1 × 13 = 13, 13 mod 23 = 13 → P, under LA code 000, which no authority has.
  it.each([
    ["a known LA code with UPN before it", "UPN B801200005001", ["upn B801200005001 0.98"]],
    ["a known LA code alone", "Ref B801200005001", ["upn B801200005001 0.95"]],
    ["an unknown LA code with UPN before it", "UPN P000000000001", ["upn P000000000001 0.9"]],
    ["an unknown LA code alone", "Ref P000000000001", ["upn P000000000001 0.6"]],
    ["a wrong check letter, labelled", "UPN A801200005001", ["upn A801200005001 0.8"]],
    ["a wrong check letter, unlabelled", "Ref A801200005001", []],
  ])("%s", (_what, text, expected) => {
    expect(found(detectUpns, text)).toEqual(expected);
  });

  // The DfE's LA codes: 201 City of London to 213 Westminster; none is 200 or 214.
  it.each([
    [201, true],
    [213, true],
    [207, true],
    [200, false],
    [214, false],
    [0, false],
    [999, false],
  ])("LA code %i is known: %s", (code, known) => {
    expect(isKnownLaCode(code)).toBe(known);
  });
});
