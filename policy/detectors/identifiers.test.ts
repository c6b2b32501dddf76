import { describe, expect, it } from "vitest";
import { detectDrivingLicences } from "./driving-licence.js";
import { detectNiNumbers } from "./ni-number.js";
import { detectPassportNumbers } from "./passport-number.js";
import { makeScan, type Candidate, type Scan } from "./text.js";

type Detector = (scan: Scan, out: Candidate[]) => void;

function found(detect: Detector, text: string): string[] {
  const out: Candidate[] = [];
  detect(makeScan(text, "body", { start: text.length, end: text.length }, 0), out);
  return out.map((candidate) => `${text.slice(candidate.start, candidate.end)} ${candidate.confidence}`);
}

describe("detectNiNumbers", () => {
  // HMRC's own example number (National Insurance Manual NIM39110), and its prefix rules.
  it.each([
    ["spaced", "NI number AB 12 34 56 C.", "AB 12 34 56 C 0.95"],
    ["compact", "NINO AB123456C", "AB123456C 0.95"],
    ["lower case", "ni: ab 12 34 56 c", "ab 12 34 56 c 0.95"],
    ["with hyphens", "NI: AB-12-34-56-C", "AB-12-34-56-C 0.95"],
    // A prefix HMRC never issues (TN: a temporary number) counts beside NI context, at less confidence.
    ["never-issued prefix after 'NI number'", "NI number: TN 31 40 72 B", "TN 31 40 72 B 0.85"],
    ["never-issued prefix before '(national insurance)'", "TN314072B (national insurance)", "TN314072B 0.85"],
    ["never-issued prefix 40 characters after the context", `NINO${" ".repeat(36)}TN 31 40 72 B`, "TN 31 40 72 B 0.85"],
  ])("finds one %s", (_what, text, expected) => {
    expect(found(detectNiNumbers, text)).toEqual([expected]);
  });

  it.each([
    ["a first letter HMRC never issues (D)", "DA 12 34 56 C"],
    ["a second letter HMRC never issues (O)", "AO 12 34 56 C"],
    ["a prefix HMRC never issues (GB)", "GB 12 34 56 C"],
    ["a suffix past D", "AB 12 34 56 E"],
    ["HMRC's example prefix QQ, even as an NI number", "NI number: QQ 12 34 56 C"],
    ["a never-issued prefix 41 characters after the context", `NINO${" ".repeat(37)}TN 31 40 72 B`],
    ["a never-issued prefix with the context 31 characters after", `TN 31 40 72 B${" ".repeat(31)}NI number`],
  ])("not %s", (_what, text) => {
    expect(found(detectNiNumbers, text)).toEqual([]);
  });
});

describe("detectPassportNumbers", () => {
  it.each([
    ["nine digits", "Her passport number is 123456789.", "123456789 0.9"],
    ["in threes", "Passport 123 456 789", "123 456 789 0.9"],
    ["as printed (2-3-4)", "passport no. 50 123 4567", "50 123 4567 0.9"],
  ])("finds %s shortly after 'passport'", (_what, text, expected) => {
    expect(found(detectPassportNumbers, text)).toEqual([expected]);
  });

  it.each([
    ["nine digits without the word", "Order 123456789 has shipped."],
    ["the word more than 80 characters before", `Passport: see below. ${"x".repeat(80)} 123456789`],
    ["a passport-like word", "Passports are due. Ref: 123456789"],
    ["ten digits", "Passport 1234567890"],
  ])("not %s", (_what, text) => {
    expect(found(detectPassportNumbers, text)).toEqual([]);
  });
});

describe("detectDrivingLicences", () => {
  // DVLA's specimen photocard licence: MORGA753116SM9IJ (Sarah Morgan, born 11 March 1976: month 53 = 03 + 50).
  it.each([
    ["with 'licence' before it", "Driving licence MORGA753116SM9IJ", "MORGA753116SM9IJ 0.95"],
    ["with 'DVLA' before it", "DVLA: MORGA753116SM9IJ", "MORGA753116SM9IJ 0.95"],
    ["with 'license' before it", "License no. MORGA753116SM9IJ", "MORGA753116SM9IJ 0.95"],
    ["alone, less sure", "Number MORGA753116SM9IJ", "MORGA753116SM9IJ 0.75"],
    ["a man's, month 03", "Number MORGA703116SM9IJ", "MORGA703116SM9IJ 0.75"],
    ["month 12, day 31", "Number MORGA712316SM9IJ", "MORGA712316SM9IJ 0.75"],
    ["month 62, day 01", "Number MORGA762016SM9IJ", "MORGA762016SM9IJ 0.75"],
    ["a short surname padded with 9s", "Number LEE99753116SM9IJ", "LEE99753116SM9IJ 0.75"],
  ])("finds one %s", (_what, text, expected) => {
    expect(found(detectDrivingLicences, text)).toEqual([expected]);
  });

  it.each([
    ["month 00", "MORGA700116SM9IJ"],
    ["month 13", "MORGA713116SM9IJ"],
    ["month 50", "MORGA750116SM9IJ"],
    ["month 63", "MORGA763116SM9IJ"],
    ["day 00", "MORGA753006SM9IJ"],
    ["day 32", "MORGA753326SM9IJ"],
  ])("not with %s", (_what, text) => {
    expect(found(detectDrivingLicences, `Licence ${text}`)).toEqual([]);
  });

  it("reads only the 40 characters before it for context", () => {
    expect(found(detectDrivingLicences, `Licence below. ${"x".repeat(40)} MORGA753116SM9IJ`)).toEqual([
      "MORGA753116SM9IJ 0.75",
    ]);
  });
});
