import { describe, expect, it } from "vitest";
import { findSubjectPeople } from "./subject-people.js";

const people = (subject: string) => findSubjectPeople(subject).map((person) => subject.slice(person.start, person.end));

// A first name on no list, read from its class code; the subjects' ordinary words before a code are not.
describe("findSubjectPeople: a capitalised first name before a class code", () => {
  it.each([
    ["Re: Harley 3M - disclosure", ["Harley"]],
    ["Kayden 4W - EHCP review", ["Kayden"]],
    ["Zuzanna 10M - off with anxiety", ["Zuzanna"]],
  ])("%s → %j", (subject, expected) => {
    expect(people(subject)).toEqual(expected);
  });

  it.each([
    ["Swimming 5B - inhalers"],
    ["Football 6B - asthma"],
    ["Maths 10M - EHCP students"],
    ["harley 3M - disclosure"],
    ["Harley Y4 - disclosure"],
  ])("%s → nobody", (subject) => {
    expect(people(subject)).toEqual([]);
  });
});
