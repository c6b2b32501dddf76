import { describe, expect, it } from "vitest";
import { isOnDomain, isOnDomains, isValidDomain, isValidUkPostcode, regexSourceProblem } from "./validators.js";

// 63 is the longest DNS label (RFC 1035 §2.3.4); 253 the longest name written with dots.
const label63 = "a".repeat(63);
const longest = `${label63}.${label63}.${label63}.${"b".repeat(61)}`; // 3 × 63 + 61 + 3 dots = 253

describe("isValidDomain", () => {
  it.each([
    ["a school domain", "oak-lane.sch.uk"],
    ["a webmail domain", "gmail.com"],
    ["a one-letter label", "x.sch.uk"],
    ["digits inside a label", "st-john-payne2.sch.uk"],
    ["a 63-character label", `${label63}.com`],
    ["a 253-character name", longest],
  ])("accepts %s (%s)", (_, domain) => {
    expect(isValidDomain(domain)).toBe(true);
  });

  it.each([
    ["a single label", "localhost"],
    ["a label starting with a hyphen", "-oak.sch.uk"],
    ["a label ending with a hyphen", "oak-.sch.uk"],
    ["an empty label", "oak..sch.uk"],
    ["a 64-character label", `${"a".repeat(64)}.com`],
    ["a 254-character name", `${longest}b`],
    ["a top-level domain starting with a digit", "example.1com"],
    ["a top-level domain ending with a digit", "example.com1"],
    ["a one-letter top-level domain", "example.c"],
    ["an underscore", "oak_lane.sch.uk"],
  ])("refuses %s", (_, domain) => {
    expect(isValidDomain(domain)).toBe(false);
  });
});

describe("isValidUkPostcode", () => {
  // The six outward-code shapes, with Royal Mail's published examples.
  it.each([
    ["A9 9AA", "M1 1AE"],
    ["A99 9AA", "B33 8TH"],
    ["A9A 9AA", "W1A 0AX"],
    ["AA9 9AA", "CR2 6XH"],
    ["AA99 9AA", "DN55 1PT"],
    ["AA9A 9AA", "EC1A 1BB"],
    ["no space", "EC1A1BB"],
    ["lower case", "cv23 0pd"],
    ["spaces around it", "  SE6 4TY "],
  ])("accepts %s (%s)", (_, postcode) => {
    expect(isValidUkPostcode(postcode)).toBe(true);
  });

  it.each([
    ["three outward letters", "XCV23 0PD"],
    ["a letter after the inward code", "CV23 0PDX"],
    ["a missing inward letter", "CV23 0P"],
    ["two spaces", "CV23  0PD"],
    ["a town instead", "Exampletown"],
  ])("refuses %s (%s)", (_, postcode) => {
    expect(isValidUkPostcode(postcode)).toBe(false);
  });
});

describe("regexSourceProblem", () => {
  it("accepts a pattern that compiles", () => {
    expect(regexSourceProblem("^UPN\\d+$", "i")).toBeUndefined();
  });

  it("says why a pattern does not compile", () => {
    expect(regexSourceProblem("([a-z]", "")).toMatch(/Unterminated group/);
    expect(regexSourceProblem("a", "q")).toMatch(/flags/);
  });
});

describe("isOnDomain", () => {
  it.each([
    ["oak-lane.sch.uk", "oak-lane.sch.uk", true],
    ["students.oak-lane.sch.uk", "oak-lane.sch.uk", true],
    ["broak-lane.sch.uk", "oak-lane.sch.uk", false], // ends the same, but no dot before
    ["sch.uk", "oak-lane.sch.uk", false], // the parent is not on its child
  ])("%s on %s → %s", (domain, own, expected) => {
    expect(isOnDomain(domain, own)).toBe(expected);
  });
});

describe("isOnDomains", () => {
  it.each([
    ["the domain itself", "head@oak-lane.sch.uk", ["oak-lane.sch.uk"]],
    ["a subdomain", "head@staff.oak-lane.sch.uk", ["oak-lane.sch.uk"]],
    ["another case", "Head@OAK-LANE.sch.uk", ["Oak-Lane.sch.uk"]],
    ["the second domain", "ceo@oak-trust.org.uk", ["oak-lane.sch.uk", "oak-trust.org.uk"]],
  ])("is on: %s (%s)", (_, address, domains) => {
    expect(isOnDomains(address, domains)).toBe(true);
  });

  it.each([
    ["another school", "headteacher@st-john-payne.sch.uk", ["oak-lane.sch.uk"]],
    ["a name that only ends the same", "head@broak-lane.sch.uk", ["oak-lane.sch.uk"]],
    ["the parent domain", "head@sch.uk", ["oak-lane.sch.uk"]],
    ["no @", "oak-lane.sch.uk", ["oak-lane.sch.uk"]],
    ["no domains", "head@oak-lane.sch.uk", []],
  ])("is not on: %s (%s)", (_, address, domains) => {
    expect(isOnDomains(address, domains)).toBe(false);
  });
});
