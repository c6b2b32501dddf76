import { describe, expect, it } from "vitest";
import {
  endsSentence,
  findAll,
  firstNonEmptyLine,
  isParagraphEnd,
  nonEmptyLines,
  ownSubject,
  phrasePattern,
} from "./text.js";

describe("ownSubject", () => {
  it.each([
    "RE: Homework",
    "Re: Homework",
    "re:Homework",
    "  RE : Homework",
    "Re[2]: Homework",
    "RE [3]: Homework",
    "Re[12]: Homework",
    "Re[2] : Homework",
    "FW: Trip",
    "Fwd: Trip",
    "AW: Ausflug",
    "WG: Ausflug",
    "TR: Sortie",
    "RV: Viaje",
    "SV: Utflykt",
    "VS: Retki",
  ])("%s was written by someone else", (subject) => {
    expect(ownSubject(subject)).toBe("");
  });

  it.each(["Homework", "Reading list", "Re homework", "Trip: RE: forms", "Fwding: notes"])(
    "%s is the sender's own",
    (subject) => {
      expect(ownSubject(subject)).toBe(subject);
    },
  );
});

describe("nonEmptyLines", () => {
  it("trims lines and drops the blank ones", () => {
    expect(nonEmptyLines(" Dear all, \n\n\t\nThe trip\n  \nJo ")).toEqual(["Dear all,", "The trip", "Jo"]);
    expect(nonEmptyLines("")).toEqual([]);
  });
});

describe("firstNonEmptyLine", () => {
  it.each([
    ["the first line", "Dear all,\nThe trip", "Dear all,"],
    ["blank and white-space lines before it, trimmed", " \n\n\t\n  Hi Sam, \nJo", "Hi Sam,"],
    ["a Windows line ending", "\r\nHello Priya,\r\nThanks", "Hello Priya,"],
    ["a line of no-break spaces is blank", "\u00a0\u00a0\nMorning Tom", "Morning Tom"],
    ["spaces inside the line kept", "Dear  Mrs Khan ,\n", "Dear  Mrs Khan ,"],
    ["nothing but white space", " \n\t\n", ""],
    ["empty", "", ""],
  ])("%s", (_what, text, expected) => {
    expect(firstNonEmptyLine(text)).toBe(expected);
    // The same as the first of all the non-empty lines.
    expect(firstNonEmptyLine(text)).toBe(nonEmptyLines(text)[0] ?? "");
  });
});

describe("findAll", () => {
  it("finds every match of a global regex, left to right", () => {
    expect(findAll(/an/g, "banana")).toEqual([
      { start: 1, end: 3, text: "an" },
      { start: 3, end: 5, text: "an" },
    ]);
  });

  it("starts again from the beginning each time", () => {
    const pattern = /an/g;
    findAll(pattern, "banana");
    pattern.lastIndex = 4;
    expect(findAll(pattern, "banana")).toHaveLength(2);
  });

  it("steps past empty matches instead of looping", () => {
    expect(findAll(/x*/g, "ab")).toEqual([
      { start: 0, end: 0, text: "" },
      { start: 1, end: 1, text: "" },
      { start: 2, end: 2, text: "" },
    ]);
  });

  it("finds the phrases of a phrase set", () => {
    expect(findAll(phrasePattern(["kind regards"]), "Kind  regards, Jo").map((match) => match.start)).toEqual([0]);
  });
});

describe("isParagraphEnd", () => {
  it.each([
    ["a blank line", "a\n\nb", 1],
    ["a line of spaces and tabs", "a\n \t\nb", 1],
    ["the end of the text", "a\n", 1],
    ["the end after trailing spaces", "a\n  ", 1],
    ["a hyphen bullet", "a\n- b", 1],
    ["an asterisk bullet", "a\n* b", 1],
    ["a bullet character", "a\n  \u2022 b", 1],
  ])("a paragraph ends at %s", (_what, text, index) => {
    expect(isParagraphEnd(text, index)).toBe(true);
  });

  it.each([
    ["a wrapped line", "a\nb", 1],
    ["an indented wrapped line", "a\n  b", 1],
    ["a character that is not a newline", "a b", 1],
    ["a letter just before a newline and a blank line", "a\n\nb", 0],
    ["a numbered line", "a\n1. b", 1],
  ])("not at %s", (_what, text, index) => {
    expect(isParagraphEnd(text, index)).toBe(false);
  });
});

describe("endsSentence", () => {
  // [text, index of the character asked about, does a sentence end there?]
  it.each<[string, number, boolean]>([
    ["Done. Next", 4, true],
    ["Why? Next", 3, true],
    ["Yes! Next", 3, true],
    ["First; second", 5, true],
    // The point of a number is no sentence end (development part AQ: "agrees to the 6.5% increase").
    ["a 6.5% increase", 3, false],
    ["at 14.5p per kWh", 5, false],
    ["costs £2.50 each", 7, false],
    // A full stop before a space or the end still is.
    ["in 2026. Then", 7, true],
    ["in 2026.", 7, true],
    ["a, b", 1, false],
  ])("%j at %i → %s", (text, index, expected) => {
    expect(endsSentence(text, index)).toBe(expected);
  });
});
