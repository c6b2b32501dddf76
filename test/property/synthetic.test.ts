import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isValidIban,
  isValidNhsNumber,
  isValidNiNumber,
  isValidUln,
  isValidUpn,
} from "../../policy/detectors/check-digits.js";
import {
  Rng,
  address,
  corruptIbanGb,
  corruptNhsNumber,
  corruptNiNumber,
  corruptTenDigits,
  corruptUln,
  corruptUpn,
  drivingLicence,
  ibanGb,
  landlineNumber,
  mobileNumber,
  nhsNumber,
  niNumber,
  sortCode,
  uln,
  upn,
} from "../support/synthetic.js";

const compact = (value: string) => value.replace(/\s/g, "");
const seeds = fc.integer();
const runs = { numRuns: 500 };

describe("synthetic identifiers pass the engine's own validators; corrupted ones fail", () => {
  it("NHS numbers", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        expect(isValidNhsNumber(nhsNumber(new Rng(seed)))).toBe(true);
        expect(isValidNhsNumber(corruptNhsNumber(new Rng(seed)))).toBe(false);
      }),
      runs,
    );
  });

  it("ULNs", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        expect(isValidUln(uln(new Rng(seed)))).toBe(true);
        expect(isValidUln(corruptUln(new Rng(seed)))).toBe(false);
      }),
      runs,
    );
  });

  it("ten-digit hard negatives are neither NHS numbers nor ULNs", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const digits = corruptTenDigits(new Rng(seed));
        expect(isValidNhsNumber(digits) || isValidUln(digits)).toBe(false);
      }),
      runs,
    );
  });

  it("UPNs, with their check letter", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        expect(isValidUpn(upn(new Rng(seed)))).toBe(true);
        expect(isValidUpn(corruptUpn(new Rng(seed)))).toBe(false);
      }),
      runs,
    );
  });

  it("NI numbers obey the prefix rules", () => {
    fc.assert(
      fc.property(seeds, fc.boolean(), (seed, spaced) => {
        expect(isValidNiNumber(compact(niNumber(new Rng(seed), spaced)))).toBe(true);
        expect(isValidNiNumber(compact(corruptNiNumber(new Rng(seed))))).toBe(false);
      }),
      runs,
    );
  });

  it("GB IBANs satisfy mod 97; corrupted check digits do not", () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        expect(isValidIban(compact(ibanGb(new Rng(seed))))).toBe(true);
        expect(isValidIban(compact(corruptIbanGb(new Rng(seed))))).toBe(false);
      }),
      runs,
    );
  });

  it("formats: sort codes, drama-range phones, 9xx postcodes, DVLA licence layout", () => {
    const rng = new Rng(1);
    for (let i = 0; i < 200; i++) {
      expect(sortCode(rng)).toMatch(/^\d{2}-\d{2}-\d{2}$/);
      expect(mobileNumber(rng)).toMatch(/^07700 900\d{3}$/);
      expect(landlineNumber(rng)).toMatch(/^(0161 496|0113 496|0117 496|020 7946|0191 498) 0\d{3}$/);
      expect(address(rng).postcode).toMatch(/^[A-Z]{1,2}\d{1,2} 9[A-Z]{2}$/);
      expect(drivingLicence(rng, "Ashdown", "Oliver")).toMatch(/^[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}$/);
    }
  });

  it("is deterministic per seed", () => {
    expect(nhsNumber(new Rng(5))).toBe(nhsNumber(new Rng(5)));
    expect(upn(new Rng(5))).toBe(upn(new Rng(5)));
  });
});
