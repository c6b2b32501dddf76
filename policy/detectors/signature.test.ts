import { describe, expect, it } from "vitest";
import { greetingLineEnd } from "./signature.js";

describe("greetingLineEnd", () => {
  it.each([
    ["a greeting line", "Dear Mrs Patel,\nMia was unwell.", 15],
    ["after blank lines and spaces", "\n \nDear Sam,\nThanks", 12],
    ["a first line of exactly 50 characters ending with a comma", `${"a".repeat(49)},\nrest`, 50],
    ["a first line of 51 characters ending with a comma", `${"a".repeat(50)},\nrest`, 0],
    ["a name and a comma", "Kelly,\nrest", 6],
    ["a greeting word without a comma", "Hi Kelly\nrest", 8],
    ["a greeting word in capitals, spaces after the comma", "MORNING ALL,  \nrest", 14],
    // Said, not greeted: the person named is not the reader.
    ["a short first line that says something", "Oliver Ashdown has an EHCP.\nHis review is Monday.", 0],
    ["a word that only starts like a greeting", "Hiring a coach for Friday\nrest", 0],
    ["a first line with no greeting and no comma", `${"a".repeat(50)}\nrest`, 0],
    // A greeting run on into the message ends at its comma (development AR and AQ: "Hi Mark, can you…").
    ["a text of one line opening with a greeting", "Dear Sam, thanks for the form.", 9],
    [
      "a long first line opening with a greeting",
      "Hi Mark, can you take Class 4 at 2? I've got the annual review this afternoon.\nrest",
      8,
    ],
    [
      "a greeting's comma as the 30th character",
      `Hi ${"a".repeat(26)}, rest of a long line that goes on and on and on\nrest`,
      30,
    ],
    [
      "a greeting's comma as the 31st character",
      `Hi ${"a".repeat(27)}, rest of a long line that goes on and on and on\nrest`,
      0,
    ],
    ["a long first line with no greeting", "Oliver, Mia and Sam have EHCP reviews this week, so plan cover\nrest", 0],
    ["a text of one line with no greeting", "Oliver, Mia and Sam have EHCP reviews.", 0],
    ["an empty text", "", 0],
    // The 50 characters count from the line's own start, not from the start of the text.
    ["a greeting after 30 blank lines", `${"\n".repeat(30)}Dear Mrs Patel and Mr Ashdown,\nrest`, 60],
  ])("%s", (_what, text, end) => {
    expect(greetingLineEnd(text)).toBe(end);
  });
});
