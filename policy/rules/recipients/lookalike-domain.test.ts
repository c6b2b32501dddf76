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
