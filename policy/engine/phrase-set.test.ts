import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PhraseSet } from "./phrase-set.js";

/**
 * The oracle: the regex a phrase list means (see phrase-set.ts), built independently here with
 * lookbehind (which the send-time runtime lacks) for the word edge at the start.
 */
function oracle(phrases: readonly string[], text: string): [number, number][] {
  const isWord = (char: string) => /\w/.test(char);
  const alternatives = phrases.map((phrase) => {
    const body = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
    return (
      (isWord(phrase.charAt(0)) ? "(?<!\\w)" : "") + body + (isWord(phrase.charAt(phrase.length - 1)) ? "\\b" : "")
    );
  });
  const pattern = new RegExp(`(?:${alternatives.join("|")})`, "gi");
  return [...text.matchAll(pattern)].map((match) => [match.index, match.index + match[0].length]);
}

const spans = (set: PhraseSet, text: string): [number, number][] =>
  set.findAll(text).map((hit) => [hit.start, hit.end]);

describe("PhraseSet", () => {
  it.each([
    // [phrases, text, expected spans]
    [["for sale"], "Bike FOR  SALE, offers", [[5, 14]]],
    [["for sale"], "wholesale forsale for sales", []],
    [["sale"], "wholesale; sale!", [[11, 15]]],
    [
      ["ono", "o.n.o"],
      "£40 o.n.o. or ono",
      [
        [4, 9],
        [14, 17],
      ],
    ],
    [["£5 to enter"], "It's £5 to enter.", [[5, 16]]],
    [["we accept your quote"], "So we\naccept   your quote today", [[3, 25]]],
    [["we accept your quote"], "sowe accept your quote", []],
    [["accept your quote", "we accept your quote"], "we accept your quote", [[0, 20]]],
    // At one start the earlier phrase in the list wins, as in an alternation; no overlaps.
    [["a joke", "a joke of a"], "what a joke of a plan", [[5, 11]]],
    [["a joke of a", "a joke"], "what a joke of a plan", [[5, 16]]],
    [["you", "you idiot"], "you idiot", [[0, 3]]],
    [["travellers' cheques"], "Travellers' cheques", [[0, 19]]],
    [["worst-case"], "the worst-case plan", [[4, 14]]],
    [["year 9"], "year 9, year 90", [[0, 6]]],
  ] as [string[], string, [number, number][]][])("%j in %j", (phrases, text, expected) => {
    expect(spans(new PhraseSet(phrases), text)).toEqual(expected);
  });

  it("refuses phrases it could not index or would never match", () => {
    expect(() => new PhraseSet(["£"])).toThrow(/no word/);
    expect(() => new PhraseSet([" leading"])).toThrow(/leading/);
    expect(() => new PhraseSet(["two  spaces"])).toThrow(/double/);
  });

  it("finds what the equivalent regex finds, on random texts made of the phrases' own words", () => {
    const words = ["we", "accept", "your", "quote", "for", "sale", "the", "a", "joke", "of", "o.n.o", "£5", "x"];
    const phrase = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(" "));
    const glue = fc.constantFrom(" ", "  ", "\n", ", ", ".", "", "-", "\u00a0", "'");
    const text = fc
      .array(fc.tuple(fc.constantFrom(...words, "WE", "Accept", "SALE"), glue), { maxLength: 30 })
      .map((parts) => parts.map(([word, sep]) => word + sep).join(""));
    fc.assert(
      fc.property(fc.uniqueArray(phrase, { minLength: 1, maxLength: 8 }), text, (phrases, sample) => {
        expect(spans(new PhraseSet(phrases), sample)).toEqual(oracle(phrases, sample));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the same answer for a text long enough to be indexed once and cached", () => {
    const set = new PhraseSet(["for sale", "offers"]);
    const text = "Nothing here. ".repeat(100) + "Sofa for sale, offers welcome.";
    expect(spans(set, text)).toEqual([
      [1405, 1413],
      [1415, 1421],
    ]);
    // Asked again (the cached index) and about another long text: each answer is its own text's.
    expect(spans(set, text)).toEqual([
      [1405, 1413],
      [1415, 1421],
    ]);
    expect(spans(set, "Nothing here. ".repeat(100) + "Sofa, no offers, for sale.")).toEqual([
      [1409, 1415],
      [1417, 1425],
    ]);
  });
});

describe("PhraseSet: word characters, spaces and case, edge by edge", () => {
  it.each([
    // The word characters are exactly [A-Za-z0-9_]: a phrase does not run on into a longer word.
    [["quiz"], "quizzes", []],
    [["QUIZ"], "QUIZZES", []],
    [["quiz"], "QUIZ!", [[0, 4]]],
    [["year 10"], "year 100", []],
    [["snake_case"], "my_snake_case", []],
    // Upper-case letters before the anchor word fold to lower case, A and Z included.
    [["a quiz"], "A quiz", [[0, 6]]],
    [["fizz buzzers"], "FIZZ BUZZERS", [[0, 12]]],
    // Letters beyond ASCII before the anchor fold too.
    [["café menu"], "CAFÉ menu", [[0, 9]]],
    [["café menu"], "café menu", [[0, 9]]],
    // The words before the anchor must all be there.
    [["we accept"], "they accept", []],
    [["£5 sale"], "5 sale", []],
    // A space in a phrase needs whitespace in the text; a full stop is not whitespace.
    [["Mr. Smith"], "Mr.Smith", []],
    [["Mr. Smith"], "Mr. Smith", [[0, 9]]],
  ] as [string[], string, [number, number][]][])("%j in %j", (phrases, text, expected) => {
    expect(spans(new PhraseSet(phrases), text)).toEqual(expected);
  });

  // What JavaScript's \s matches, character by character, between "we" and the anchor "accept".
  it.each([
    ["tab", "\t"],
    ["carriage return", "\r"],
    ["ogham space mark", "\u1680"],
    ["en quad", "\u2000"],
    ["hair space", "\u200a"],
    ["line separator", "\u2028"],
    ["paragraph separator", "\u2029"],
    ["narrow no-break space", "\u202f"],
    ["medium mathematical space", "\u205f"],
    ["ideographic space", "\u3000"],
    ["byte order mark", "\ufeff"],
  ])("a %s is whitespace", (_name, space) => {
    expect(spans(new PhraseSet(["we accept"]), `we${space}accept`)).toEqual([[0, 9]]);
  });

  it.each([
    ["hyphen", "-"],
    ["backspace", "\b"],
    ["zero-width space", "\u200b"],
    ["word joiner", "\u2060"],
  ])("a %s is not whitespace", (_name, notSpace) => {
    expect(spans(new PhraseSet(["we accept"]), `we${notSpace}accept`)).toEqual([]);
  });

  it("at one start the earlier phrase in the list wins even when a later one was found first", () => {
    // "bargains" and "big sofa bargains" share the anchor "bargains", "big sofa" is anchored on "sofa":
    // as in the alternation (?:bargains|big sofa|big sofa bargains), "big sofa" wins at 0, then "bargains".
    expect(spans(new PhraseSet(["bargains", "big sofa", "big sofa bargains"]), "big sofa bargains")).toEqual([
      [0, 8],
      [9, 17],
    ]);
  });
});
