import { describe, expect, it } from "vitest";
import { entityTexts } from "../rules/personal-data/sensitive.js";
import { findingWords } from "./finding-words.js";
import type { Finding } from "./types.js";

const texts = entityTexts("Leo Shaw - EpiPen", "Dear Ann,\nLeo has an EpiPen in his bag.", [
  "plan.docx",
  "Leo Shaw allergy plan.pdf",
]);
const finding = (location: Finding["location"], spans?: Finding["spans"]): Finding =>
  ({ rule: "r", category: "personal-data", severity: "info", message: "m", location, spans }) as unknown as Finding;

describe("findingWords", () => {
  it.each<[string, Finding, string[]]>([
    ["the subject's words", finding("subject", [{ start: 11, end: 17 }]), ["EpiPen"]],
    [
      "the body's words, each span",
      finding("body", [
        { start: 10, end: 13 },
        { start: 21, end: 27 },
      ]),
      ["Leo", "EpiPen"],
    ],
    // The attachments' names one a line: the second name starts after "plan.docx\n".
    ["an attachment's name", finding("attachments", [{ start: 10, end: 18 }]), ["Leo Shaw"]],
    ["no spans", finding("body"), []],
    ["the recipients have no text of their own", finding("recipients", [{ start: 0, end: 3 }]), []],
    ["an empty span shows nothing", finding("body", [{ start: 4, end: 4 }]), []],
  ])("%s", (_what, given, expected) => {
    expect(findingWords(given, texts)).toEqual(expected);
  });
});
