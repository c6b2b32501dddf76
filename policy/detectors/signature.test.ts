import { describe, expect, it } from "vitest";
import { greetingLineEnd } from "./signature.js";

describe("greetingLineEnd", () => {
  it.each([
    ["a greeting line", "Dear Mrs Patel,\nMia was unwell.", 15],
    ["after blank lines and spaces", "\n \nDear Sam,\nThanks", 12],
    ["a first line of exactly 50 characters", `${"a".repeat(50)}\nrest`, 50],
    ["a first line of 51 characters", `${"a".repeat(51)}\nrest`, 0],
    ["a text of one line", "Dear Sam, thanks for the form.", 0],
    ["an empty text", "", 0],
    // The 50 characters count from the line's own start, not from the start of the text.
    ["a greeting after 30 blank lines", `${"\n".repeat(30)}Dear Mrs Patel and Mr Ashdown,\nrest`, 60],
  ])("%s", (_what, text, end) => {
    expect(greetingLineEnd(text)).toBe(end);
  });
});
