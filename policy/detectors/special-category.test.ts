import { describe, expect, it } from "vitest";
import { SENSITIVE_CATEGORIES } from "../pack/vocabulary.js";
import { compileSensitiveTerms, detectSpecialCategory, type Identification } from "./special-category.js";
import { makeScan, type Candidate } from "./text.js";

const nobody: Identification = { fullNames: [], givenNames: [], identified: false };

function details(
  text: string,
  who: Partial<Identification>,
  signatureAt = text.length,
  location: "body" | "subject" = "body",
): string[] {
  const out: Candidate[] = [];
  const scan = makeScan(text, location, { start: signatureAt, end: text.length }, 0);
  // Compiled in each test, not once when the file loads, so the compiling is part of what each case checks.
  detectSpecialCategory(scan, compileSensitiveTerms(SENSITIVE_CATEGORIES), { ...nobody, ...who }, out);
  return out.map((found) => `${found.type} ${text.slice(found.start, found.end)} ${found.confidence}`);
}

describe("detectSpecialCategory: how sure, by who is named", () => {
  const text = "Oliver Ashdown has an EHCP.";

  it.each<[string, Partial<Identification>, string[]]>([
    ["a full name within 160 characters", { fullNames: [0], identified: true }, ["special-category EHCP 0.9"]],
    ["a given name within 80", { givenNames: [0] }, ["special-category EHCP 0.8"]],
    ["someone identified elsewhere", { identified: true }, ["special-category EHCP 0.75"]],
    ["nobody", {}, []],
  ])("%s", (_what, who, expected) => {
    expect(details(text, who)).toEqual(expected);
  });

  it("a given name too far away, with nobody identified, makes it no one's", () => {
    const far = `Oliver is new. ${"x".repeat(90)} He has an EHCP.`;
    expect(details(far, { givenNames: [0] })).toEqual([]);
  });

  it("leaves the signature alone", () => {
    const signed = "Oliver has an EHCP.\nKind regards\nJo, SENCO and EHCP lead";
    expect(details(signed, { identified: true }, signed.indexOf("Kind"))).toEqual(["special-category EHCP 0.75"]);
  });
});

describe("detectSpecialCategory: the term itself", () => {
  it.each([
    ["a term followed by a digit", "Oliver: EHCP2 attached.", ["special-category EHCP 0.75"]],
    ["a term inside a longer word", "Oliver: ehcps attached.", []],
    ["a capitals-only term in capitals", "Oliver is a CIN case.", ["special-category CIN 0.75"]],
    ["a capitals-only term in lower case", "Oliver cin the park.", []],
    ["the longest term that matches", "Oliver: CP concern raised.", ["special-category CP concern 0.75"]],
    ["a medicine by its BNF name", "Oliver takes melatonin.", ["special-category melatonin 0.75"]],
    ["a medicine by its brand", "Oliver: Elvanse at 12.", ["special-category Elvanse 0.75"]],
    ["ADD in capitals (attention deficit disorder)", "Oliver: ADD confirmed.", ["special-category ADD 0.75"]],
    ["a medicine bought over the counter", "Oliver has Calpol at noon.", ["special-category Calpol 0.75"]],
    ["add in lower case is a verb", "Oliver: please add me.", []],
    [
      "a sign of self-harm in a child's words",
      "Oliver showed me cuts on his arms.",
      ["special-category cuts on his arms 0.75"],
    ],
    ["fear of going home", "Oliver doesn't want to go home.", ["special-category doesn't want to go home 0.75"]],
    [
      "an eating concern in everyday words",
      "Oliver is skipping meals and has lost weight.",
      ["special-category skipping meals 0.75", "special-category lost weight 0.75"],
    ],
    [
      "a visit to the family doctor about eating",
      "Oliver is seeing the GP about his eating.",
      ["special-category the GP 0.75"],
    ],
    ["an eating concern", "Oliver is restricting his eating again.", ["special-category his eating 0.75"]],
    ["a do-not-resuscitate decision", "Lewis has a DNACPR in place.", ["special-category DNACPR 0.75"]],
    ["a child not sleeping", "Felix is homesick and not sleeping.", ["special-category not sleeping 0.75"]],
    ["a parent's drinking", "Jessica's mum is drinking again.", ["special-category drinking again 0.75"]],
    ["safeguarding as typed", "Mohammed: safegaurding referral made.", ["special-category safegaurding 0.75"]],
    ["a child coming in hungry", "Oliver hasnt had breakfast again.", ["special-category hasnt had breakfast 0.75"]],
    ["a child who has soiled himself", "Alfie has soiled himself again.", ["special-category soiled 0.75"]],
  ])("%s", (_what, text, expected) => {
    expect(details(text, { identified: true })).toEqual(expected);
  });
});

describe("detectSpecialCategory: a subject naming someone is about them", () => {
  it.each<[string, Partial<Identification>, string[]]>([
    ["a given name and a follower", { givenNames: [0] }, ["special-category EpiPen 0.8"]],
    ["no name: the follower makes it the topic", {}, []],
  ])("%s", (_what, who, expected) => {
    expect(
      details("Hodan Y4 - EpiPen training", { ...who, identified: who.givenNames !== undefined }, 26, "subject"),
    ).toEqual(expected);
  });

  it("still reads a generic word before the term as the topic", () => {
    expect(details("Hodan - our SEN policy", { givenNames: [0], identified: true }, 22, "subject")).toEqual([]);
  });

  // Development parts DA, DAV and G: who leads an event on the topic, or is thanked for it.
  it.each([
    ["an assembly", "Ms Patel - Ramadan assembly"],
    ["a celebration", "Thank you Mrs Begum - Eid celebration"],
    ["a campaign", "Marcus Rashford - FSM campaign"],
  ])("still reads an event on the topic as the topic: %s", (_what, subject) => {
    expect(details(subject, { fullNames: [0], identified: true }, subject.length, "subject")).toEqual([]);
  });

  it("a time after the term is no count (development part BJ)", () => {
    expect(
      details("Brennan 9S - self harm, parents in at 3", { givenNames: [0], identified: true }, 39, "subject"),
    ).toEqual(["special-category self harm 0.8"]);
  });
});

describe("detectSpecialCategory: a subject's shorthand beside the pupil it names", () => {
  it.each<[string, string, Partial<Identification>, string[]]>([
    [
      "police, beside a pupil's full name",
      "Tyler Dean 8K - police",
      { fullNames: [0] },
      ["special-category police 0.9"],
    ],
    [
      "court, beside a pupil's full name",
      "Court on Thursday - Jordan Mensah 11S",
      { fullNames: [20] },
      ["special-category Court 0.9"],
    ],
    [
      "pupil premium as 'pp', beside names",
      "pp - Kayden & Jessica Moore",
      { fullNames: [14], givenNames: [5] },
      ["special-category pp 0.9"],
    ],
    ["only an adult by title, whom it is for", "PP review - for Mr Hartley", { fullNames: [16] }, []],
    [
      "a pupil and the adult it is for",
      "Tyler Dean - police - for Mr Hartley",
      { fullNames: [0, 25] },
      ["special-category police 0.9"],
    ],
    ["nobody named", "Police visit to Year 9 assembly", {}, []],
    // Development part BI: drugs found on a named pupil; drugs education names nobody.
    [
      "drugs, beside a pupil's full name",
      "Charlie Fenn - drugs found",
      { fullNames: [0] },
      ["special-category drugs 0.9"],
    ],
    ["drugs education, nobody named", "Drugs education - Year 9 PSHE", {}, []],
    // A new user's trial: the usual way a safeguarding subject is written.
    // Development part AZ: a fixed-term exclusion as schools abbreviate it.
    ["FTE, beside a pupil", "FTE - Connor Webb 6O", { fullNames: [6] }, ["special-category FTE 0.9"]],
    ["FTE in a staffing subject, nobody named", "0.6 FTE maths post - advert", {}, []],
    [
      "a concern, beside a pupil's full name",
      "Concern - Lily Evans 4B",
      { fullNames: [10] },
      ["special-category Concern 0.9"],
    ],
    [
      "concerns, beside a pupil's given name",
      "concerns - Amira (Y3)",
      { givenNames: [11] },
      ["special-category concerns 0.8"],
    ],
    ["a concern about something, nobody named", "Concern about the transport contractor", {}, []],
    ["a concern from an adult by title", "Mrs Patel - concern about parking", { fullNames: [0] }, []],
    // Development parts DAV and DAY: a weapon, a parent in prison.
    ["a knife, beside a pupil", "Knife in bag - Tyler Dean 10M", { fullNames: [15] }, ["special-category Knife 0.9"]],
    ["prison, beside a pupil", "Ola Bello - prison visit", { fullNames: [0] }, ["special-category prison 0.9"]],
    ["knife crime, nobody named", "Knife crime workshop - Year 10", {}, []],
    // Development part BE: an exclusion as a verb, a contact order as staff write it.
    [
      "excluded, beside a pupil",
      "Zak Marsh 10 - excluded 3 days",
      { fullNames: [0] },
      ["special-category excluded 0.9"],
    ],
    [
      "no contact with a parent, beside a pupil",
      "Lily-Rose Parker 8J - no contact with father",
      { fullNames: [0] },
      ["special-category no contact with 0.9"],
    ],
    ["excluded from a list, nobody named", "Year 9 excluded from the rota this week", {}, []],
  ])("%s", (_what, subject, who, expected) => {
    expect(details(subject, { ...who, identified: Object.keys(who).length > 0 }, subject.length, "subject")).toEqual(
      expected,
    );
  });

  it("is not read in a body, where the same word is the school's business", () => {
    expect(details("Tyler Dean met our police liaison officer.", { fullNames: [0], identified: true })).toEqual([]);
    expect(details("Tyler Dean is 0.6 FTE from September.", { fullNames: [0], identified: true })).toEqual([]);
    expect(details("Tyler Dean: no contact with mum yet.", { fullNames: [0], identified: true })).toEqual([]);
  });
});

describe("detectSpecialCategory: topic talk is no one's data", () => {
  it.each([
    ["our ... policy", "Oliver: see our SEN policy."],
    ["a follower after a hyphen", "Oliver: see the SEN-policy."],
    ["any ...", "Oliver: any allergies?"],
    ["the school's ...", "Oliver: the school's safeguarding lead."],
    ["our ... at the start", "our EHCP process is changing."],
    ["a follower after a two-item list", "Oliver: EpiPen and asthma training on Tuesday."],
    ["about ...", "Oliver: an assembly about knife crime."],
    ["a session on ...", "Oliver: the session on speech therapy looks good."],
    ["people in general with it", "Oliver has run clubs for children with autism."],
    ["a month or history of it", "Oliver: Roma and Traveller History Month."],
    ["a charity's name", "Oliver is walking for Diabetes UK on Sunday."],
    ["the items listed before a topic", "Oliver will run the epilepsy and buccal midazolam training."],
    ["three items listed before a topic", "Oliver: autism, ADHD and dyslexia awareness."],
    ["an item of two words before a topic", "Oliver: the epilepsy and rescue medication training."],
  ])("%s", (_what, text) => {
    expect(details(text, { identified: true })).toEqual([]);
  });

  it.each([
    ["a word ending in 'our'", "Oliver: your EHCP is ready.", "EHCP"],
    ["a follower after two spaces", "Oliver has an EHCP  policy.", "EHCP"],
    ["a longer word starting like a follower", "Oliver has an EHCP policyholder.", "EHCP"],
  ])("still someone's: %s", (_what, text, term) => {
    expect(details(text, { identified: true })).toEqual([`special-category ${term} 0.75`]);
  });
});

it("keeps the items listed before a term that is no topic", () => {
  expect(details("Oliver has epilepsy and takes buccal midazolam.", { identified: true })).toEqual([
    "special-category epilepsy 0.75",
    "special-category buccal midazolam 0.75",
  ]);
});

describe("detectSpecialCategory: where a term and the word after it end", () => {
  it.each([
    // A character past "z" (a dash) ends a phrase like a space does.
    ["a phrase followed by a dash", "Oliver: CP concern—see notes.", ["special-category CP concern 0.75"]],
    // Only a space or a hyphen is skipped before the next word: "/policy" is not "policy".
    ["a slash before a follower", "Oliver: EHCP/policy review.", ["special-category EHCP 0.75"]],
    ["a dash after a follower", "Oliver: the EHCP policy—see attached.", []],
    ["a follower with a hyphen inside", "Oliver: ask the EHCP co-ordinator.", []],
    // A character past "z" before a preceder is no letter of a longer word.
    ["a dash before 'our'", "Oliver—our EHCP process is changing.", []],
    // A phrase runs on into a longer word when a letter a to z follows it: the shorter term is found instead.
    ["a letter after a phrase", "Oliver: CP concerns raised.", ["special-category CP 0.75"]],
    ["'a' after a phrase", "Oliver: CP concerna raised.", ["special-category CP 0.75"]],
    ["'z' after a phrase", "Oliver: CP concernz raised.", ["special-category CP 0.75"]],
    // "day" is a follower, "dayz" is not; "any" is a preceder, "zany" is not.
    ["a follower running on into 'z'", "Oliver: EHCP dayz.", ["special-category EHCP 0.75"]],
    ["a preceder inside a word ending in it", "Oliver has a zany EHCP plan.", ["special-category EHCP 0.75"]],
  ])("%s", (_what, text, expected) => {
    expect(details(text, { identified: true })).toEqual(expected);
  });
});
