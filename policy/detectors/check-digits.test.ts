import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Rng,
  corruptIbanGb,
  corruptNiNumber,
  corruptUln,
  corruptUpn,
  ibanGb,
  nhsNumber,
  niNumber,
  temporaryUpn,
  uln,
  upn,
} from "../../test/support/synthetic.js";
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

describe("NHS number (mod 11, weights 10..2)", () => {
  it("accepts every generated number", () => {
    fc.assert(
      fc.property(seeds, (seed) => isValidNhsNumber(nhsNumber(new Rng(seed)))),
      { numRuns: 2000 },
    );
  });

  it("detects any single-digit substitution", () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (seed, at, delta) => {
        expect(isValidNhsNumber(changeDigit(nhsNumber(new Rng(seed)), at, delta))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["not ten digits", "123456789"],
    ["letters", "12345678AB"],
    ["all the same digit (passes the sum, never issued)", "4444444444"],
    ["spaces not removed", "943 476 5919"],
    ["check value 10 (no valid check digit exists)", "1000000010"],
  ])("rejects %s", (_label, value) => {
    expect(isValidNhsNumber(value)).toBe(false);
  });

  it("accepts the synthetic 943 476 5919 and rejects 943 476 5918", () => {
    expect(isValidNhsNumber("9434765919")).toBe(true);
    expect(isValidNhsNumber("9434765918")).toBe(false);
  });
});

describe("ULN (weights 10..2, check = 10 − sum mod 11, remainder 0 invalid)", () => {
  it("accepts the published worked example 9276308686", () => {
    // HESA's ULN field notes: weights 10..1 over all ten digits give 296, remainder 10.
    expect(isValidUln("9276308686")).toBe(true);
  });

  it("accepts every generated ULN and rejects corrupted ones", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const rng = new Rng(seed);
        expect(isValidUln(uln(rng))).toBe(true);
        expect(isValidUln(corruptUln(rng))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("detects single-digit substitutions and a leading zero", () => {
    fc.assert(
      fc.property(seeds, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (seed, at, delta) => {
        expect(isValidUln(changeDigit(uln(new Rng(seed)), at, delta))).toBe(false);
      }),
      { numRuns: 2000 },
    );
    expect(isValidUln("0123456789")).toBe(false);
  });

  it("never accepts a valid NHS number (the two checks were designed apart)", () => {
    fc.assert(
      fc.property(seeds, (seed) => !isValidUln(nhsNumber(new Rng(seed)))),
      { numRuns: 2000 },
    );
  });
});

describe("UPN (DfE check letter, mod 23)", () => {
  it.each([
    ["B801200005001", true],
    ["A801200005001", false],
    // An MIS help page's worked example sums 207000016049 to "267 → Q", but the products it lists add
    // up to 266, and 266 mod 23 = 13 is P in its own table: P is right, Q is the page's slip.
    ["P207000016049", true],
    ["Q207000016049", false],
  ])("example %s → %s", (value, valid) => {
    expect(isValidUpn(value)).toBe(valid);
  });

  it("accepts generated permanent and temporary UPNs and rejects a wrong check letter", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const rng = new Rng(seed);
        const permanent = upn(rng);
        const temporary = temporaryUpn(rng);
        expect(isValidUpn(permanent)).toBe(true);
        expect(isValidUpn(temporary)).toBe(true);
        expect(/[A-Z]$/.test(temporary)).toBe(true);
        expect(upnCheckLetter(permanent.slice(1))).toBe(permanent[0]);
        expect(isValidUpn(corruptUpn(rng))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ["lower case", "b801200005001"],
    ["a letter inside the digits", "X80120000A001"],
    ["I, O or S as the temporary letter", "B80120000500I"],
    ["too short", "B80120000500"],
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
  ])("%s → %s", (value, valid) => {
    expect(isValidIban(value)).toBe(valid);
  });
});
