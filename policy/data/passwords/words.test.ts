import { describe, expect, it } from "vitest";
import { PASSWORD_WORDS, SHARED_ACCESS_WORDS } from "./words.js";

describe("password word lists", () => {
  it.each([
    ["PASSWORD_WORDS", PASSWORD_WORDS],
    ["SHARED_ACCESS_WORDS", SHARED_ACCESS_WORDS],
  ])(
    "%s: lower case, letters and inner hyphens only (safe in the pattern), no duplicates, none empty",
    (_name, list) => {
      expect(list.length).toBeGreaterThan(0);
      for (const word of list) expect(word).toMatch(/^[a-z][a-z-]*[a-z]$/);
      expect(new Set(list).size).toBe(list.length);
    },
  );

  it("do not overlap (a word is either a password word or a shared-access word)", () => {
    for (const word of PASSWORD_WORDS) expect(SHARED_ACCESS_WORDS).not.toContain(word);
  });
});
