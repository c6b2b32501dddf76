import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rng, nhsNumber, uln, upn } from "../../test/support/synthetic.js";
import {
  isValidIban,
  isValidNhsNumber,
  isValidNiNumber,
  isValidUln,
  isValidUpn,
  upnCheckLetter,
} from "./check-digits.js";

describe("check digits", () => {
  it.each([
    ["not ten digits", "123456789"],
    ["letters", "12345678AB"],
    ["all the same digit", "4444444444"],
    ["spaces not removed", "943 476 5919"],
  ])("NHS: rejects %s", (_label, value) => {
    expect(isValidNhsNumber(value)).toBe(false);
  });

  it("NHS: any single-digit substitution of a valid number is detected (mod 11 with weights 10..2)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (seed, at, delta) => {
        const valid = nhsNumber(new Rng(seed));
        const digit = (Number(valid[at]) + delta) % 10;
        const changed = valid.slice(0, at) + String(digit) + valid.slice(at + 1);
        expect(isValidNhsNumber(changed)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("ULN: rejects a leading zero and single-digit changes", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), (seed, at, delta) => {
        const valid = uln(new Rng(seed));
        expect(isValidUln(valid)).toBe(true);
        const changed = valid.slice(0, at) + String((Number(valid[at]) + delta) % 10) + valid.slice(at + 1);
        expect(isValidUln(changed)).toBe(false);
      }),
      { numRuns: 1000 },
    );
    expect(isValidUln("0123456789")).toBe(false);
  });

  it("UPN: the check letter is computed from the twelve characters after it", () => {
    const rng = new Rng(9);
    for (let i = 0; i < 100; i++) {
      const value = upn(rng);
      expect(upnCheckLetter(value.slice(1))).toBe(value[0]);
      expect(isValidUpn(value.toLowerCase())).toBe(false);
    }
  });

  it.each([
    ["AB123456C", true],
    ["JG103759A", true],
    ["DA123456A", false],
    ["AO123456A", false],
    ["GB123456A", false],
    ["NK123456A", false],
    ["AB123456E", false],
    ["AB12345C", false],
  ])("NI number %s → %s", (value, valid) => {
    expect(isValidNiNumber(value)).toBe(valid);
  });

  it.each([
    ["GB82WEST12345698765432", true],
    ["GB82WEST12345698765431", false],
    ["GB82 WEST 1234 5698 7654 32", false],
    ["XX", false],
  ])("IBAN %s → %s", (value, valid) => {
    expect(isValidIban(value)).toBe(valid);
  });
});
