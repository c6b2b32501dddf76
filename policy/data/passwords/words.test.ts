import { describe, expect, it } from "vitest";
import { PASSWORD_WORDS, SHARED_ACCESS_WORDS } from "./words.js";

describe("password word lists", () => {
  it.each([
    ["PASSWORD_WORDS", PASSWORD_WORDS],
    ["SHARED_ACCESS_WORDS", SHARED_ACCESS_WORDS],
  ])("%s: lower case, trimmed, no duplicates, none empty", (_name, list) => {
    expect(list.length).toBeGreaterThan(0);
    for (const word of list) expect(word).toMatch(/^[a-z][a-z-]*[a-z]$/);
    expect(new Set(list).size).toBe(list.length);
  });

  it("are regex-safe as written into the pattern (letters and inner hyphens only) and do not overlap", () => {
    for (const word of PASSWORD_WORDS) expect(SHARED_ACCESS_WORDS).not.toContain(word);
  });
});
