import { describe, expect, it } from "vitest";
import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule, { editDistance, imitatedDomain } from "./lookalike-domain.js";

const to = (address: string) => ({ subject: "Hello", body: "Hi", bodyType: "text" as const, to: [{ address }] });

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: to("head@st-john-payne.sch.uk") },
    { draft: to("parent@gmail.com") },
    { draft: to("x@st-peters.sch.uk") },
    { name: "a subdomain of the school's own, two letters longer", draft: to("head@a.st-john-payne.sch.uk") },
  ],
  invalid: [
    {
      name: "one letter off",
      draft: to("head@st-john-paine.sch.uk"),
      errors: [{ messageId: "lookalike", location: "recipients" }],
    },
    {
      name: "homoglyph",
      draft: to("head@st-john-payne.sch.uk".replace("o", "0")),
      errors: [{ messageId: "lookalike", location: "recipients" }],
    },
    {
      name: "swapped letters",
      draft: to("head@st-jonh-payne.sch.uk"),
      errors: [{ messageId: "lookalike", location: "recipients" }],
    },
  ],
});

describe("editDistance", () => {
  it.each([
    ["abc", "abc", 0],
    ["abc", "acb", 1],
    ["school", "schoool", 1],
    ["abcdef", "uvwxyz", 3],
  ])("%s ↔ %s", (a, b, expected) => expect(editDistance(a, b, 2)).toBe(Math.min(expected, 3)));
  it("ignores the genuine domain", () => expect(imitatedDomain("a.org.uk", ["a.org.uk"])).toBeUndefined());
});

describe("editDistance (optimal string alignment)", () => {
  it.each([
    ["kitten", "sitting", 3],
    ["flaw", "lawn", 2],
    ["abcd", "acbd", 1], // one transposition
    ["ab", "ba", 1],
    ["xab", "yba", 2], // a substitution, then a transposition on top of it
    ["ca", "abc", 3], // OSA does not edit a transposed pair again (true Damerau-Levenshtein gives 2)
    ["", "abc", 3],
    ["abc", "", 3],
    ["school", "school", 0],
  ])("%s → %s: %i", (a, b, distance) => {
    expect(editDistance(a, b, 10)).toBe(distance);
  });

  it("stops past the limit, returning one more than it", () => {
    expect(editDistance("kitten", "sitting", 2)).toBe(3);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("abc", "abcdef", 2)).toBe(3);
    expect(editDistance("abc", "abcde", 2)).toBe(2);
    // Lengths five apart with a limit of one: one more than the limit, not the distance itself.
    expect(editDistance("a", "abcdef", 1)).toBe(2);
  });
});

describe("imitatedDomain", () => {
  it.each([
    // 18 characters: up to two edits.
    ["stjohnpane.sch.uk", ["stjohnpayne.sch.uk"], "stjohnpayne.sch.uk"],
    ["stjonpane.sch.uk", ["stjohnpayne.sch.uk"], "stjohnpayne.sch.uk"],
    ["stjnpane.sch.uk", ["stjohnpayne.sch.uk"], undefined],
    // 12 characters: two edits; 11: one.
    ["abcdefgh.xx", ["abcdefgh.xyz"], "abcdefgh.xyz"],
    ["abcdefg.xx", ["abcdefg.xyz"], undefined],
    ["abcdefg.xy", ["abcdefg.xyz"], "abcdefg.xyz"],
    // 6 characters: one edit; 5: only look-alike characters.
    ["abc.uj", ["abc.uk"], "abc.uk"],
    ["ab.uj", ["ab.uk"], undefined],
    ["I0.uk", ["io.uk"], "io.uk"],
    ["rnx.uk", ["mx.uk"], "mx.uk"],
    ["vvx.uk", ["wx.uk"], "wx.uk"],
    ["5x.uk", ["sx.uk"], "sx.uk"],
    ["1x.uk", ["lx.uk"], "lx.uk"],
    // The genuine domain itself, even when another known one is near it.
    ["abc.uk", ["abd.uk", "abc.uk"], undefined],
    // A new user's trial: a label added after the school's domain, and a subdomain of a near miss.
    ["st-john-payne.sch.uk.co", ["st-john-payne.sch.uk"], "st-john-payne.sch.uk"],
    ["students.st-jonh-payne.sch.uk", ["st-john-payne.sch.uk"], "st-john-payne.sch.uk"],
    // A known domain's own subdomains, and an unrelated domain's.
    ["schools.essex.gov.uk", ["st-john-payne.sch.uk", "essex.gov.uk"], undefined],
    ["mail.gmail.com", ["st-john-payne.sch.uk"], undefined],
  ])("%s among %j → %s", (domain, known, genuine) => {
    expect(imitatedDomain(domain, known)).toBe(genuine);
  });
});
