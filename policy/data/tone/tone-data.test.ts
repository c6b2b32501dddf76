import { describe, expect, it } from "vitest";
import {
  ANGER,
  CLAUSE_PRONOUNS,
  HOSTILE_EXCEPTIONS,
  INSULTS,
  OTHER_SCHOOLS,
  PERSON_INSULT_NOUNS,
  STRONG,
} from "./hostility.js";
import { EVERYONE, HOAX_PHRASES, JOKE_WORDS, PASS_ON_VERBS } from "./chain-mail.js";
import { ACCEPTANCE_CUES, COMMERCIAL_OBJECTS, NOT_YET_CUES, SUPPLIER_OFFERS } from "./commitment.js";
import { CHAIN_MAIL_PHRASES } from "./phrases.js";
import { shadowedPhrases } from "../../../test/support/phrase-lists.js";

const strong = Object.values(STRONG).flat();

describe("tone word lists (invariants)", () => {
  it.each(
    Object.entries({ strong, ANGER, OTHER_SCHOOLS, INSULTS, PERSON_INSULT_NOUNS, CLAUSE_PRONOUNS, HOSTILE_EXCEPTIONS }),
  )("%s: lower case, trimmed, single-spaced", (_name, list) => {
    for (const phrase of list) expect(phrase).toBe(phrase.toLowerCase().trim().replace(/\s+/g, " "));
  });

  // The rule reads the lists into one table, the first entry of a phrase deciding its kind: a phrase in
  // two would ship twice in the 60 kB send bundle and could only ever take its first kind.
  it("no phrase is in two lists, or twice in one", () => {
    const all = [...strong, ...ANGER, ...OTHER_SCHOOLS];
    expect(all.filter((phrase, index) => all.indexOf(phrase) !== index)).toEqual([]);
  });

  // The chain-mail and commitment rules read each list as one PhraseSet in list order (hostile wording
  // sorts its table longest first): a phrase after a shorter one it starts with would never match.
  it.each(
    Object.entries({
      EVERYONE,
      PASS_ON_VERBS,
      JOKE_WORDS,
      chainMail: [...CHAIN_MAIL_PHRASES, ...HOAX_PHRASES],
      ACCEPTANCE_CUES,
      COMMERCIAL_OBJECTS,
      NOT_YET_CUES,
      SUPPLIER_OFFERS,
    }),
  )("%s: no phrase is shadowed by an earlier one", (_name, list) => {
    expect(shadowedPhrases(list)).toEqual([]);
  });

  it("anger at the reader is its own kind, not a remark about someone", () => {
    expect(ANGER).toContain("i am furious");
    expect(STRONG.derogatory).not.toContain("i am furious");
  });
});
