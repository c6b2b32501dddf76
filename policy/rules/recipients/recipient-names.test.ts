import { describe, expect, it } from "vitest";
import type { ClassifiedRecipient } from "../../engine/message.js";
import { greetedNames, nameFits, recipientWords, type RecipientWords } from "./recipient-names.js";

/** A To entry outside the school, as the engine classifies it. */
const entry = (address: string, name?: string): ClassifiedRecipient => ({
  recipient: name === undefined ? { address } : { name, address },
  field: "to",
  standing: "external",
  reason: "domain",
});

/** Recipient words given by hand, so nameFits is checked apart from recipientWords. */
const words = (tokens: string[], letters = "", initials: string[] = []): RecipientWords => ({
  tokens,
  letters,
  initials,
  informative: true,
});

describe("greetedNames: must name", () => {
  it.each([
    // 60 characters: the longest greeting line read.
    [
      "Dear Mrs Annabel-Rose Okonkwo-Fitzgerald and Mr Ravi Shankar",
      ["annabelrose", "okonkwofitzgerald", "ravi", "shankar"],
    ],
    // A slash before the first name leaves an empty piece that is skipped, not read as a word.
    ["Dear /Sam,", ["sam"]],
    ["Hi Sam / Alex,", ["sam", "alex"]],
    // An apostrophe inside a surname is not a possessive.
    ["Dear Mrs O'Sullivan,", ["osullivan"]],
    ["Dear Mr. Khan,", ["khan"]],
  ])("%s", (line, names) => expect(greetedNames(`${line}\n\nText`)?.names).toEqual(names));

  it("gives the line and what follows the opening", () => {
    expect(greetedNames("\n  Dear Mrs Khan,  \nText")).toEqual({
      names: ["khan"],
      line: "Dear Mrs Khan,",
      addressed: "Mrs Khan",
    });
  });
});

describe("greetedNames: must not name", () => {
  it.each([
    // 61 characters: too long to be a greeting.
    "Dear Mrs Annabel-Rose Okonkwo-Fitzgerald and Mr Ravi Shankar!",
    // A name line is one or two capitalised words and a comma, nothing more.
    "Julie",
    "Julie Anne Smith,",
    "Julie, thanks",
    "Julie,,",
    // A word with a dot inside, a lower-case start, a digit, a possessive.
    "Dear Jo.Hart,",
    "Dear deVille,",
    "Dear Khan2,",
    "Dear Oliver's,",
    "Dear,",
  ])("%s", (line) => expect(greetedNames(`${line}\n\nText`)).toBeUndefined());
});

describe("recipientWords", () => {
  it.each<[string, string | undefined, Partial<RecipientWords>]>([
    // A digit after the local part leaves no empty token: one token, so its first letter is an initial.
    ["sjones1@example.com", undefined, { tokens: ["sjones", "example"], initials: ["s"], informative: true }],
    // A dot before the @: the domain is still read from after the @.
    ["jo.@hmrc.gov.uk", undefined, { tokens: ["jo", "hmrc"] }],
    ["@hmrc.gov.uk", undefined, { tokens: ["hmrc"] }],
    // A three-letter organisation in the domain.
    ["news@bbc.co.uk", undefined, { tokens: ["news", "bbc"] }],
    ["s.jones@example.com", undefined, { tokens: ["s", "jones", "example"], initials: ["s"], informative: true }],
    // A three-letter surname tells who the person is.
    ["a1@example.com", "Al Fox", { tokens: ["al", "fox", "a", "example"], informative: true }],
    // A person's name on an address with no letters, and a name beside a role word, is still a person.
    ["123@example.com", "Sarah Office", { informative: true }],
    // A person's name in the address next to a role word.
    ["sarah.office@example.com", undefined, { informative: true }],
    // A shared mailbox shown with the organisation's name; a role address with no name.
    ["events@example.com", "Boreham Events", { informative: false }],
    ["office@example.com", undefined, { informative: false }],
    ["12@example.com", undefined, { informative: false, initials: [] }],
    // A relation to a pupil is not the person's own name.
    ["kate@example.com", "Oliver's Mum", { informative: false }],
    ["jaydensdad@example.com", undefined, { informative: false }],
  ])("%s (%s)", (address, name, expected) => {
    expect(recipientWords(entry(address, name))).toMatchObject(expected);
  });

  it("keeps the letters of the address and of the name", () => {
    expect(recipientWords(entry("a.khan-2@example.com", "Ayesha Khan")).letters).toBe("akhan ayeshakhan");
  });
});

describe("nameFits", () => {
  it.each<[string, RecipientWords]>([
    // A short form whose full name is a token, or only in the letters.
    ["bob", words(["robert"])],
    ["bob", words([], "robertjones")],
    // A two-letter name that is a token.
    ["jo", words(["jo"])],
    // A name that begins a token, a token that begins the name (three letters each at least).
    ["lee", words(["leeson"])],
    ["leeson", words(["lee"])],
    // A name inside the letters of the address.
    ["khan", words([], "akhan ")],
    ["ali", words([], "mali ")],
    // An initial the address spells.
    ["sarah", words(["jones"], "sjones ", ["s"])],
  ])("%s fits %j", (greeted, recipient) => expect(nameFits(greeted, recipient)).toBe(true));

  it.each<[string, RecipientWords]>([
    ["tom", words(["sarah"])],
    // Two letters are too few to match the start of a token or the letters.
    ["al", words(["alan"])],
    ["jo", words([], "jones ")],
    // A two-letter token is too short to begin a name.
    ["lee", words(["le"])],
    ["khan", words([], "")],
  ])("%s does not fit %j", (greeted, recipient) => expect(nameFits(greeted, recipient)).toBe(false));
});
