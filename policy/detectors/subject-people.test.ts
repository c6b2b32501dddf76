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
    // "Class 2" names a class (in any case): the first name alone in its part is a pupil.
    ["MARAC - Collins family (Tia, Class 2)", ["Collins family", "Tia"]],
    ["Y4 Kacper N medical plan", ["Kacper N"]],
    ["mrs okonjo - ks1 - ongoing chemo", ["mrs okonjo"]],
    ["Re: Tommy's dad - been drinking at pick up again", ["Tommy's dad"]],
    ["Re: Re: Re: Marcus (5B) – social worker visit", ["Marcus"]],
    ["emergency foster placement - Leon (Y4) - new carers", ["Leon"]],
    ["Child Protection conf - the Whitehouse twins", ["Whitehouse twins"]],
    ["re: lily-rose jackson - domestic incident", ["lily-rose jackson"]],
    ["Maisie (Ash) - school nurse referral", ["Maisie"]],
    ["Ash class - Ayaan - chicken pox", ["Ayaan"]],
    // A pupil described, not named (development parts AO, AT, AV).
    ["Y4 boy with EpiPen - Friday trip", ["Y4 boy"]],
    ["new Y7 boy - diabetes", ["new Y7 boy"]],
    ["Re: new LAC girl in Rowan - PEP meeting", ["new LAC girl"]],
    ["Child in Owls - dad in prison", ["Child"]],
    ["Transport - Year 10 lad in 10M", ["Year 10 lad"]],
    // A known given name opening the subject, alone or possessive without its apostrophe (parts BJ, BL).
    ["Harrison - weight loss, dietitian referral", ["Harrison"]],
    ["ellie hospital for scan tues", ["ellie"]],
    ["Freyas dad - terminal", ["Freyas"]],
    ["jaydens meds", ["jaydens"]],
    // A pupil by surname: "Whitcombe boy" as "Collins family".
    ["Pemberton girl - ADHD diagnosis came through", ["Pemberton girl"]],
    // Two or three capitalised words as a whole part, no name list needed (case 16's kind).
    ["EHCP - Tomasz Kowalczyk draft plan", ["Tomasz Kowalczyk"]],
    ["Wei Jie Tan (Lower Sixth) - epilepsy care plan", ["Wei Jie Tan"]],
    ["Re: Ngozi Eze - hearing aid appointment", ["Ngozi Eze"]],
  ])("%s → %j", (subject, expected) => {
    expect(people(subject)).toEqual(expected);
  });

  it.each([
    // Ordinary subjects: parts of two words, a word and a letter, a letter and a word, that are no one.
    "EHCP training Thursday",
    // A year alone does not narrow a description to one pupil; "Child in Need" is a plan, not a child.
    "Safeguarding - Year 6 boy",
    "Re: Child in Need meeting",
    "new boarder - medical form",
    "Pupil premium strategy - pupils in Year 5",
    "FSM eligibility letters for all families",
    "Plan B for sports day",
    "Vitamin D letters",
    "A Level results - Year 13",
    "Group A - maths set changes",
    "Re: staff meeting notes",
    "Host family needed for exchange",
    "Summer term - key dates",
    "Maths (Y4) - EHCP training",
    "Swimming 5B - SEN support",
    "SATs, KS2 and SEN access arrangements - DfE deadline",
    // Development part Y: a question's "if a", a timetable's day and period, organisations and posts.
    "If a pupil tells you something",
    "Cover Thu P5?",
    "Walsall Family Hub - drop-in",
    "Safeguarding report - Education Committee",
    "Purple Day - Epilepsy Action",
    "Re: the Polish kids",
    "Trip - the Reception children",
    "i.e. the usual",
    // A new user's trial: a letter that starts a reference number is no initial.
    "RE: Quotation Q-20417 - replacement projectors",
    "Order B/551 - projectors",
    // A given name that does not open the subject, or is followed by a name-like word that is no name.
    "Trip - Harrison Park on Friday",
    "sophias kitchen - staff lunch order",
    "Swimming - boy in lane 2",
    // Capitalised words that are places, organisations, signs or a class, not people.
    "MEDICINES CABINET - KEEP LOCKED",
    "Hatfield Road closure - Thursday",
    "Fwd: Thames Valley Police - online safety advice",
    "Bereavement training - Winston's Wish",
    "Council tax - 31 Elmfield Road",
    "Trip - Y8 Box Hill",
    "Nurse referral for Maisie (Ash Grove)",
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
      ["special-category:hardship fund", "special-category:arrears"],
    ],
    ["Y11 Kian Doyle - arrested at weekend", ["special-category:arrested"]],
    ["AP placement - Reece Harper (10K) - agreement", ["special-category:AP placement"]],
    ["callum b (8F) CIN mtg tues", ["special-category:CIN"]],
    // Subject shorthand beside a given name that opens the subject (development parts BJ and BL).
    ["Oscar - hospital appointment Tuesday", ["special-category:hospital appointment"]],
    ["Maisies mum drinking again", ["special-category:drinking again"]],
    ["Amelia (Class 1) - new foster placement", ["special-category:foster placement"]],
    ["Charlie - eczema worse after lunch", ["special-category:eczema"]],
    // A full date years back beside a name, in a subject, is a date of birth without the word "born".
    ["Leo Sanchez 14/08/2010", ["date-of-birth:14/08/2010"]],
  ])("%s → %j", (subject, expected) => {
    expect(inSubject(subject)).toEqual(expected);
  });

  it.each([
    "EHCP training Thursday",
    // A year alone does not narrow a description to one pupil; "Child in Need" is a plan, not a child.
    "Safeguarding - Year 6 boy",
    "Re: Child in Need meeting",
    "new boarder - medical form",
    "Pupil premium strategy - pupils in Year 5",
    "Hardship fund - applications open",
    "Parents' evening 14/03/2030",
    // Lower-case "cin" or "salt" is a word, not the acronym.
    "Re: jack t. - salt dough models",
    // Shorthand with nobody named: a place, a scanner, a bus station.
    "Year 12 Biology - St Thomas' Hospital visit",
    "Scan to email - new copier settings",
    "Coach leaves from the bus terminal at 8",
  ])("nothing sensitive in %s", (subject) => {
    expect(inSubject(subject)).toEqual([]);
  });
});

describe("findSubjectPeople: how sure, and where each form stops", () => {
  const found = (subject: string) =>
    findSubjectPeople(subject).map((person) => [subject.slice(person.start, person.end), person.confidence]);

  it.each<[string, (string | number)[][]]>([
    ["Kacper N - report", [["Kacper N", 0.85]]],
    // An unknown word in lower case with an initial is less sure than a known or capitalised one.
    ["zbig n - report", [["zbig n", 0.8]]],
    ["amara o. - report", [["amara o.", 0.85]]],
    ["J Okonkwo - exclusion", [["J Okonkwo", 0.85]]],
    ["I. Khan - report", [["I. Khan", 0.85]]],
    ["Nowak, Zbig – report", [["Nowak, Zbig", 0.85]]],
    ["Nowak, Oliver and co", [["Nowak, Oliver", 0.85]]],
    ["Collins family", [["Collins family", 0.85]]],
    ["leo williams", [["leo williams", 0.8]]],
    ["isla mcgregor anaphylaxis", [["isla mcgregor", 0.8]]],
    ["leo williams jones - x", [["leo williams jones", 0.8]]],
    ["RE: FW: leo williams", [["leo williams", 0.8]]],
    ["leo williams 9X2", [["leo williams", 0.8]]],
    // A capital A after a name is an initial; only the lower-case word "a" is not.
    ["Anti-bullying - Kofi A", [["Kofi A", 0.85]]],
    ["Collins family - contact", [["Collins family", 0.85]]],
    // A family's children by surname, in any case, and two dotted initials (development set).
    ["CP plan - the Hussain-Blake children", [["Hussain-Blake children", 0.8]]],
    ["uniform grant for the okafor boys", [["okafor boys", 0.8]]],
    ["re: medication change - S.A.", [["S.A.", 0.8]]],
    ["Safeguarding – W.H. (Elm)", [["W.H.", 0.8]]],
  ])("%s", (subject, expected) => {
    expect(found(subject)).toEqual(expected);
  });

  it.each([
    ["the word I, not an initial", "I Khan - report"],
    ["an initial and a surname in lower case", "j. okonkwo - report"],
    ["an unknown given name running on", "Nowak, Zbig and co"],
    ["a family in lower case", "collins family"],
    ["two words, neither a known given name", "zbig williams - x"],
    ["four name-like words", "leo williams jones smith"],
  ])("no one: %s", (_what, subject) => {
    expect(found(subject)).toEqual([]);
  });
});

describe("findSubjectPeople: each form, where it applies and where it does not", () => {
  const found = (subject: string) =>
    findSubjectPeople(subject).map((person) => [subject.slice(person.start, person.end), person.confidence]);

  it.each<[string, (string | number)[][]]>([
    // A known given name with a class code after it: digits first, one or two letters, maybe a digit.
    ["Leo 10M - report", [["Leo", 0.8]]],
    ["Leo 9x2 - report", [["Leo", 0.8]]],
    ["Leo 10MB - report", [["Leo", 0.8]]],
    // Any capitalised name in brackets before the class or year code.
    ["Re: Marcus (5B) – visit", [["Marcus", 0.8]]],
    ["Leon (Y4) - new carers", [["Leon", 0.8]]],
    // The capitalised word before such a name is part of it; a lower-case one is not.
    ["Re: Zbig Doyle (Y10) - report", [["Zbig Doyle", 0.8]]],
    ["fw: zbig Doyle (Y10) - report", [["Doyle", 0.8]]],
    // A title with a full stop.
    ["Mrs. Okonjo - report", [["Mrs. Okonjo", 0.85]]],
    // A known given name "in" a class named as classes are.
    ["Maisie in Ash - nurse referral", [["Maisie", 0.75]]],
    // A first name alone between separators (or at either end) where the subject names a class.
    ["Ayaan - Ash class - chicken pox", [["Ayaan", 0.75]]],
    ["Ash class - Ayaan", [["Ayaan", 0.75]]],
    // The reply prefix is not a part of the subject: "AW" (German Outlook's "Re:") is no one.
    ["AW: Ash class - Ayaan - chicken pox", [["Ayaan", 0.75]]],
    // A part may start after a class code.
    ["9X2 leo williams", [["leo williams", 0.8]]],
    // A known given name that opens the subject, alone or before a separator (development parts BJ, BL).
    ["Leo - report", [["Leo", 0.75]]],
    ["Re: Maisie", [["Maisie", 0.75]]],
  ])("%s", (subject, expected) => {
    expect(found(subject)).toEqual(expected);
  });

  it.each([
    ["a given name with no class after it", "Letter for Leo"],
    ["a given name after a separator, no class named", "Report - Leo"],
    ["a code with more letters than a class has", "Leo 10Mabc - report"],
    ["a code with three digits", "Leo 123M - report"],
    ["a single letter before 'family'", "B family - support"],
    ["an initial at the end", "Report for J"],
    ["a lower-case word with a capital inside before 'family'", "macLeod family - support"],
    ["two names that do not open their part", "report for leo williams"],
    ["a surname in lower case before a comma", "nowak, Zofia – SALT report"],
    ["a capitalised word at the end", "Report from Nowak"],
    ["a word and a letter followed by another name-like word", "leo n williams - report"],
    ["'s inside a name", "O'Sullivan dad - pickup"],
    ["'s at the end, no relation after it", "Re: Tommy's"],
    ["an unknown word with a bracketed class name", "Zbig (Ash) - school nurse referral"],
    ["a bracketed class name in lower case", "Referral for Maisie (ash)"],
    ["two words in the brackets", "Referral for Maisie (Ash Grove)"],
    ["brackets left open at the end", "Re: referral for Maisie (Ash"],
    ["a stray closing bracket, no opening one", "Referral - Maisie - Ash) - x"],
    ["a first name not at the start of its part", "Ash class - letter for Ayaan"],
  ])("no one: %s", (_what, subject) => {
    expect(found(subject)).toEqual([]);
  });
});
