import { describe, expect, it } from "vitest";
import { packFor } from "../engine/rule-tester.js";
import { loadPolicy } from "../pack/load.js";
import { compileCustomIdentifiers, findCustomIdentifiers } from "./custom-identifiers.js";
import { packFacts } from "./pack-facts.js";
import { detectPostalAddresses } from "./postal-address.js";
import { makeScan, type Candidate } from "./text.js";

// The delius preset's own address: Delius School, 1 Example Lane, Bradford BD3 9ZZ.
const facts = packFacts(loadPolicy("delius"));

function addresses(text: string, signatureAt = text.length): string[] {
  const out: Candidate[] = [];
  detectPostalAddresses(makeScan(text, "body", { start: signatureAt, end: text.length }, 0), facts, out);
  return out.map((found) => `${text.slice(found.start, found.end)} ${found.confidence}`);
}

describe("detectPostalAddresses", () => {
  it.each([
    [
      "a street and its postcode, as one",
      "Mia's new home is 14 Mill Lane, Leeds LS6 9XA.",
      ["14 Mill Lane, Leeds LS6 9XA 0.95"],
    ],
    [
      "a lettered number and a comma",
      "Post it to 3a, Upper Church Street, Otley LS21 3AB",
      ["3a, Upper Church Street, Otley LS21 3AB 0.95"],
    ],
    ["a postcode with address context", "Her new address is in Leeds, LS6 9XA", ["LS6 9XA 0.85"]],
    ["a bare postcode, below the threshold", "The LS6 9XA area is flooded.", ["LS6 9XA 0.6"]],
    ["a postcode without its space", "Moved to LS69XA last week", ["LS69XA 0.85"]],
    ["where a child is picked up", "Mia needs picking up from LS6 9XA next week.", ["LS6 9XA 0.85"]],
    ["a street with context, no postcode", "He lives at 27 Acacia Avenue with his nan.", ["27 Acacia Avenue 0.8"]],
    // Context after the street as well as before (development part BG's subject line).
    ["a street with context after it", "Dylan Ackroyd - 54 Thornton Rd - address change", ["54 Thornton Rd 0.8"]],
    [
      "two addresses, each street with its own postcode",
      "Mum: 14 Mill Lane, Leeds LS6 9XA. Dad: 9 Park Road, York YO1 7HH.",
      ["14 Mill Lane, Leeds LS6 9XA 0.95", "9 Park Road, York YO1 7HH 0.95"],
    ],
  ])("finds %s", (_what, text, expected) => {
    expect(addresses(text)).toEqual(expected);
  });

  it.each([
    ["the school's own postcode", "Send it to the school, BD3 9ZZ."],
    // The pack writes "BD3 9ZZ": spaces are left out on both sides before comparing.
    ["the school's own postcode without its space", "Send it to the school, BD39ZZ."],
    ["the school's own street line", "Her address is 1 Example Lane."],
    ["the school's own street line with a comma", "Her address is 1, Example Lane."],
    ["a street without context or postcode", "We walked along 14 Mill Lane to the park."],
    ["a postcode with a letter never used inward (C)", "LS6 9CA"],
  ])("not %s", (_what, text) => {
    expect(addresses(text)).toEqual([]);
  });

  it("leaves the sender's signature alone", () => {
    const text = "See you then.\nKind regards\nJo Hart\n14 Mill Lane, Leeds LS6 9XA";
    expect(addresses(text, text.indexOf("Kind"))).toEqual([]);
  });

  it("does not join a street to a postcode more than 80 characters on", () => {
    const text = `Lives at 14 Mill Lane. ${"x".repeat(80)} LS6 9XA`;
    expect(addresses(text)).toEqual(["LS6 9XA 0.6", "14 Mill Lane 0.8"]);
  });

  it("a street on a line of the school's address without a number is not the school's", () => {
    // "Bradford" is the school's town line: only its numbered line can match a street.
    expect(addresses("Her address is 14 Bradford Road.")).toEqual(["14 Bradford Road 0.8"]);
  });

  it("joins a street to a postcode exactly 80 characters on", () => {
    const text = `14 Mill Lane ${"x".repeat(66)} LS6 9XA`;
    expect(addresses(text)).toEqual([`${text} 0.95`]);
  });

  it("a street that is part of the school's own numbered line is the school's", () => {
    const unit = packFacts(
      packFor("delius", { school: { address: { lines: ["Unit 4, 12 Mill Lane", "Bradford"], postcode: "BD3 9ZZ" } } }),
    );
    const text = "Her address is 12 Mill Lane.";
    const out: Candidate[] = [];
    detectPostalAddresses(makeScan(text, "body", { start: text.length, end: text.length }, 0), unit, out);
    expect(out).toEqual([]);
  });

  it.each([
    // The school is 1 Example Lane: a pupil at 21 or 11 Example Lane lives elsewhere.
    ["21 Example Lane", "He lives at 21 Example Lane with his nan.", ["21 Example Lane 0.8"]],
    ["11 Example Lane", "He lives at 11 Example Lane with his nan.", ["11 Example Lane 0.8"]],
  ])("a street that only contains the school's line as text is someone's home: %s", (_what, text, expected) => {
    expect(addresses(text)).toEqual(expected);
  });

  it("joins a street to the first postcode after it only", () => {
    expect(addresses("14 Mill Lane, Leeds LS6 9XA or LS6 9XB")).toEqual([
      "14 Mill Lane, Leeds LS6 9XA 0.95",
      "LS6 9XB 0.6",
    ]);
  });
});

describe("custom identifiers", () => {
  const matchers = compileCustomIdentifiers([
    { id: "admission-number", label: "Admission number", pattern: "ADM\\d{6}", flags: "i" },
    { id: "bad", label: "Bad", pattern: "(", flags: "g" },
    { id: "empty", label: "Empty", pattern: "x*", flags: "g" },
  ]);

  it("compiles each pattern with the global flag, skipping one that does not compile", () => {
    expect(matchers.map((matcher) => [matcher.id, matcher.pattern.flags])).toEqual([
      ["admission-number", "gi"],
      ["empty", "g"],
    ]);
  });

  it("finds every match outside the signature, and no empty ones", () => {
    const text = "Pupils ADM123456 and adm654321.\nKind regards\nADM000001";
    const scan = makeScan(text, "body", { start: text.indexOf("Kind"), end: text.length }, 0);
    expect(
      findCustomIdentifiers(scan, matchers).map((match) => [match.id, match.label, text.slice(match.start, match.end)]),
    ).toEqual([
      ["admission-number", "Admission number", "ADM123456"],
      ["admission-number", "Admission number", "adm654321"],
    ]);
  });
});
