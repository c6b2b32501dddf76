import { describe, expect, it } from "vitest";
import { findNames } from "./person-name.js";
import { makeScan, type Scan } from "./text.js";

type Row = [text: string, full: boolean, staff: boolean, addressee: boolean, confidence: number];

function names(text: string, location: Scan["location"] = "body", greetingEnd = 0, signatureAt = text.length): Row[] {
  const scan = makeScan(text, location, { start: signatureAt, end: text.length }, greetingEnd);
  return findNames(scan).map((name) => [
    text.slice(name.start, name.end),
    name.full,
    name.staff,
    name.addressee,
    name.confidence,
  ]);
}

describe("findNames in a body", () => {
  it.each<[string, string, Row[]]>([
    [
      "a titled name and a known given name with its surname",
      "Mrs Patel said Oliver Ashdown has asthma.",
      [
        ["Mrs Patel", true, false, false, 0.9],
        ["Oliver Ashdown", true, false, false, 0.8],
      ],
    ],
    [
      "titles with a full stop, apostrophes and hyphens",
      "Mr. O'Neill has the keys. Ms Smith-Jones too.",
      [
        ["Mr. O'Neill", true, false, false, 0.9],
        ["Ms Smith-Jones", true, false, false, 0.9],
      ],
    ],
    ["a given name alone", "Jack was upset.", [["Jack", false, false, false, 0.5]]],
    ["a given name introduced as someone's child", "Her son Jack was upset.", [["Jack", false, false, false, 0.7]]],
    [
      "a name no list has, introduced as a pupil",
      "Our pupil Kofi Mensah is new.",
      [["Kofi Mensah", true, false, false, 0.85]],
    ],
    ["introduced after a comma", "The student, Bartosz Nowak, is new.", [["Bartosz Nowak", true, false, false, 0.85]]],
    [
      "a name no list has, doing something",
      "Oluwaseun Adeyemi in Year 4 was absent.",
      [["Oluwaseun Adeyemi", true, false, false, 0.75]],
    ],
    [
      "with an Irish particle and accents",
      "Siobhán Ní Bhriain is in Year 2.",
      [["Siobhán Ní Bhriain", true, false, false, 0.75]],
    ],
    [
      "a double-barrelled surname before 's",
      "Zofia Nowak-Kowalska's reading is good.",
      [["Zofia Nowak-Kowalska", true, false, false, 0.75]],
    ],
    ["staff named after their role", "Our SENCO Mrs Patel will call.", [["Mrs Patel", true, true, false, 0.9]]],
    [
      "staff named before their role",
      "Please contact Mrs Patel, our SENCO, about it.",
      [["Mrs Patel", true, true, false, 0.9]],
    ],
  ])("%s", (_what, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ["days and sentence openers", "Next Monday is INSET."],
    ["a day before 's", "Following Tuesday's INSET we meet."],
    ["a capitalised phrase with no person", "Pupil Premium meeting"],
  ])("no one in %s", (_what, text) => {
    expect(names(text)).toEqual([]);
  });

  it("marks the greeting's addressee, and leaves the signature out", () => {
    expect(names("Dear Mrs Patel,\nOliver was upset.", "body", 15)).toEqual([
      ["Mrs Patel", true, false, true, 0.9],
      ["Oliver", false, false, false, 0.5],
    ]);
    const signed = "Oliver was upset.\nKind regards\nMrs Patel";
    expect(names(signed, "body", 0, signed.indexOf("Kind"))).toEqual([["Oliver", false, false, false, 0.5]]);
  });
});

describe("findNames in subjects and file names", () => {
  it.each<[string, Scan["location"], Row[]]>([
    ["CP concern - Amira Khalil (Y3)", "subject", [["Amira Khalil", true, false, false, 0.8]]],
    ["Medication change - Mia-Rose Kettering", "subject", [["Mia-Rose Kettering", true, false, false, 0.8]]],
    ["Reece Harper - behaviour", "subject", [["Reece Harper", true, false, false, 0.8]]],
    ["Ashdown Oliver EHCP.pdf", "attachments", [["Ashdown Oliver", true, false, false, 0.75]]],
    ["Dear Oliver letter.pdf", "attachments", [["Oliver", false, false, false, 0.5]]],
    ["Kacper Zielinski body map.pdf", "attachments", [["Kacper Zielinski", true, false, false, 0.8]]],
    ["Zielinski Kacper body map.pdf", "attachments", [["Zielinski Kacper", true, false, false, 0.8]]],
  ])("%s (%s)", (text, location, expected) => {
    expect(names(text, location)).toEqual(expected);
  });
});

describe("findNames: who introduces a name no list has", () => {
  it.each(["pupil", "student", "learner", "son", "daughter", "child", "foster child", "stepson", "stepdaughter"])(
    "her %s Kofi Mensah",
    (word) => {
      expect(names(`We met her ${word} Kofi Mensah today.`)).toEqual([["Kofi Mensah", true, false, false, 0.85]]);
    },
  );

  it("a one-word name so introduced is still a name, hyphenated it is full", () => {
    expect(names("We met her son Bartosz today.")).toEqual([["Bartosz", false, false, false, 0.85]]);
    expect(names("We met her son Bartosz-Jan today.")).toEqual([["Bartosz-Jan", true, false, false, 0.85]]);
  });

  it("not a capitalised word after the word with a capital (Pupil Premium, Student Council)", () => {
    expect(names("The Student Council met.")).toEqual([]);
  });
});

describe("findNames: a word before a given name in a file name is a surname unless it opens a letter", () => {
  it.each(["Dear", "Hi", "Hello", "Thanks", "Thank", "To", "From", "Re", "Fw", "Fwd", "And", "With"])(
    "%s Oliver letter.pdf",
    (opener) => {
      expect(names(`${opener} Oliver letter.pdf`, "attachments")).toEqual([["Oliver", false, false, false, 0.5]]);
    },
  );
});
