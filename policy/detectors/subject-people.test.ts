import { describe, expect, it } from "vitest";
import { loadPolicy } from "../pack/load.js";
import { detectPersonalData } from "./index.js";
import { findSubjectPeople } from "./subject-people.js";

const people = (subject: string) => findSubjectPeople(subject).map((person) => subject.slice(person.start, person.end));

describe("findSubjectPeople", () => {
  it.each([
    // [subject, the people in it] — invented names, written as staff write subjects.
    ["fsm - leo williams", ["leo williams"]],
    ["Re: Kacper N (Class 3) - new seizure protocol", ["Kacper N"]],
    ["re: Amara O. - ehcp draft", ["Amara O."]],
    ["jayden c 9x2 - suspension letter", ["jayden c"]],
    ["re: jack t. respite - short breaks", ["jack t."]],
    ["Permanent exclusion appeal - J. Okonkwo 11H", ["J. Okonkwo"]],
    ["Nowak, Zofia – SALT report", ["Nowak, Zofia"]],
    ["MARAC - Collins family (Tia, Class 2)", ["Collins family"]],
    ["Y4 Kacper N medical plan", ["Kacper N"]],
  ])("%s → %j", (subject, expected) => {
    expect(people(subject)).toEqual(expected);
  });

  it.each([
    // Ordinary subjects: parts of two words, a word and a letter, a letter and a word, that are no one.
    "EHCP training Thursday",
    "FSM eligibility letters for all families",
    "Plan B for sports day",
    "Vitamin D letters",
    "A Level results - Year 13",
    "Group A - maths set changes",
    "Re: staff meeting notes",
    "Host family needed for exchange",
    "Summer term - key dates",
  ])("no one in %s", (subject) => {
    expect(people(subject)).toEqual([]);
  });
});

describe("personal data in a subject, no name list needed", () => {
  const pack = loadPolicy("st-john-payne");
  const inSubject = (subject: string) =>
    detectPersonalData({ subject, bodyText: "", attachmentNames: [] }, pack)
      .filter((entity) => entity.type !== "person-name")
      .map((entity) => `${entity.type}:${subject.slice(entity.start, entity.end)}`);

  it.each([
    ["fsm - leo williams", ["special-category:fsm"]],
    [
      "Mrs Begum - hardship fund application (rent arrears)",
      ["special-category:hardship fund", "special-category:rent arrears"],
    ],
    ["Y11 Kian Doyle - arrested at weekend", ["special-category:arrested"]],
    ["AP placement - Reece Harper (10K) - agreement", ["special-category:AP placement"]],
    ["callum b (8F) CIN mtg tues", ["special-category:CIN"]],
    // A full date years back beside a name, in a subject, is a date of birth without the word "born".
    ["Leo Sanchez 14/08/2010", ["date-of-birth:14/08/2010"]],
  ])("%s → %j", (subject, expected) => {
    expect(inSubject(subject)).toEqual(expected);
  });

  it.each([
    "EHCP training Thursday",
    "Hardship fund - applications open",
    "Parents' evening 14/03/2030",
    // Lower-case "cin" or "salt" is a word, not the acronym.
    "Re: jack t. - salt dough models",
  ])("nothing sensitive in %s", (subject) => {
    expect(inSubject(subject)).toEqual([]);
  });
});
