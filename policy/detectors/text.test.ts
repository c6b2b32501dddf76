import { describe, expect, it } from "vitest";
import {
  digitsOf,
  forEachMatch,
  hasNear,
  hasPhrase,
  inSignature,
  makeScan,
  presentPhrases,
  windowAfter,
  windowBefore,
  type Scan,
} from "./text.js";

describe("makeScan and inSignature", () => {
  const scan = makeScan("Dear Sam,\nKind regards\nJo", "body", { start: 10, end: 25 }, 9);

  it("keeps the text, its lower case and the signature's place", () => {
    expect(scan).toEqual({
      text: "Dear Sam,\nKind regards\nJo",
      lower: "dear sam,\nkind regards\njo",
      location: "body",
      signatureAt: 10,
      signatureEnd: 25,
      greetingEnd: 9,
      fileName: false,
    });
  });

  it.each<[string, Scan["location"], string, boolean]>([
    ["Okonjo_T_EHCP.docx\nCP_referral.pdf", "attachments", "Okonjo T EHCP docx\nCP referral pdf", true],
    ["FW: Mistry_A_IHCP_2025.pdf", "subject", "FW: Mistry A IHCP 2025 pdf", true],
    ["Mistry A - IHCP 2025.pdf", "subject", "Mistry A - IHCP 2025.pdf", false],
    ["see my_file.docx", "body", "see my_file.docx", false],
  ])("reads %j (%s) as %j, a file's name: %s", (text, location, read, fileName) => {
    const scan = makeScan(text, location, { start: text.length, end: text.length }, 0);
    expect([scan.text, scan.lower.length, scan.fileName]).toEqual([read, text.length, fileName]);
  });

  it.each([
    [9, false],
    [10, true],
    [24, true],
    [25, false],
  ])("offset %i is in the signature: %s", (offset, inside) => {
    expect(inSignature(scan, offset)).toBe(inside);
  });
});

describe("forEachMatch", () => {
  it("visits every match from the start, whatever lastIndex was", () => {
    const pattern = /\d+/g;
    pattern.lastIndex = 5;
    const seen: string[] = [];
    forEachMatch(pattern, "12 ab 345 6", (match) => seen.push(match[0]));
    expect(seen).toEqual(["12", "345", "6"]);
  });

  it("finds matches right next to each other", () => {
    const seen: string[] = [];
    forEachMatch(/\d/g, "123", (match) => seen.push(match[0]));
    expect(seen).toEqual(["1", "2", "3"]);
  });

  it("steps past empty matches", () => {
    const seen: number[] = [];
    forEachMatch(/x*/g, "ab", (match) => seen.push(match.index));
    expect(seen).toEqual([0, 1, 2]);
  });
});

describe("windows", () => {
  it("takes up to `size` characters before and after, clipped to the text", () => {
    expect(windowBefore("date of birth: 04/07/2016", 14, 6)).toBe("birth:");
    expect(windowBefore("dob 04/07/2016", 4, 10)).toBe("dob ");
    expect(windowAfter("04/07/2016 (dob)", 10, 4)).toBe(" (do");
    expect(windowAfter("04/07/2016", 10, 4)).toBe("");
  });
});

describe("hasPhrase", () => {
  it.each([
    ["the phrase alone", "born", ["born"]],
    ["at the start", "born on 4 july", ["born"]],
    ["at the end", "she was born", ["born"]],
    ["between punctuation", "(born)", ["born"]],
    ["after a letter-run elsewhere", "newborn, born on", ["born"]],
    ["any of several phrases", "date of birth", ["dob", "date of birth"]],
    ["next to digits", "dob04/07/2016", ["dob"]],
    ["after @, just before A", "@born", ["born"]],
    ["after [, just after Z", "[born", ["born"]],
    ["after `, just before a", "`born", ["born"]],
    ["after {, just after z", "{born", ["born"]],
    ["at the end after a longer word", "record born", ["born"]],
  ])("finds %s", (_what, window, phrases) => {
    expect(hasPhrase(window, phrases)).toBe(true);
  });

  it.each([
    ["inside a word", "newborn", ["born"]],
    ["before letters", "borne out", ["born"]],
    ["capital letters around it", "NEWborn", ["born"]],
    ["after capitals", "bornE", ["born"]],
    ["after z", "zborn", ["born"]],
    ["after a", "aborn", ["born"]],
    ["after Z", "Zborn", ["born"]],
    ["after A", "Aborn", ["born"]],
    ["nowhere", "on 4 july", ["born"]],
  ])("not %s", (_what, window, phrases) => {
    expect(hasPhrase(window, phrases)).toBe(false);
  });
});

describe("digitsOf", () => {
  it("keeps only the digits", () => {
    expect(digitsOf("943 476-5919")).toBe("9434765919");
    expect(digitsOf("AB 12 34 56 C")).toBe("123456");
  });
});

describe("hasNear", () => {
  const sorted = [10, 50, 100];
  // Near means in [position - distance, position + distance).
  it.each([
    [60, 10, true], // 50 is 10 before
    [40, 10, false], // 50 is 10 after
    [41, 10, true], // 50 is 9 after
    [75, 20, false],
    [0, 10, false], // 10 is 10 after
    [105, 5, true], // 100 is 5 before
    [200, 50, false],
    [100, 1, true],
  ])("a position at %i within %i: %s", (position, distance, near) => {
    expect(hasNear(sorted, position, distance)).toBe(near);
  });

  it("finds nothing in an empty list", () => {
    expect(hasNear([], 5, 100)).toBe(false);
  });
});

describe("presentPhrases", () => {
  it("lists the phrases found as whole words, in the list's order, spaces matching any whitespace", () => {
    const phrases = ["date of birth", "dob", "born"];
    expect(presentPhrases("her dob, date  of\nbirth: 04/07/2016", phrases)).toEqual(["date of birth", "dob"]);
    expect(presentPhrases("newborn", phrases)).toEqual([]);
  });
});
