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
    ["a text of one line", "Dear Sam, thanks for the form.", 0],
    ["an empty text", "", 0],
    // The 50 characters count from the line's own start, not from the start of the text.
    ["a greeting after 30 blank lines", `${"\n".repeat(30)}Dear Mrs Patel and Mr Ashdown,\nrest`, 60],
  ])("%s", (_what, text, end) => {
    expect(greetingLineEnd(text)).toBe(end);
  });
});
