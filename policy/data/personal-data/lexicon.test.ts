import { describe, expect, it } from "vitest";
import { SENSITIVE_CATEGORIES } from "../../pack/vocabulary.js";
import { LA_CODE_RANGES } from "./la-codes.js";
import * as lexicon from "./lexicon.js";
import * as patterns from "./patterns.js";
import { SCHOOL_LIFE_WORDS } from "../personal-use/topics.js";

/** Invariants of the detectors' data (as retext-equality checks its word lists when compiling them). */
const LOWER_CASE_LISTS: Readonly<Record<string, readonly string[]>> = {
  CAPITALS_ONLY_TERMS: lexicon.CAPITALS_ONLY_TERMS,
  NOT_SENSITIVE_PHRASES: lexicon.NOT_SENSITIVE_PHRASES,
  GENERIC_FOLLOWERS: lexicon.GENERIC_FOLLOWERS,
  EVENT_FOLLOWERS: lexicon.EVENT_FOLLOWERS,
  GENERIC_PRECEDERS: lexicon.GENERIC_PRECEDERS,
  STAFF_ROLES: lexicon.STAFF_ROLES,
  NOT_SURNAMES: lexicon.NOT_SURNAMES,
  FAMILY_RELATIONS: lexicon.FAMILY_RELATIONS,
  PERSON_CONTEXT: lexicon.PERSON_CONTEXT,
  BIRTH_CONTEXT: lexicon.BIRTH_CONTEXT,
  STREET_WORDS: lexicon.STREET_WORDS,
  ADDRESS_CONTEXT: lexicon.ADDRESS_CONTEXT,
  REFERENCE_CONTEXT: lexicon.REFERENCE_CONTEXT,
  OWN_PHONE_CONTEXT: lexicon.OWN_PHONE_CONTEXT,
  ORGANISATION_PHONE_CONTEXT: lexicon.ORGANISATION_PHONE_CONTEXT,
  PASSPORT_CONTEXT: lexicon.PASSPORT_CONTEXT,
  LICENCE_CONTEXT: lexicon.LICENCE_CONTEXT,
  ULN_CONTEXT: lexicon.ULN_CONTEXT,
  UPN_CONTEXT: lexicon.UPN_CONTEXT,
  NHS_CONTEXT: lexicon.NHS_CONTEXT,
  SORT_CODE_CONTEXT: lexicon.SORT_CODE_CONTEXT,
  ACCOUNT_CONTEXT: lexicon.ACCOUNT_CONTEXT,
  ROSTER_WORDS: lexicon.ROSTER_WORDS,
};

const duplicates = (list: readonly string[]) => list.filter((item, index) => list.indexOf(item) !== index);

describe("personal-data lexicon", () => {
  it("has terms for every sensitive category of the pack vocabulary", () => {
    for (const category of SENSITIVE_CATEGORIES)
      expect(lexicon.SENSITIVE_TERMS[category].length, category).toBeGreaterThan(0);
  });

  it("sensitive terms are lower case, trimmed, start with a letter and appear once across categories", () => {
    const all = SENSITIVE_CATEGORIES.flatMap((category) => [...lexicon.SENSITIVE_TERMS[category]]);
    // Digits only inside or at the end: "section 47", "s47" (a term is indexed by its first run of letters).
    for (const term of all) expect(term).toMatch(/^[a-z][a-z0-9' -]*[a-z0-9]$/);
    expect(duplicates(all)).toEqual([]);
  });

  it("a subject's shorthand terms are lower case, once each, and no category's full term", () => {
    const all = SENSITIVE_CATEGORIES.flatMap((category) => [...lexicon.SENSITIVE_TERMS[category]]);
    const shorthand = Object.values(lexicon.SUBJECT_SENSITIVE_TERMS).flatMap((terms) => [...(terms ?? [])]);
    expect(shorthand.length).toBeGreaterThan(0);
    for (const term of shorthand) {
      expect(term).toMatch(/^[a-z][a-z' -]*[a-z]$/);
      expect(all, term).not.toContain(term);
    }
    expect(duplicates(shorthand)).toEqual([]);
  });

  it("given names that are also words are listed given names, in lower case", () => {
    for (const word of lexicon.GIVEN_NAMES_ALSO_WORDS)
      expect(lexicon.GIVEN_NAMES, word).toContain(word.charAt(0).toUpperCase() + word.slice(1));
    expect(duplicates(lexicon.GIVEN_NAMES_ALSO_WORDS)).toEqual([]);
  });

  it("capitals-only terms are sensitive terms", () => {
    const all = SENSITIVE_CATEGORIES.flatMap((category) => [...lexicon.SENSITIVE_TERMS[category]]);
    for (const term of lexicon.CAPITALS_ONLY_TERMS) expect(all, term).toContain(term);
  });

  it("phrases that are not sensitive each start with a sensitive term's first word", () => {
    const firstWords = new Set(
      SENSITIVE_CATEGORIES.flatMap((category) =>
        lexicon.SENSITIVE_TERMS[category].map((term) => term.split(/[^a-z]/)[0]),
      ),
    );
    // Words as the detector walks them: runs of a-z ("wheelchair-accessible" starts with "wheelchair").
    for (const phrase of lexicon.NOT_SENSITIVE_PHRASES)
      expect(firstWords.has(phrase.split(/[^a-z]/)[0] as string), phrase).toBe(true);
  });

  it.each(Object.entries(LOWER_CASE_LISTS))("%s is lower case, trimmed and without duplicates", (_name, list) => {
    expect(list.length).toBeGreaterThan(0);
    for (const item of list) expect(item).toBe(item.trim().toLowerCase());
    expect(duplicates(list)).toEqual([]);
  });

  it("given names are capitalised single words, sorted, without duplicates, none of them a stop word", () => {
    for (const name of lexicon.GIVEN_NAMES) expect(name).toMatch(/^[A-Z][a-z]+$/);
    expect(duplicates(lexicon.GIVEN_NAMES)).toEqual([]);
    expect([...lexicon.GIVEN_NAMES].sort()).toEqual(lexicon.GIVEN_NAMES);
    for (const word of lexicon.NOT_GIVEN_NAMES) expect(lexicon.GIVEN_NAMES, word).not.toContain(word);
  });

  it("openers that are no given name are capitalised and none of the subject's ordinary words (read beside them)", () => {
    const ordinary = new Set(lexicon.SUBJECT_ORDINARY_WORDS);
    for (const word of lexicon.NOT_GIVEN_NAMES) {
      expect(word).toMatch(/^[A-Z][a-z]+$/);
      expect(ordinary.has(word.toLowerCase()), word).toBe(false);
    }
  });

  it("subject lines' ordinary words repeat none of the personal-use rule's words of school life (read beside them)", () => {
    const schoolLife = new Set(SCHOOL_LIFE_WORDS);
    expect(lexicon.SUBJECT_NOT_NAMES.filter((word) => schoolLife.has(word))).toEqual([]);
    expect(duplicates(lexicon.SUBJECT_ORDINARY_WORDS)).toEqual([]);
    expect(lexicon.SUBJECT_ORDINARY_WORDS).toEqual(expect.arrayContaining(["uniform", "phonics", "minibus"]));
  });

  it("stays small (it ships in the send-time bundle; addin/build.test.ts holds the whole bundle to 60 kB)", () => {
    // The lists as written: SUBJECT_ORDINARY_WORDS is two of them joined at load.
    const written = Object.entries(lexicon).filter(([name]) => name !== "SUBJECT_ORDINARY_WORDS");
    expect(JSON.stringify(written).length).toBeLessThan(25_500);
  });
});

describe("LA codes", () => {
  it("are ordered, non-overlapping three-digit ranges", () => {
    let previous = 0;
    for (const [low, high] of LA_CODE_RANGES) {
      expect(low).toBeGreaterThan(previous);
      expect(high).toBeGreaterThanOrEqual(low);
      expect(high).toBeLessThan(1000);
      previous = high;
    }
  });
});

describe("patterns", () => {
  it("are global (detectors walk every match) and use no flag newer than ES2016", () => {
    for (const [name, value] of Object.entries(patterns)) {
      if (!(value instanceof RegExp)) continue;
      if (name === "SURNAME_AFTER") continue; // anchored, used with exec on a short slice
      expect(value.flags, name).toMatch(/^gi?$/);
    }
  });
});
