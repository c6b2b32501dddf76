import { describe, expect, it } from "vitest";
import { PERSONAL_SIGNS, SCHOOL_BUSINESS, SCHOOL_LIFE_WORDS, SCHOOL_WORK, STAFF_WORK } from "./topics.js";
import { ASIDE_OPENERS, NOT_A_LABEL_AFTER, SIGNATURE_TITLE_WORDS } from "./markers.js";
import { shadowedPhrases } from "../../../test/support/phrase-lists.js";

const phrases = {
  PERSONAL_SIGNS: PERSONAL_SIGNS.map((sign) => sign.phrase),
  SCHOOL_BUSINESS,
  SCHOOL_LIFE_WORDS,
  STAFF_WORK: STAFF_WORK.map((entry) => entry.phrase),
  SCHOOL_WORK: SCHOOL_WORK.map((entry) => entry.phrase),
  NOT_A_LABEL_AFTER,
  SIGNATURE_TITLE_WORDS,
  ASIDE_OPENERS,
};

describe("personal-use topic data", () => {
  it.each(Object.entries(phrases))("%s: lower case, trimmed, single-spaced, no duplicates", (_name, list) => {
    for (const phrase of list) expect(phrase).toBe(phrase.toLowerCase().trim().replace(/\s+/g, " "));
    expect(new Set(list).size).toBe(list.length);
  });

  it("school words and staff absence are lists of their own, apart from school business", () => {
    const business = new Set(SCHOOL_BUSINESS);
    expect([...phrases.STAFF_WORK, ...phrases.SCHOOL_WORK].filter((phrase) => business.has(phrase))).toEqual([]);
  });

  it("no phrase is both a personal sign and a sign of work", () => {
    const work = new Set([...SCHOOL_BUSINESS, ...phrases.STAFF_WORK, ...SCHOOL_LIFE_WORDS]);
    expect(phrases.SCHOOL_WORK.every((phrase) => SCHOOL_LIFE_WORDS.indexOf(phrase) !== -1)).toBe(true);
    expect(phrases.PERSONAL_SIGNS.filter((phrase) => work.has(phrase))).toEqual([]);
  });

  // The rule reads the signs, and school business with staff work, each as one PhraseSet in list order.
  it("no personal sign or sign of business is shadowed by an earlier, shorter one", () => {
    expect(shadowedPhrases(phrases.PERSONAL_SIGNS)).toEqual([]);
    expect(shadowedPhrases([...SCHOOL_BUSINESS, ...phrases.STAFF_WORK])).toEqual([]);
  });

  it("every entry names its source", () => {
    for (const entry of [...PERSONAL_SIGNS, ...STAFF_WORK, ...SCHOOL_WORK])
      expect(entry.source).toMatch(/^[a-z0-9-]+$/);
  });
});
