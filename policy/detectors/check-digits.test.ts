import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng, corruptIbanGb, corruptNiNumber, ibanGb, niNumber } from "../../test/support/synthetic.js";
import {
  isValidIban,
  isValidNhsNumber,
  isValidNiNumber,
  isValidUln,
  isValidUpn,
  upnCheckLetter,
} from "./check-digits.js";

const seeds = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const compact = (value: string) => value.replace(/\s/g, "");

/** Replaces the character at `at` with another digit. */
function changeDigit(value: string, at: number, delta: number): string {
  return value.slice(0, at) + String((Number(value[at]) + delta) % 10) + value.slice(at + 1);
}

// Every expected value below is a literal: published by the body that issues the identifier (or its
// data standard), or worked by hand in the comment beside it. None is made by the code under test.

/** Every number that differs from `value` in exactly one digit. */
function singleDigitSubstitutions(value: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < value.length; at++) {
    const digit = value.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) continue;
    for (let delta = 1; delta <= 9; delta++) out.push(changeDigit(value, at, delta));
  }
  return out;
}

/** Every number with two neighbouring, different digits swapped. */
function adjacentTranspositions(value: string): string[] {
  const out: string[] = [];
  for (let at = 0; at + 1 < value.length; at++) {
    const [a, b] = [value.charAt(at), value.charAt(at + 1)];
    if (a !== b && /\d/.test(a) && /\d/.test(b)) out.push(value.slice(0, at) + b + a + value.slice(at + 2));
  }
  return out;
}

describe("NHS number (mod 11, weights 10..2)", () => {
  it.each([
    // 943 476 5919, the published example of the check (Wikipedia's NHS number article and the tools
    // that quote it):
    // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9.
    ["9434765919", true],
    // 900 000 0009, the test patient of NHS Digital's Personal Demographics Service (FHIR) sandbox:
    // 9×10 = 90; 90 mod 11 = 2; 11 − 2 = 9.
    ["9000000009", true],
    // The 999 range is never issued: synthetic numbers for tests. 999 000 0018: 90 + 81 + 72 + 1×2 = 245;
    // 245 mod 11 = 3; 11 − 3 = 8.
    ["9990000018", true],
    // 999 000 0050: 243 + 5×2 = 253 = 23 × 11, remainder 0; 11 − 0 = 11, which is written 0.
    ["9990000050", true],
    // 999 765 4323: 243 + 7×7 + 6×6 + 5×5 + 4×4 + 3×3 + 2×2 = 382; 382 mod 11 = 8; 11 − 8 = 3.
    ["9997654323", true],
    ["9434765918", false],
    ["9990000019", false],
    // 999 123 456x: 243 + 7 + 12 + 15 + 16 + 15 + 12 = 320; 320 mod 11 = 1; 11 − 1 = 10: no digit can be right.
    ["9991234560", false],
    ["9991234569", false],
    // 987 654 4321, the NHS's format example, is not a valid number: 339 mod 11 = 9; 11 − 9 = 2, not 1.
    ["9876544321", false],
  ])("%s → %s", (value, valid) => {
    expect(isValidNhsNumber(value)).toBe(valid);
  });

  it.each([
    ["not ten digits", "123456789"],
    ["eleven digits", "94347659190"],
    ["letters", "12345678AB"],
    ["all the same digit (passes the sum, never issued)", "4444444444"],
    ["spaces not removed", "943 476 5919"],
    ["check value 10 (no valid check digit exists)", "1000000010"],
  ])("rejects %s", (_label, value) => {
    expect(isValidNhsNumber(value)).toBe(false);
  });

  it.each(["9434765919", "9000000009", "9997654323"])(
    "rejects every single-digit change and neighbour swap of %s",
    (value) => {
      for (const changed of [...singleDigitSubstitutions(value), ...adjacentTranspositions(value)]) {
        expect(isValidNhsNumber(changed), changed).toBe(false);
      }
    },
  );
});

describe("ULN (weights 10..2, check = 10 − sum mod 11, remainder 0 invalid)", () => {
  it.each([
    // HESA's ULN field notes (the ESFA's Learning Records Service check): weights 10..1 over all ten
    // digits of 9276308686 give 296, and 296 mod 11 = 10. Over the first nine: 290 mod 11 = 4; 10 − 4 = 6.
    ["9276308686", true],
    ["9276308685", false],
    ["9276308687", false],
    // The ILR's "ULN not known" value is not a ULN: 9 × 54 = 486; 486 mod 11 = 2; 10 − 2 = 8, not 9.
    ["9999999999", false],
    // 100 020 000x: 1×10 + 2×6 = 22, remainder 0: rejected whatever the last digit.
    ["1000200000", false],
    ["1000200009", false],
    // A leading zero is never issued, even with the sum right: 027630868 sums to 200 with weights 10..2;
    // 200 mod 11 = 2; 10 − 2 = 8.
    ["0276308688", false],
    ["927630868", false],
    ["92763086860", false],
  ])("%s → %s", (value, valid) => {
    expect(isValidUln(value)).toBe(valid);
  });

  it("rejects every single-digit change and neighbour swap of the published example", () => {
    for (const changed of [...singleDigitSubstitutions("9276308686"), ...adjacentTranspositions("9276308686")]) {
      expect(isValidUln(changed), changed).toBe(false);
    }
  });

  it("never takes a published NHS number for a ULN, nor the reverse (the checks were designed apart)", () => {
    for (const nhs of ["9434765919", "9000000009", "9990000018", "9990000050", "9997654323"]) {
      expect(isValidUln(nhs), nhs).toBe(false);
    }
    expect(isValidNhsNumber("9276308686")).toBe(false);
  });
});

describe("UPN (DfE check letter, mod 23)", () => {
  // The Common Basic Data Set's rule: weights 2..13 over characters 2–13, the sum mod 23 read in the
  // table 0 = A … 7 = H, 8 = J … 12 = N, 13 = P, 14 = Q, 15 = R, 16 = T … 22 = Z (no I, O or S); a
  // temporary UPN's final letter counts as its value in the same table.
  it.each([
    // 801200005001: 8×2 + 1×4 + 2×5 + 5×10 + 1×13 = 93; 93 mod 23 = 1 → B.
    ["B801200005001", true],
    ["A801200005001", false],
    // The worked example quoted with the DfE census error 1510 ("UPN invalid (wrong check letter)"):
    // 207000016049 gives 2×2 + 4×7 + 9×1 + 10×6 + 12×4 + 13×9. Those products add up to 266, not the
    // 267 the text states, and 266 mod 23 = 13 is P in its own table, not Q.
    ["P207000016049", true],
    ["Q207000016049", false],
    ["B207000016049", false],
    // Temporary UPNs, worked by hand: 80120000500A → 80 + 0×13 = 80; 80 mod 23 = 11 → M.
    ["M80120000500A", true],
    // 80120000500T: T is 16 in the table (I, O and S skipped), 80 + 16×13 = 288; 288 mod 23 = 12 → N.
    ["N80120000500T", true],
    // Counting T as 19 (the alphabet with I, O and S) would give 327 mod 23 = 5 → F: wrong.
    ["F80120000500T", false],
    // 80120000500Z: 80 + 22×13 = 366; 366 mod 23 = 21 → Y.
    ["Y80120000500Z", true],
  ])("%s → %s", (value, valid) => {
    expect(isValidUpn(value)).toBe(valid);
  });

  it.each([
    ["801200005001", "B"],
    ["207000016049", "P"],
    ["80120000500A", "M"],
    ["80120000500T", "N"],
    ["80120000500Z", "Y"],
    ["80120000500I", ""],
    // Only the 12 characters after the check letter count: anything after them is not read.
    ["801200005001Z", "B"],
  ])("the check letter of %s is %j", (body, letter) => {
    expect(upnCheckLetter(body)).toBe(letter);
  });

  it("rejects every single-digit change and neighbour swap of B801200005001", () => {
    for (const changed of [...singleDigitSubstitutions("B801200005001"), ...adjacentTranspositions("B801200005001")]) {
      expect(isValidUpn(changed), changed).toBe(false);
    }
  });

  it.each([
    ["lower case", "b801200005001"],
    ["a letter inside the digits", "X80120000A001"],
    ["I, O or S as the temporary letter", "B80120000500I"],
    ["O as the temporary letter", "B80120000500O"],
    ["S as the temporary letter", "B80120000500S"],
    ["too short", "B80120000500"],
    ["too long", "B8012000050011"],
    ["no check letter", "1801200005001"],
    // B80120000500 after a first letter: B=1, so 1×2 + 8×3 + 1×5 + 2×6 + 5×11 = 98; 98 mod 23 = 6 → G. The
    // letter is right for the characters after it, but a UPN has one letter before eleven digits.
    ["two letters first", "GB801200005001"],
  ])("rejects %s", (_label, value) => {
    expect(isValidUpn(value)).toBe(false);
  });
});

describe("National Insurance number (HMRC prefix rules)", () => {
  it("accepts generated numbers and rejects banned prefixes", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const rng = new Rng(seed);
        expect(isValidNiNumber(compact(niNumber(rng)))).toBe(true);
        expect(isValidNiNumber(compact(corruptNiNumber(rng)))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["AB123456C", true],
    ["JG103759A", true],
    ["DA123456A", false],
    ["FA123456A", false],
    ["AO123456A", false],
    ["AV123456A", false],
    ["GB123456A", false],
    ["NK123456A", false],
    ["TN123456A", false],
    ["ZZ123456A", false],
    ["KN123456A", false],
    ["NT123456A", false],
    // The shape is the whole value: a letter before it or after it is no NI number.
    ["XAB123456A", false],
    ["AB123456AB", false],
    ["AB123456E", false],
    ["AB12345C", false],
  ])("%s → %s", (value, valid) => {
    expect(isValidNiNumber(value)).toBe(valid);
  });
});

describe("IBAN (mod 97 = 1)", () => {
  it("accepts generated GB IBANs and rejects corrupted check digits", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const rng = new Rng(seed);
        expect(isValidIban(ibanGb(rng, true))).toBe(true);
        expect(isValidIban(compact(corruptIbanGb(rng)))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["GB82WEST12345698765432", true],
    ["GB82WEST12345698765431", false],
    ["GB82 WEST 1234 5698 7654 32", false],
    ["XX", false],
    // Each of these passes the mod-97 sum (the letters and digits moved and counted as above), so only the
    // shape rejects it: one check digit, too few characters, a character before the country, one after.
    ["GB0WEST12345698765426", false],
    ["GB0094123", false],
    ["1GB82WEST123456987694", false],
    ["GB82WEST12345698765467x", false],
  ])("%s → %s", (value, valid) => {
    expect(isValidIban(value)).toBe(valid);
  });
});
