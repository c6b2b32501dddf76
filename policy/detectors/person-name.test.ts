import { describe, expect, it } from "vitest";
import { findNames, subjectSetOffWords, writtenAsName } from "./person-name.js";
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

describe("findNames: a listed given name written in lower case", () => {
  it.each<[string, string, string[]]>([
    ["with a form after 'in'", "it's about kayla in 9R - she told her tutor.", ["kayla"]],
    ["with a form in lower case", "it's about kayla in 9c", ["kayla"]],
    ["with a year after a comma", "the boy in room 14 (hugo, Y10) is on sertraline.", ["hugo"]],
    ["with an initial and a class", "please be aware that finley c. in 11J has diabetes", ["finley"]],
    ["with an initial and a bracketed year", "- harvey d (10) 54%, on the exclusion list", ["harvey"]],
    ["with a possessive", "sienna's dad was arrested at the weekend", ["sienna"]],
    ["with a lower-case class word", "kayla (class 8) had a seizure", ["kayla"]],
  ])("is someone %s", (_what, text, expected) => {
    expect(names(text).map(([name]) => name)).toEqual(expected);
  });

  it.each<[string, Row[]]>([
    ["ella thompson in 9c has been really down", [["ella thompson", true, false, false, 0.75]]],
    ["maya khan in 10a showed me", [["maya khan", true, false, false, 0.75]]],
  ])("with a surname is a full name: %s", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ["a word no list has as a name", "can you take 9R on Friday?"],
    ["a time, not a class", "see you in the hall, 10am"],
    ["a date, not a class", "the meeting is on the 14th"],
    ["a listed name that is also a word, before a possessive", "the amber's too dark on this chart"],
    ["a listed name inside a longer word", "the stonemason's yard"],
    ["a common word before the word before a form", "the register in 9c is on the desk"],
  ])("is no one: %s", (_what, text) => {
    expect(names(text)).toEqual([]);
  });

  it("a surname before a possessive makes no lower-case full name", () => {
    expect(names("ella thompson's bag").filter(([, full]) => full)).toEqual([]);
  });
});

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
    [
      "a full name no list has, before a verb of telling (development part AK)",
      "Keanu Marsden told me this morning that his mum screamed at him.",
      [["Keanu Marsden", true, false, false, 0.75]],
    ],
    ["a given name alone", "Jack was upset.", [["Jack", false, false, false, 0.5]]],
    ["a given name introduced as someone's child", "Her son Jack was upset.", [["Jack", false, false, false, 0.7]]],
    [
      "a name no list has, introduced as a pupil",
      "Our pupil Kofi Mensah is new.",
      [["Kofi Mensah", true, false, false, 0.85]],
    ],
    ["introduced after a comma", "The student, Bartosz Nowak, is new.", [["Bartosz Nowak", true, false, false, 0.85]]],
    // Development parts AO and DAV: "new boarder Lukas - anxiety / meds", "boarder JW - police caution".
    [
      "a name no list has, introduced as a boarder",
      "Our new boarder Lukas is settling.",
      [["Lukas", false, false, false, 0.85]],
    ],
    ["initials introduced as a pupil", "A Y9 pupil KM self-harmed.", [["KM", true, false, false, 0.85]]],
    ["a school's acronym after 'student' is no one", "Her student ID card is lost.", []],
    ["a school's acronym before 'is' or 'has' is no one", "PE is cancelled and the EP has a new room.", []],
    ["a two-letter name no list has is no initials", "Our pupil Bo is new.", [["Bo", false, false, false, 0.85]]],
    ["'Pupil' in capitals is no one's introduction", "Pupil AB: asthma.", []],
    ["initials before a class are found once", "Our pupil AB in 7C has asthma.", [["AB", true, false, false, 0.75]]],
    [
      "a name no list has, doing something",
      "Oluwaseun Adeyemi in Year 4 was absent.",
      [["Oluwaseun Adeyemi", true, false, false, 0.75]],
    ],
    [
      "a name no list has, in a class written as a code",
      "Aleksandra Zielinska in 5B has broken her ankle.",
      [["Aleksandra Zielinska", true, false, false, 0.75]],
    ],
    [
      "with an Irish particle and accents",
      "Siobhán Ní Bhriain is in Year 2.",
      [["Siobhán Ní Bhriain", true, false, false, 0.75]],
    ],
    [
      "with two Dutch particles",
      "Ruairi van der Berg has asthma.",
      [["Ruairi van der Berg", true, false, false, 0.75]],
    ],
    [
      "with an Irish particle and a lower-case letter before the surname's capital",
      "Siobhán Ó hAodha was off again.",
      [["Siobhán Ó hAodha", true, false, false, 0.75]],
    ],
    [
      "a Scottish or Irish surname with its Mc or Mac run into the capital (development part BG)",
      "Kian McDonagh has a consultant's appointment.",
      [["Kian McDonagh", true, false, false, 0.75]],
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
    // Names no list has, before a verb with a bracketed class or post, or "in" a class or department
    // between (development part Y).
    [
      "a bracketed class before the verb",
      "Harpreet Kaur (Ash class) is starting IVF.",
      [["Harpreet Kaur", true, false, false, 0.75]],
    ],
    [
      "a department after 'in'",
      "Clare Ollerenshaw in Science has told me.",
      [["Clare Ollerenshaw", true, false, false, 0.75]],
    ],
    [
      "'in my tutor group'",
      "Jamie Okoye-Barnes in my tutor group came out to me.",
      [["Jamie Okoye-Barnes", true, false, false, 0.75]],
    ],
    [
      "a visitor's post in brackets",
      "Janet Moore (community nurse) will audit it.",
      [["Janet Moore", true, true, false, 0.75]],
    ],
    [
      "a known given name and a surname before a possessive",
      "Isaac Mensah-Boateng's parents called.",
      [["Isaac Mensah-Boateng", true, false, false, 0.8]],
    ],
    // Development part AA.
    [
      "a name and an initial before a verb",
      "just so you know Ollie B was sick after lunch",
      [["Ollie B", false, false, false, 0.5]],
    ],
    ["the word I is no initial", "Then I was told.", []],
    [
      "two words after 'is' ending the clause",
      "Starting after Easter is Mateusz Nowak. Mum says",
      [["Mateusz Nowak", true, false, false, 0.75]],
    ],
    ["'is' and two words the clause goes on from", "The venue is Chelmsford Cathedral on Tuesday.", []],
    // Without a capitalised surname, "Mark" is a given name alone, as "Jack" or "Grace" is: the low
    // confidence that is never reported by itself (only a detail beside it can make it someone's).
    ["'Mark' with no surname", "Mark the register by 9.", [["Mark", false, false, false, 0.5]]],
    [
      "dotted initials, a comma and a class",
      "a Year 4 girl, initials A.T., in 4M",
      [["A.T.", true, false, false, 0.75]],
    ],
  ])("%s", (_what, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it("a post in the greeting ('Dear Chaplain,') does not make the body's first name staff", () => {
    const text = "Dear Chaplain,\n\nIsaac Mensah-Boateng's parents called.";
    expect(names(text, "body", text.indexOf("\n"))).toEqual([["Isaac Mensah-Boateng", true, false, false, 0.8]]);
  });

  // Names no list has, alone (invented): with a possessive, a class, or a verb a person does.
  it.each<[string, string, Row[]]>([
    ["a possessive", "The LA sent Tymon's draft plan.", [["Tymon", false, false, false, 0.5]]],
    ["a class after it", "Make sure Ilinca in 4T has her inhaler.", [["Ilinca", false, false, false, 0.5]]],
    ["a class in brackets", "Nnamdi (Y3) is off.", [["Nnamdi", false, false, false, 0.5]]],
    ["a year code", "Gurpreet Y11 will sit the exam.", [["Gurpreet", false, false, false, 0.5]]],
    ["a strong verb at a sentence's start", "Tymon has a CP plan.", [["Tymon", false, false, false, 0.5]]],
    [
      "a weak verb after a lower-case word",
      "I asked whether Chidera is back.",
      [["Chidera", false, false, false, 0.5]],
    ],
    ["a class named by number", "I'd like to talk about Rhodri (Class 7).", [["Rhodri", false, false, false, 0.5]]],
    ["a verb only a person does", "Ifeoma wets the bed most nights.", [["Ifeoma", false, false, false, 0.5]]],
    ["a modal verb mid-sentence", "They move and Jordell may have to travel.", [["Jordell", false, false, false, 0.5]]],
    ["the object of a worry", "I'm worried about Demi-Leigh again.", [["Demi-Leigh", false, false, false, 0.5]]],
    ["the object of a watch", "Could you keep an eye on Gurleen?", [["Gurleen", false, false, false, 0.5]]],
    // A surname's Mc runs into its capital only after a given name: alone it is the restaurant.
    ["not a restaurant's possessive", "We stopped at McDonald's on the way back.", []],
  ])("a given name no list has: %s", (_what, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  // Pointed out without a name: identifies someone as a name does (full, 0.75).
  it.each<[string, string, string]>([
    ["a pupil by class", "Can you watch the boy in 6B at lunch?", "the boy in 6B"],
    ["by a class named for a tree", "the little girl in Robins is upset", "the little girl in Robins"],
    ["by year", "The Y6 boy came in with a bruise.", "The Y6 boy"],
    ["by what they carry", "the lad with the hearing aids sits at the back", "the lad with the hearing"],
    ["by family", "the girl whose dad is away", "the girl whose dad"],
    ["by what is true of them", "The boy who is looked after moved placement.", "The boy"],
    [
      "by sixth-form year and origin",
      "the lower sixth boy from Lagos came to see you",
      "the lower sixth boy from Lagos",
    ],
    ["a new arrival", "our new arrival from Syria", "our new arrival"],
    ["a young man by class", "the young man in Class 7 who moved placement", "the young man in Class 7"],
    ["a boarder by year and origin", "the Year 11 boarder from Lagos was told", "the Year 11 boarder from Lagos"],
    [
      "by year, a describing word and house",
      "the Upper Sixth scholarship boy in Marlowe is on sertraline",
      "the Upper Sixth scholarship boy in Marlowe",
    ],
    ["initials and a class", "AB in 5C has her meds at 12.", "AB"],
    // A new user's trial: initials are how staff think they anonymise ("MH has an ADHD diagnosis").
    ["initials before 'has'", "MH has an ADHD diagnosis and struggles after lunch.", "MH"],
    ["initials before 'was'", "Spoke to mum: TK was sick twice at home.", "TK"],
    ["initials with full stops", "T.O. in Class 5 starts the diet.", "T.O."],
    ["initials right before a class", "Concern re: JO 5B - bruising", "JO"],
    ["one initial and a class", "J in 6M came in with the same jumper.", "J"],
    ["one initial, class in brackets", "Spoke to K (Y4) again.", "K"],
    ["initials, class and age in brackets", "MK (Class 9, 15) was picked up last night.", "MK"],
    ["dotted initials' possessive", "I noticed bruising on E.K.'s upper arm.", "E.K."],
    ["a title and an initial", "Mrs K's son is off.", "Mrs K"],
    ["to a parent, their son", "The referral for your son has been accepted.", "your son"],
    ["to a parent, their daughter's", "I've sent the referral for your daughter's assessment.", "your daughter"],
    ["a class named by year and bird", "The boy in 7 Kestrel with the hearing aids rang.", "The boy in 7 Kestrel"],
    ["twins by their surname", "Take the Adeyemi twins off the milk list.", "the Adeyemi twins"],
    ["sisters by their surname", "Please don't ask the Abdi girls in Rowan to take part.", "the Abdi girls"],
    ["a name heading a line of a list", "Medical notes:\n- Tegan Hughes - type 1 diabetes\n", "Tegan Hughes"],
    ["a name after a number in a list", "1. Adil Rashid: EpiPen", "Adil Rashid"],
  ])("a person described: %s", (_what, text, described) => {
    expect(names(text)).toContainEqual([described, true, false, false, 0.75]);
  });

  it("a relative clause describes someone only after 'the': 'a child who is' is anyone", () => {
    expect(names("A child who is looked after has a PEP.")).toEqual([]);
    // A describing word must still lead to a class, a house, a place or a relative clause.
    expect(names("The scholarship boy was the hero of the novel.")).toEqual([]);
  });

  it("reads a table's column of people by its header, rows below it", () => {
    const table = "Child\tClass\tWhy\n \nKofi\tMaple\tASD\nLucja Nowak\tOak\tSPD\nA. Begum\tAsh\tEAL\nThanks all";
    expect(names(table)).toEqual([
      ["Kofi", false, false, false, 0.5],
      ["Lucja Nowak", true, false, false, 0.75],
      ["A. Begum", true, false, false, 0.75],
    ]);
    // A column headed otherwise is no one's ("Class"), nor is a table with no header of people.
    expect(names("Class\tRoom\nMaple\tB2\nOak\tB3")).toEqual([]);
  });

  it("finds each person once where the frames overlap", () => {
    // A known given name and surname, also the object of a worry: one name, the full one.
    expect(names("I'm worried about Amy Shaw.")).toEqual([["Amy Shaw", true, false, false, 0.8]]);
    // A name no list has in the signature is the sender's, as a listed one is.
    const signed = "Thanks.\nKind regards\nTymon has left";
    expect(names(signed, "body", 0, signed.indexOf("Kind"))).toEqual([]);
  });

  it.each([
    ["days and sentence openers", "Next Monday is INSET."],
    ["a thing with a weak verb at a sentence's start", "Topic is PEP quality."],
    ["a place after a preposition", "The audit for Essex is due."],
    ["a place after a month", "From September Essex will enrol families."],
    ["a modal verb at a sentence's start", "Lunch may be late today."],
    ["a school subject's acronym and a class", "PE in 5C is outside."],
    ["a school subject's acronym right before a class", "PE 5C is outside."],
    ["a common noun's possessive", "Everyone's reports are due."],
    ["a possessive inside an organisation's name", "Resources from Winston's Wish are here."],
    ["a pupil in general, no class", "The child who discloses should be listened to."],
    ["every parent's child", "If your son or daughter has allergies, tell us."],
    ["a list line that is a topic", "Agenda:\n- Safeguarding Update - all staff\n"],
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

describe("writtenAsName", () => {
  it.each([
    ["after a verb, at a sentence's end", "The therapist is coming to see Rory.", "Rory", true],
    ["after a comma", "Yes thanks, Kiera will be fine.", "Kiera", true],
    ["after a preposition of place", "The children in Oak have nits.", "Oak", false],
    // "for", "to" and "from" take a person as well as a place: the subject already set the word off.
    ["after 'for'", "The CAMHS letter came in for Kayden today.", "Kayden", true],
    ["after 'to'", "I spoke to Jenna, who is fine.", "Jenna", true],
    ["after 'from', with a comma", "A card from, Bartek.", "Bartek", true],
    ["after 'at' (a place only)", "We met at Elm yesterday.", "Elm", false],
    ["inside a longer word", "Rorys and Rory-like", "Ror", false],
    ["at a sentence's start only", "Divorce is hard. It is.", "Divorce", false],
    ["a surname after its given name", "Attached is the draft EHCP for Finn Harris from Herts.", "Harris", true],
    ["a place's second word after 'in'", "The children in Holy Trinity have nits.", "Trinity", false],
    ["a second word at a sentence's start", "Finn Harris is here.", "Harris", false],
  ])("%s", (_what, text, word, expected) => {
    expect(writtenAsName(text, word)).toBe(expected);
  });
});

describe("findNames in subjects and file names", () => {
  it.each<[string, Scan["location"], Row[]]>([
    ["CP concern - Amira Khalil (Y3)", "subject", [["Amira Khalil", true, false, false, 0.8]]],
    ["Medication change - Mia-Rose Kettering", "subject", [["Mia-Rose Kettering", true, false, false, 0.8]]],
    ["Reece Harper - behaviour", "subject", [["Reece Harper", true, false, false, 0.8]]],
    // A nickname in quotes inside the name (development part BE).
    ["Tyrese 'Ty' Walker - hospital admission", "subject", [["Tyrese 'Ty' Walker", true, false, false, 0.8]]],
    ["Re: Chardonnay “Chaz” Evans (Y9)", "subject", [["Chardonnay “Chaz” Evans", true, false, false, 0.8]]],
    ["Pupil premium - Jadon and Kacey Marsh", "subject", [["Kacey Marsh", true, false, false, 0.8]]],
    // An acronym after the name ends it, as a separator does: what the subject says about them.
    ["Re: Lewis Maynard EHCP draft", "subject", [["Lewis Maynard", true, false, false, 0.8]]],
    ["Jordan Mensah PEP - Thursday", "subject", [["Jordan Mensah", true, false, false, 0.8]]],
    ["Staff Meeting INSET agenda", "subject", []],
    // "Mark" is a given name too (development AR, Q: an occupational-health referral's subject).
    ["OH referral - Mark Tiller - anxiety and depression", "subject", [["Mark Tiller", true, false, false, 0.8]]],
    ["Ashdown Oliver EHCP.pdf", "attachments", [["Ashdown Oliver", true, false, false, 0.75]]],
    ["Dear Oliver letter.pdf", "attachments", [["Oliver", false, false, false, 0.5]]],
    ["Kacper Zielinski body map.pdf", "attachments", [["Kacper Zielinski", true, false, false, 0.8]]],
    ["Zielinski Kacper body map.pdf", "attachments", [["Zielinski Kacper", true, false, false, 0.8]]],
    // Underscores read as spaces; an initial run into a surname, a given name into an initial.
    ["CIN core group minutes BHadley 12May.docx", "attachments", [["BHadley", true, false, false, 0.75]]],
    ["Suspension letter BilalK 140526.docx", "attachments", [["BilalK", true, false, false, 0.75]]],
    ["SENDReport ICTPolicy iPad DBSCheck.docx", "attachments", []],
    // A surname or a given name with an initial, as schools name files (the corpus README's own example;
    // development part BN), not a document's section or a plan's letter.
    ["Okonjo_T_EHCP_review_draft.docx", "attachments", [["Okonjo_T", true, false, false, 0.8]]],
    ["CP_referral_Kofi_A.pdf", "attachments", [["Kofi_A", true, false, false, 0.8]]],
    ["Section_A_EHCP_guidance.pdf", "attachments", []],
    ["Plan_B_medication.docx", "attachments", []],
    ["Year_6_Group_A_SEN_list.xlsx", "attachments", []],
    // A subject that is a file's name reads as one (underscores as spaces).
    ["FW: Mistry_A_IHCP_2025.pdf", "subject", [["Mistry_A", true, false, false, 0.8]]],
    ["Hussain_Zubair_Y10_suspension_letter.docx", "subject", [["Hussain_Zubair", true, false, false, 0.8]]],
    ["Appendix_C_Medical_Conditions_Policy.pdf", "subject", []],
  ])("%s (%s)", (text, location, expected) => {
    expect(names(text, location)).toEqual(expected);
  });

  // One word heading or ending a subject counts only when the body names the same person.
  it.each<[string, string[], Row[]]>([
    ["Tymon - inhaler at lunch", ["Tymon"], [["Tymon", false, false, false, 0.5]]],
    ["Re: Chidera – bereavement", ["Chidera"], [["Chidera", false, false, false, 0.5]]],
    ["Medication change - Ilinca", ["Ilinca"], [["Ilinca", false, false, false, 0.5]]],
    // A subject that names a class ("Class 4", any case) makes a first name alone a person by itself.
    ["Class 4 - Oliwia (sickle cell) - off again", [], [["Oliwia", true, false, false, 0.75]]],
    // Already part of a name read from the subject ("Kacper N"): not a second person.
    ["Kacper N - EHCP review", ["Kacper"], [["Kacper N", true, false, false, 0.85]]],
    ["Divorce - financial disclosure", [], []],
    ["SALT - Rory (Robins)", ["Rory"], [["Rory", false, false, false, 0.5]]],
    ["Tymon - inhaler at lunch", ["Ilinca"], []],
    ["Reminder - inhaler at lunch", ["Reminder"], []],
  ])("%s, the body naming %j", (subject, bodyNames, expected) => {
    const scan = makeScan(subject, "subject", { start: subject.length, end: subject.length }, 0);
    const found = findNames(scan, (word) => bodyNames.includes(word)).map((name) => [
      subject.slice(name.start, name.end),
      name.full,
      name.staff,
      name.addressee,
      name.confidence,
    ]);
    expect(found).toEqual(expected);
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

describe("findNames: context words count only beside the name", () => {
  it.each<[string, string, Row[]]>([
    [
      "a staff role far before a given name does not make it staff",
      "Our SENCO will ring on Monday about the coach times. Oliver was upset.",
      [["Oliver", false, false, false, 0.5]],
    ],
    [
      "a family word more than 40 characters before a given name does not raise it",
      "Her son starts on Monday and his forms are done. Jack was upset.",
      [["Jack", false, false, false, 0.5]],
    ],
    [
      "a surname is looked for only in the 30 characters after the given name",
      "Yesterday after lunch in the hall Oliver Ashdown cried.",
      [["Oliver Ashdown", true, false, false, 0.8]],
    ],
    [
      // A new user's trial: streets named after trees or people are addresses.
      "a street type after a name is no surname",
      "They live at 14 Larch Close, Witham, next to 3 Willow Row.",
      [["Willow", false, false, false, 0.5]],
    ],
    [
      "a place word after a given name is no surname",
      "We met at Oliver House today.",
      [["Oliver", false, false, false, 0.5]],
    ],
  ])("%s", (_what, text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe("findNames: titled names, given names and unknown names together", () => {
  it.each<[string, string, Row[]]>([
    [
      "a given name inside a titled name is not reported again",
      "Today Mrs Grace Patel called.",
      [["Mrs Grace", true, false, false, 0.9]],
    ],
    [
      "a given name before a titled name; all in text order",
      "Oliver met Mrs Patel.",
      [
        ["Oliver", false, false, false, 0.5],
        ["Mrs Patel", true, false, false, 0.9],
      ],
    ],
    [
      "a surname that is also a given name counts as a given name too (only titled names are skipped)",
      "Oliver Thomas was upset.",
      [
        ["Oliver Thomas", true, false, false, 0.8],
        ["Thomas", false, false, false, 0.5],
      ],
    ],
    [
      "an unknown name mid-sentence starts after the character before it",
      "Yesterday Kofi Mensah was absent.",
      [["Kofi Mensah", true, false, false, 0.75]],
    ],
    [
      // Development part AM: how a colleague's absence is told.
      "an unknown name that rang in",
      "Lynne Holroyd rang in - she's having an operation.",
      [["Lynne Holroyd", true, false, false, 0.75]],
    ],
    [
      "an unknown name after a known one",
      "Oliver met us. Kofi Mensah was absent.",
      [
        ["Oliver", false, false, false, 0.5],
        ["Kofi Mensah", true, false, false, 0.75],
      ],
    ],
    [
      "an unknown name before a known one",
      "Kofi Mensah was absent, Oliver too.",
      [
        ["Kofi Mensah", true, false, false, 0.75],
        ["Oliver", false, false, false, 0.5],
      ],
    ],
    [
      "an introduced name is not found again as an unknown name, even with a titled name after it",
      "Her son Bartosz Nowak was upset, said Mrs Patel.",
      [
        ["Bartosz Nowak", true, false, false, 0.85],
        ["Mrs Patel", true, false, false, 0.9],
      ],
    ],
  ])("%s", (_what, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    ["a place after an unknown word", "Yesterday Mensah Road was closed."],
    ["an ordinary subject word first", "Yesterday Cover Supervisor was absent."],
    ["an ordinary subject word second", "Curriculum Review is due."],
    ["an ordinary subject word after a particle", "Curriculum Van Review is due."],
  ])("no one: %s", (_what, text) => {
    expect(names(text)).toEqual([]);
  });

  it("an unknown name in the sender's signature is left out", () => {
    const signed = "Thanks.\nKofi Mensah, Head of Year 5";
    expect(names(signed, "body", 0, signed.indexOf("Kofi"))).toEqual([]);
  });
});

describe("findNames: a name claimed in a subject or file name", () => {
  it.each<[string, Scan["location"], Row[]]>([
    // Three words with a particle: the subject pattern, not the file-name pair.
    ["Re: Siobhán Ní Bhriain - SALT", "subject", [["Siobhán Ní Bhriain", true, false, false, 0.8]]],
    // Two particles and a Gaelic "t" before the capital: "Nic an tSaoir".
    ["Eilidh Nic an tSaoir - suspension", "subject", [["Eilidh Nic an tSaoir", true, false, false, 0.8]]],
    ["Inés de la Cruz - EHCP review", "subject", [["Inés de la Cruz", true, false, false, 0.8]]],
    [
      "Re: Part-time timetable - Kian McDonagh - medical needs",
      "subject",
      [["Kian McDonagh", true, false, false, 0.8]],
    ],
    ["Ellis MacAulay - EHCP review", "subject", [["Ellis MacAulay", true, false, false, 0.8]]],
    // A claimed name replaces only the given names it overlaps, not one before or after it (a given name
    // that opens the subject is claimed itself: subject-people.ts).
    [
      "CP concern - Jack - Amira Khalil",
      "subject",
      [
        ["Jack", false, false, false, 0.5],
        ["Amira Khalil", true, false, false, 0.8],
      ],
    ],
    [
      "Amira Khalil - Jack - CP concern",
      "subject",
      [
        ["Amira Khalil", true, false, false, 0.8],
        ["Jack", false, false, false, 0.5],
      ],
    ],
    // The subject's own forms ("jack t.") are read in subjects only, not in file names.
    ["jack t. notes.pdf", "attachments", []],
    ["Re: jack t. - notes", "subject", [["jack t.", true, false, false, 0.85]]],
  ])("%s (%s)", (text, location, expected) => {
    expect(names(text, location)).toEqual(expected);
  });
});

describe("one letter is no one's initial where it is a word or a list mark", () => {
  it.each<[string, string]>([
    ["the pronoun", "I in 6M will cover."],
    ["the article", "A in Year 3 is the grade."],
    ["a dotted abbreviation's possessive", "Read the U.K.'s guidance with Year 4."],
  ])("%s", (_what, text) => {
    expect(names(text).map((row) => row[0])).toEqual([]);
  });
});

describe("subjectSetOffWords: the word a subject sets off as whom it is about", () => {
  it.each<[string, string, string[]]>([
    ["heading it before a class", "reece 10H", ["reece"]],
    ["heading it before a bracketed class", "ayaan (3S) autism diagnosis", ["ayaan"]],
    ["alone", "Jenny", ["Jenny"]],
    ["after a separator at the end", "soiling - poppy", ["poppy"]],
    ["after Re: and before a dash", "Re: Bartek \u2013 bereavement", ["Bartek"]],
    ["between separators", "Class 4 - Oliwia (sickle cell)", ["Oliwia"]],
    ["a common word is a topic", "concern", []],
    ["an acronym in capitals is no name", "Wheelchair accessible minibus - MOT", []],
    ["words in a phrase are not set off", "time off for next week", []],
  ])("%s", (_what, subject, expected) => {
    expect(subjectSetOffWords(subject).map((entry) => entry.word)).toEqual(expected);
  });

  it("gives each word's offset in the subject, in lower case too, and whether it heads the subject", () => {
    expect(subjectSetOffWords("Re: rugby - Finlay")).toEqual([
      { word: "Finlay", lower: "finlay", start: 12, runOn: false, heading: false },
    ]);
    expect(subjectSetOffWords("RE: kacper's medication change")).toEqual([
      { word: "kacper", lower: "kacper", start: 4, runOn: true, heading: false },
    ]);
    expect(subjectSetOffWords("Re: Begum - hearing aid")).toEqual([
      { word: "Begum", lower: "begum", start: 4, runOn: false, heading: true },
    ]);
  });

  it.each([
    ["initials heading the subject", "JT – CP concern", ["JT"]],
    ["a school acronym is no one's initials", "CPD: ADHD in the classroom", []],
    ["nor in lower case", "sen - review dates", []],
  ])("in capitals too: %s", (_what, subject, expected) => {
    expect(subjectSetOffWords(subject, true).map((entry) => entry.word)).toEqual(expected);
  });
});

describe("findNames with words the subject confirmed", () => {
  const confirmedNames = (text: string, confirmed: string[], runOn = false) =>
    findNames(
      makeScan(text, "body", { start: text.length, end: text.length }, 0),
      undefined,
      confirmed.map((lower) => ({ word: lower, lower, runOn })),
    ).map((name) => text.slice(name.start, name.end));
  it.each<[string, string, string[], string[]]>([
    ["lower case, doing something", "poppy has soiled again today", ["poppy"], ["poppy"]],
    ["lower case, after an initial", "kyle b came into registration", ["kyle"], ["kyle"]],
    ["lower case, with a class", "reece 10H was late", ["reece"], ["reece"]],
    ["capitalised, a weak verb at the start of a sentence", "Jenny is coming back on Monday.", ["jenny"], ["Jenny"]],
    ["in the sixth form", "Jenna in the sixth form has told me.", ["jenna"], ["Jenna"]],
    ["a possessive", "mo's fit note came", ["mo"], ["mo"]],
  ])("%s", (_what, text, confirmed, expected) => {
    expect(confirmedNames(text, confirmed)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ["not written as a person", "the poppy appeal starts today", ["poppy"]],
    ["inside a longer word", "poppyseed has run out", ["poppy"]],
    ["unconfirmed", "reece has been late", []],
  ])("not when %s", (_what, text, confirmed) => {
    expect(confirmedNames(text, confirmed)).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    ["a possessive", "kacper's dad says the dose has gone up", ["kacper"]],
    ["a verb a person does", "Kayden had two more at lunch", ["Kayden"]],
    ["a weak verb", "Census is on 16 January", []],
    ["a class", "reece 10H was late", []],
  ])("a run-on first word of the subject, only as a person outright: %s", (_what, text, expected) => {
    const word = (/^[a-z]+/i.exec(text) as RegExpExecArray)[0].toLowerCase();
    expect(confirmedNames(text, [word], true)).toEqual(expected);
  });
});

describe("findNames: at most 2,000 names in one text", () => {
  // A pasted roll is about 1,500 names; past 2,000 the work of finding each one is bounded, not the mail's.
  it.each<[string, string, number, string, string]>([
    ["a roll of 1,500 names: every one", "Amy Shaw has an EHCP. ".repeat(1500), 1500, "Amy Shaw", "Amy Shaw"],
    ["2,500 names: the first 2,000", "Amy Shaw has an EHCP. ".repeat(2500), 2000, "Amy Shaw", "Amy Shaw"],
    [
      "titled names are found first, so they are what is kept",
      "Amy Shaw met Mrs Patel. ".repeat(2500),
      2000,
      "Mrs Patel",
      "Mrs Patel",
    ],
  ])("%s", (_name, text, count, first, last) => {
    const found = names(text);
    expect(found).toHaveLength(count);
    expect([found[0]?.[0], found[found.length - 1]?.[0]]).toEqual([first, last]);
  });
});
