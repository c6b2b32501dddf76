import { describe, expect, it } from "vitest";
import {
  Rng,
  UNLISTED_FIRST_NAMES,
  accountNumber,
  corruptTenDigits,
  drivingLicence,
  ibanGb,
  mobileNumber,
  nhsNumber,
  niNumber,
  passportNumber,
  sortCode,
  spacedNhs,
  temporaryUpn,
  uln,
  upn,
} from "../../test/support/synthetic.js";
import { packFor } from "../engine/rule-tester.js";
import { loadPolicy } from "../pack/load.js";
import type { PolicyPack } from "../pack/schema.js";
import { detectPersonalData, type PersonalDataInput } from "./index.js";

const pack = loadPolicy("delius");
const rng = new Rng(2025);
const nhs = nhsNumber(rng);
const mobile = mobileNumber(rng);

function detect(input: Partial<PersonalDataInput>, usePack: PolicyPack = pack) {
  return detectPersonalData({ subject: "", bodyText: "", attachmentNames: [], ...input }, usePack);
}

/** "location:type" of everything worth encrypting (names alone are not), each once, in text order. */
function typesIn(bodyText: string, subject = "", usePack: PolicyPack = pack): string[] {
  const found = detect({ bodyText, subject }, usePack)
    .filter((entity) => entity.type !== "person-name")
    .map((entity) => `${entity.location}:${entity.type}`);
  return found.filter((value, index) => found.indexOf(value) === index);
}

describe("detectPersonalData: must find", () => {
  it.each([
    ["an NHS number, spaced", `Her NHS number is ${spacedNhs(nhs)}.`, "body:nhs-number"],
    ["an NHS number, hyphenated", `NHS no. ${nhs.slice(0, 3)}-${nhs.slice(3, 6)}-${nhs.slice(6)}`, "body:nhs-number"],
    ["an NHS number without the word NHS", `The number in her red book is ${nhs}.`, "body:nhs-number"],
    ["a ULN with context", `ULN: ${uln(rng)}`, "body:uln"],
    ["a permanent UPN", `UPN ${upn(rng)} for the new starter.`, "body:upn"],
    ["a temporary UPN", `The CTF shows ${temporaryUpn(rng)}.`, "body:upn"],
    ["an NI number, spaced", `NI number ${niNumber(rng)}.`, "body:ni-number"],
    ["an NI number, compact", `NINO ${niNumber(rng, false)}`, "body:ni-number"],
    ["a date with DOB", "DOB: 04/07/2016.", "body:date-of-birth"],
    ["a date with 'born on'", "She was born on 4 July 2016.", "body:date-of-birth"],
    ["an ISO date of birth", "Date of birth 2016-07-04", "body:date-of-birth"],
    ["a month-first date of birth", "Birthday: July 4th, 2016", "body:date-of-birth"],
    ["a date with (DOB) after it", "Jack Smith 04/07/2016 (DOB)", "body:date-of-birth"],
    [
      "a form label with birth context",
      "Child's date of birth (as on the certificate): 04/07/2016",
      "body:date-of-birth",
    ],
    ["street and postcode", "The new address is 14 Mill Lane, Leeds LS6 9XA.", "body:postal-address"],
    ["a postcode with address context", "Her home address postcode is LS6 9XA.", "body:postal-address"],
    ["a street with 'lives at'", "He now lives at 27 Acacia Avenue with his gran.", "body:postal-address"],
    ["a parent's mobile", `Mum's number is ${mobile}, call her after 3.`, "body:phone-number"],
    ["a +44 mobile", "Ring dad on +44 7700 900123.", "body:phone-number"],
    ["a landline", "Grandad: 0113 496 0123.", "body:phone-number"],
    ["a sort code", `Sort code ${sortCode(rng)}, account ${accountNumber(rng)}.`, "body:bank-details"],
    ["a GB IBAN", `IBAN ${ibanGb(rng)}`, "body:bank-details"],
    ["a passport number", `Passport number: ${passportNumber(rng)}`, "body:passport-number"],
    ["a driving licence", `Driving licence ${drivingLicence(rng, "Carrow", "Jo")}`, "body:driving-licence"],
    [
      "a named pupil with SEN details",
      "Oliver Ashdown has an EHCP and takes medication at lunch.",
      "body:special-category",
    ],
    ["a titled parent's health", "Mrs Carrow is in hospital this week.", "body:special-category"],
    ["a titled name with an apostrophe", "Mr O'Brien told me he is having counselling.", "body:special-category"],
    [
      "an unlisted name introduced as a pupil",
      `Our pupil ${UNLISTED_FIRST_NAMES[0] ?? "Kofi"} Mensah is in foster care.`,
      "body:special-category",
    ],
    ["an unlisted name acting in a sentence", "Kofi Mensah has been diagnosed with asthma.", "body:special-category"],
  ])("%s", (_label, text, expected) => {
    expect(typesIn(text)).toContain(expected);
  });

  it("reports subject entities in the subject", () => {
    expect(typesIn("", `NHS ${spacedNhs(nhs)}`)).toContain("subject:nhs-number");
  });

  it("offsets index the text they were found in", () => {
    const text = `Her NHS number is ${nhs}, thanks.`;
    const [entity] = detect({ bodyText: text }).filter((e) => e.type === "nhs-number");
    expect(entity && text.slice(entity.start, entity.end)).toBe(nhs);
  });

  it("attachment offsets index the names joined by a new line", () => {
    const names = ["Minutes.docx", "Ashdown_Oliver_EHCP_draft.pdf"];
    const joined = names.join("\n");
    const found = detect({ attachmentNames: names }).filter((e) => e.type === "special-category");
    expect(found.map((e) => [e.location, joined.slice(e.start, e.end)])).toEqual([["attachments", "EHCP"]]);
  });

  it.each<[string, { subject?: string; bodyText?: string }, string, boolean]>([
    ["a surname the subject names", { subject: "fsm - leo williams" }, "FSM_award_Williams.pdf", true],
    [
      "a given name the body names",
      { bodyText: "The CAMHS letter came in for Kayden today." },
      "Kayden_CAMHS_letter.pdf",
      true,
    ],
    [
      "a word nobody in the message is called",
      { bodyText: "The CAMHS letter came in for Kayden today." },
      "Williams_CAMHS_leaflet.pdf",
      false,
    ],
    [
      "a name word the message writes as a thing",
      { bodyText: "The Williams catalogue has the new exercise books." },
      "Williams_FSM_price_list.pdf",
      false,
    ],
  ])("a file name's word is a person where the message names them: %s", (_what, draft, fileName, sensitive) => {
    const found = detect({ ...draft, attachmentNames: [fileName] }).filter((e) => e.location === "attachments");
    expect(found.some((e) => e.type === "special-category")).toBe(sensitive);
  });

  it.each<[string, string, boolean]>([
    ["a class list's SEN column", "9C class list SEN DOB.xlsx", true],
    ["a register of the SEN pupils", "SEN register Y7.xlsx", true],
    ["a policy, which lists nobody", "SEN policy.pdf", false],
    ["a register with no sensitive word", "Attendance register.xlsx", false],
    // A teacher's trial: a class's data exported for a trip; a policy about pupils lists nobody.
    ["a class's pupil data", "3F pupil data - SEN and medical.xlsx", true],
    ["a policy about pupils with a condition", "Supporting pupils with medical conditions.pdf", false],
  ])("a file that lists pupils makes its sensitive word theirs: %s", (_what, fileName, sensitive) => {
    const found = detect({ attachmentNames: [fileName] }).filter((e) => e.location === "attachments");
    expect(found.some((e) => e.type === "special-category")).toBe(sensitive);
  });

  // Development part AR: a table of pupils pasted into a note to all staff; its header says what each row has.
  it.each<[string, string, string[]]>([
    [
      "a table's sensitive columns, in a note to all staff",
      "Hi all,\n\nThe list:\n\nPupil\tYear\tFSM\tLAC\nTyler Brooks\t4\tY\tN\nKayla Smith\t4\tY\tY\n\nThanks,\nSimon",
      ["FSM", "LAC"],
    ],
    [
      "a table with no one in its rows",
      "Hi all,\n\nThe totals:\n\nYear\tFSM\tLAC\n4\t12\t3\n5\t9\t1\n\nThanks,\nSimon",
      [],
    ],
    [
      "a sentence about the topic, not a table",
      "Hi all,\n\nFSM forms are due Friday. Tyler Brooks is off today.\n\nSimon",
      [],
    ],
  ])("%s", (_what, bodyText, terms) => {
    const found = detect({ bodyText }).filter((e) => e.type === "special-category");
    expect(found.map((e) => bodyText.slice(e.start, e.end))).toEqual(terms);
  });

  it.each<[string, string, boolean]>([
    ["a trip list", "3F pupils trip list.xlsx", true],
    ["a file of dates of birth", "Year 2 pupils DOB medical.xlsx", true],
    ["a risk assessment", "Museum trip risk assessment.docx", false],
  ])("the body's detail is about the people an attached list names: %s", (_what, fileName, sensitive) => {
    const bodyText = "Attached is the list of children for Friday with their dates of birth and medical needs.";
    const found = detect({ bodyText, attachmentNames: [fileName] }).filter((e) => e.type === "special-category");
    expect(found.some((e) => e.location === "body")).toBe(sensitive);
  });

  // A new user's trial: a tutoring firm's list and a census return, whose file names say too little.
  it.each<[string, string, readonly string[], boolean]>([
    [
      "names and SEN needs said to be in the file",
      "Attached is the list of Year 9 students for the tutoring, with their names, reading ages, pupil premium status and SEN needs.",
      ["Y9_tutoring.xlsx"],
      true,
    ],
    [
      "UPNs and ethnicity said to be in the file",
      "Attached is the corrected extract with the pupils' UPNs, dates of birth, ethnicity and SEN status.",
      ["census_autumn.csv"],
      true,
    ],
    ["the same words with nothing attached", "Could you send me the list with their names and SEN needs?", [], false],
  ])("a body saying an attached file names pupils makes its details theirs: %s", (_what, bodyText, files, found) => {
    const details = detect({ bodyText, attachmentNames: files }).filter((e) => e.type === "special-category");
    expect(details.some((e) => e.location === "body")).toBe(found);
  });

  it("bank details introduced as such, or a sort code beside an account number, with no other words", () => {
    expect(typesIn("", "Mrs Patel bank details: 20-45-77")).toEqual(["subject:bank-details"]);
    expect(typesIn("Refund to 20-45-77 / 41234567 please.")).toEqual(["body:bank-details"]);
    expect(typesIn("The trip is on 12-03-25 for Year 6.")).toEqual([]);
    // "Account" alone is any account; a bank's only beside a sort code or called one.
    expect(typesIn("", "Re: Council Tax account 60128847")).toEqual([]);
    expect(typesIn("Sort code 20-45-77, account 41234567.")).toEqual(["body:bank-details"]);
    expect(typesIn("Bank account number 41234567.")).toEqual(["body:bank-details"]);
  });

  it("a street and its postcode are one entity", () => {
    const text = "New address: 14 Mill Lane, Leeds LS6 9XA";
    const found = detect({ bodyText: text }).filter((e) => e.type === "postal-address");
    expect(found.map((e) => text.slice(e.start, e.end))).toEqual(["14 Mill Lane, Leeds LS6 9XA"]);
  });
});

describe("detectPersonalData: must not find", () => {
  it.each([
    ["a ten-digit order number failing the checksums", `Order number ${corruptTenDigits(rng)} has arrived.`],
    ["an invoice number passing the NHS check by chance", `Invoice ${spacedNhs(nhs)} is attached.`],
    ["a reference passing the ULN check by chance", `PO ref ${uln(rng)} for the chairs.`],
    ["a bare ten-digit number passing only the ULN check", `Number ${uln(rng)}`],
    ["a date without birth context", "Parents' evening is on 12/03/2025."],
    ["'newborn' near a date", "Come and see the newborn lambs on 12/03/2025."],
    ["'birthday' with no date", "Please do not send birthday cakes into school."],
    ["an impossible date", "DOB 45/13/2016"],
    ["the school's own address", "Send forms to Delius School, 1 Example Lane, Bradford BD3 9ZZ."],
    ["the school's own phone", "Call the office on 01632 960101."],
    ["a venue's postcode without address context", "The match is at Ashfield Sports Centre, LS6 9XA."],
    ["an organisation's phone line", "Out of hours, the council's front door team on 0113 496 0123 takes calls."],
    ["the sender's own number", `If anything comes up, call me on ${mobile}.`],
    ["an invoice number that looks like a landline", "Invoice number 01134960123 is overdue."],
    ["a sort-code-shaped date", "Sports day moved from 12-06-25 to 19-06-25."],
    ["eight digits with no account context", "Licence key 41234567 for the timing app."],
    ["nine digits with no passport context", "Booking 123456789 is confirmed."],
    ["a UPN with a wrong check letter", "The census rejected A801200005001."],
    ["an NI number with a banned prefix", "NI QQ 12 34 56 C is HMRC's example."],
    ["acronyms without a named person", "The SENCO will review EHCP and SEN support; the DSL logs concerns on CPOMS."],
    ["SEN policy talk", "Our SEN policy and the SEND information report are on the website."],
    ["safeguarding training", "Safeguarding training is on Friday; child protection training is on Monday."],
    ["a named member of staff introduced by role", "Mrs Patel, our SENCO, will host the SEN coffee morning."],
    ["a named teacher and the suspension of lessons", "Mr Carrow confirmed the suspension of swimming lessons."],
    ["a police visit organised by a named teacher", "The police will visit Year 2; Mrs Patel is organising it."],
    ["a topic week with a named colleague", "Jo Ellis has ideas for mental health awareness week."],
    ["'religious education' with a named teacher", "Mr Carrow will lead the religious education topic."],
    ["groups, nobody named", "Pupils with SEN in Year 7 get extra time; pupil premium funding pays for tutors."],
    ["a bare email address", "Email jo.ellis@delius-school.sch.uk with questions."],
    ["a named pupil with nothing sensitive", "Oliver Ashdown won the poetry competition."],
    ["'personal development'", "Personal development plans are due on Friday."],
    ["a notice to families on a benefit", "If your family receives Universal Credit, please speak to Mrs Kettle."],
    ["students on a register", "Students on free school meals can apply to Mr Carrow for help with the trip."],
    [
      "a data summary's counts",
      "Mr Carrow's summary: Free school meals (Ever 6): 23% of students; SEN support: 41 students.",
    ],
    ["a helpline named after the condition", "Mrs Kettle put up the Walsall Domestic Abuse helpline poster."],
    ["a free service offered to anyone", "Mrs Kettle says the helpline offers free counselling to any parent."],
    ["one case in a class", "Mrs Kettle: we've had a case of head lice reported in Hazel class."],
    ["a first-aid qualification", "Catherine Lyle has completed her Mental Health First Aid qualification."],
    ["the school's Bursary, an office", "Mr Carrow's invoice: please send it to the Bursary by Friday."],
    ["a fee charged, not a charge", "Tell Oliver Ashdown's mum he won't be charged for a school lunch on Fridays."],
    // A new user's trial: a parent's complaint about dinner money, quoted in the reply.
    ["a parent billed twice", "Mrs Okafor says you charged me twice for Amara's dinner money in March."],
    [
      "a phone in the sender's signature",
      `See you then.\n\nKind regards,\nJo Ellis\nHead of Year 9\nMobile: ${mobile}`,
    ],
  ])("%s", (_label, text) => {
    expect(typesIn(text)).toEqual([]);
  });

  it("a number after a named pupil's detail is no count of a group", () => {
    expect(typesIn("Oliver Ashdown gets SEN support 3 times a week.")).toEqual(["body:special-category"]);
    expect(typesIn("Oliver Ashdown has had 2 seizures this week.")).toEqual(["body:special-category"]);
  });

  it("a word after the detail that could start a course's name does not make it topic talk", () => {
    expect(typesIn("Oliver Ashdown had a seizure first thing this morning.")).toEqual(["body:special-category"]);
    expect(typesIn("Oliver Ashdown's EHCP information is attached.")).toEqual(["body:special-category"]);
  });

  it("a bursary a named pupil applies for is still found", () => {
    expect(typesIn("Oliver Ashdown has applied for a Bursary for next year.")).toEqual(["body:special-category"]);
  });

  it("the verb 'send' is not the SEND acronym", () => {
    expect(typesIn("Dear Oliver,\n\nPlease send the minutes to the office.")).toEqual([]);
  });

  it("a date of birth centuries ago is no one's personal data", () => {
    expect(typesIn("Shakespeare Day: he was born on 23 April 1564 (probably!).")).toEqual([]);
  });

  it("the sender signing with title and surname does not make topic talk personal", () => {
    const bodyText = "Dear students,\n\nApplications for the Hardship Fund are now open.\n\nMiss Shah";
    const from = { name: "Priya Shah", address: "p.shah@delius-school.sch.uk" };
    const found = detect({ bodyText, from }).filter((entity) => entity.type === "special-category");
    expect(found).toEqual([]);
    // Someone else signing off the same way would be named in the mail.
    const other = detect({ bodyText, from: { name: "Jo Hart", address: "j.hart@delius-school.sch.uk" } });
    expect(other.filter((entity) => entity.type === "special-category").length).toBeGreaterThan(0);
  });

  it("a greeting's addressee does not make SEN policy talk personal", () => {
    expect(typesIn("Dear Mrs Patel,\n\nOur SEN policy is on the website.")).toEqual([]);
    expect(typesIn("Hi Jack,\n\nThe SEN policy is due for review; the SENCO welcomes comments.")).toEqual([]);
  });

  // A reply's header names a correspondent, not whom the quoted message's detail is about (dev part AF).
  it.each([
    ["Gmail's 'wrote:' line", "Will do.\n\nOn 11/03/2026, Lucy Hepworth wrote:\n> Music therapy moves to Wednesdays."],
    [
      "Gmail's 'On …' line wrapped before 'wrote:'",
      "Will do.\n\nOn Wed, 11 Mar 2026 at 18:02, Lucy Hepworth <\nl.hepworth@example.org> wrote:\n> Music therapy moves to Wednesdays.",
    ],
    [
      "Outlook's 'From:' line",
      "Will do.\n\nFrom: Lucy Hepworth <l.h@example.org>\nSent: 11 March 2026\nTo: Office\nSubject: Timetable\n\nMusic therapy moves to Wednesdays.",
    ],
    [
      "Outlook's 'Cc:' line",
      "Will do.\n\nFrom: Office <office@example.org>\nSent: 11 March 2026\nTo: Staff\nCc: Lucy Hepworth\nSubject: Timetable\n\nMusic therapy moves to Wednesdays.",
    ],
  ])("a name in a reply header is a correspondent's: %s", (_what, bodyText) => {
    expect(typesIn(bodyText)).toEqual([]);
  });

  it("a name in the quoted message's own words still counts", () => {
    const bodyText =
      "Will do.\n\nFrom: Lucy Hepworth <l.h@example.org>\nSent: 11 March 2026\nSubject: Timetable\n\nAmy Shaw has music therapy on Wednesdays.";
    expect(typesIn(bodyText)).toContain("body:special-category");
  });
});

describe("who a sensitive detail is about", () => {
  it("a given name right beside the detail counts, after the greeting", () => {
    expect(typesIn("Dear Mrs Patel,\n\nOliver has been diagnosed with ADHD.")).toEqual(["body:special-category"]);
  });

  it("a pupil named in the subject makes the body's details theirs", () => {
    expect(typesIn("He has an EHCP and new medication.", "Oliver Ashdown")).toEqual(["body:special-category"]);
  });

  it("a subject must name someone itself: a topic subject stays clean when the body names the pupil", () => {
    expect(typesIn("Oliver Ashdown's form is attached.", "Free school meals application")).toEqual([]);
  });

  it.each<[string, string, string, string[]]>([
    [
      "a lower-case name the subject sets off",
      "hi kerry, poppy has had her epilepsy medication late again",
      "soiling - poppy",
      ["subject:special-category", "body:special-category"],
    ],
    [
      "a lower-case name and class heading the subject",
      "ayaan got his autism diagnosis yesterday",
      "ayaan (3S) autism diagnosis",
      ["subject:special-category", "body:special-category"],
    ],
    [
      "a name heading a sentence with a weak verb",
      "Jenny is coming back after her miscarriage.",
      "Jenny",
      ["body:special-category"],
    ],
    [
      "one initial and a class",
      "J in 6M said there's no food at home; a neglect concern.",
      "Safeguarding - J in 6M",
      ["subject:special-category", "body:special-category"],
    ],
  ])("the subject and the body agree on whom: %s", (_what, bodyText, subject, expected) => {
    expect(typesIn(bodyText, subject).sort()).toEqual(expected.sort());
  });

  it.each<[string, string, string[]]>([
    [
      "a pupil named in the sentence with the detail",
      "Hi all,\n\nOliwia in 7K has a moderate hearing loss in her left ear. Please sit her near the front.",
      ["body:special-category"],
    ],
    [
      "an initial's full stop does not end the sentence",
      "Hi team,\n\nNotes below.\nFreddie D. CIN plan - neglect. Attend core group.",
      ["body:special-category"],
    ],
    [
      "a pronoun carries the person named in the sentence before",
      "Dear Early Help team,\n\nPlease find Leo's referral attached. His mother has disclosed domestic abuse.",
      ["body:special-category"],
    ],
    [
      "a contact named in another sentence",
      "Dear all,\n\nIf you think a pupil needs assessing for dyslexia, log it on CPOMS. Nadia Rahman will follow it up.\nThanks",
      [],
    ],
    [
      "a colleague's bake beside a charity's name, two sentences apart",
      "Hi everyone,\n\nOur Macmillan Cancer Support coffee morning is next Friday. Mrs Thornton has promised her lemon drizzle again!",
      [],
    ],
    [
      "a titled adult the notice names as its contact, in the detail's sentence",
      "Dear Year 5 parents,\n\nMedication: hand it in to Mrs Watts in a named bag.",
      [],
    ],
    [
      "a titled colleague in the sentence with a faith's fast",
      "Dear colleagues,\n\nMr Hassan has kindly agreed to stay on to serve iftar for boarders who are fasting.",
      [],
    ],
    [
      "a trainer named in another sentence than the topic",
      "Dear colleagues,\n\nThe trainer is Sophie Marchant. It covers how children understand death and suicide bereavement.",
      [],
    ],
  ])("a notice to a group: a detail is someone's where its sentence names them (%s)", (_what, bodyText, expected) => {
    expect(typesIn(bodyText, "Notice")).toEqual(expected);
  });

  it.each<[string, string]>([
    ["a faith visitor", "Hi Kiran,\n\nI've booked Imam Yusuf Patel to talk to Year 2 about Eid."],
    ["a bishop", "Dear parents,\n\nBishop Peter Galloway will celebrate Mass and remember the martyrdom of the saint."],
    ["a speaker", "This year's lecture will be given by Professor Alan Whitlow, on his own research on trauma."],
  ])("a person with a title of office, rank or the clergy is not whom a detail is about: %s", (_what, bodyText) => {
    expect(typesIn(bodyText, "Visit")).toEqual([]);
  });

  it.each<[string, string]>([
    ["a year", "For the lesson: Anne Boleyn's imprisonment in 1536 and Thomas More's execution."],
    ["a decade", "Ronnie Kray's conviction for murder is the case study for policing in the 1960s."],
  ])("a detail its sentence dates before 1980 is history: %s", (_what, bodyText) => {
    expect(typesIn(bodyText, "Lesson")).toEqual([]);
  });

  it.each<[string, string, string[]]>([
    [
      "a pet's surgery on a vet's invoice",
      "Hi,\n\nPlease find attached the invoice from Riverside Vets for Bella's cruciate ligament surgery.\n\nThanks,\nHannah Pike",
      [],
    ],
    [
      "a pet's diabetes in an insurance claim",
      "Hi Claire,\n\nPetplan need it for the claim for Bella's diabetes - the insulin and the blood glucose curve.",
      [],
    ],
    // A pupil described by a parent who works at the vets is still a pupil.
    [
      "a pupil described beside a vet",
      "Hi Kelly,\n\nAlfie P, whose mum works at the vets, has started on Movicol again.",
      ["body:special-category"],
    ],
    [
      "a pupil bitten by a dog",
      "Hi Jo,\n\nThe lad in 10K, dad in prison, the one with the dog bite scar.",
      ["body:special-category"],
    ],
    [
      "a set text's character",
      "Hi Chloe,\n\nFor 10X's essay on Lennie I'd like them to think about how Steinbeck presents his learning disability.",
      [],
    ],
    [
      "a character in a class reader",
      "Hi Liz, the Gangsta Granny one had a few parents ask about the cancer storyline at the end.",
      [],
    ],
    ["a play's character", "Hi Ollie,\n\nFor the lesson: Lady Macbeth's sleepwalking and her mental illness.", []],
    // A lesson's or a lecture's content (development parts DA and V), and a speaker's memoir.
    [
      "a historical figure a lesson is on",
      "Hi Rob,\n\nI've built a lesson on whether Henry Tudor's ulcerated leg and possible diabetes changed him.",
      [],
    ],
    [
      "a lecture's subject",
      "Dear all,\n\nThursday's lecture on Nelson Mandela's 27 years in prison and his tuberculosis is open to all.",
      [],
    ],
    [
      "a visiting author's memoir",
      "Dear colleagues,\n\nMarcus Thorne will talk about his memoir, which describes his childhood leukaemia.",
      [],
    ],
    // Only the content after "on": "in the lesson" is when something happened to a pupil.
    [
      "a pupil in a lesson",
      "Hi Jo,\n\nAmir Shah had a seizure in the lesson and his epilepsy plan was followed.",
      ["body:special-category"],
    ],
    // A pupil beside the set text is still a pupil.
    [
      "a pupil's child beside a set text",
      "Hi Chloe,\n\nAmir Shah's mum says his dyslexia makes the Of Mice and Men extract hard.",
      ["body:special-category"],
    ],
    // An author's surname that is also a pupil's does not count as fiction (so "Priestley" is not listed).
    [
      "a pupil named like an author",
      "Dear Bradford SLT team,\n\nHarrison Priestley has a diagnosis of Down's syndrome.",
      ["body:special-category"],
    ],
  ])(
    "a sentence about a pet, a vet or fiction, and no person, tells an animal's or a character's health: %s",
    (_what, bodyText, expected) => {
      expect(typesIn(bodyText, "Notes")).toEqual(expected);
    },
  );

  it("ten digits passing the NHS check in a subject are an NHS number when the body speaks of one", () => {
    // 999 186 0916: from the NHS's 999 test range, its check digit valid.
    const subject = "Ruby Ashcroft 999 186 0916";
    expect(typesIn("Karen - this is the NHS number for Ruby for the hearing clinic form.", subject)).toContain(
      "subject:nhs-number",
    );
    expect(typesIn("Karen - this is the order number for the new trays.", subject)).not.toContain("subject:nhs-number");
    // A GP named in the body does not make a subject's order number an NHS number: only "NHS" does.
    expect(typesIn("The GP surgery asked for the order number.", "Order 999 186 0916")).not.toContain(
      "subject:nhs-number",
    );
  });

  it("the items listed after topic talk are topic talk too", () => {
    const body =
      "Dear parents and carers,\n\nI am Oisin Brady. I have worked with students with autism, ADHD and dyslexia for fifteen years.";
    expect(typesIn(body, "Mr Brady - new SENCO")).toEqual([]);
    // A list after a person's detail is still theirs.
    expect(typesIn("Hi Jo,\n\nKasia Nowak has autism, ADHD and dyslexia.", "Kasia")).toEqual(["body:special-category"]);
  });

  it("a post named after a subject ('autism lead') makes the name a contact", () => {
    const body = "Hi Jo,\n\nImran Hafeez (autism lead) will run a workshop on speech and language for parents.";
    expect(typesIn(body, "Workshop")).toEqual([]);
  });

  it("a year inside a date of birth does not make the sentence history", () => {
    expect(typesIn("Hi Jo,\n\nJacob Lewis (DOB 12/03/1978) has epilepsy and is a volunteer.", "Volunteers")).toContain(
      "body:special-category",
    );
  });

  it("a notice to a group: names in the sentences before and after are not the detail's sentence's", () => {
    const names = "Amy Shaw is on the rota. Leo Ray is on the rota. ";
    const body = `Dear all,\n\n${names.repeat(5)}Please log any allergy on CPOMS.\n${names.repeat(5)}Kofi Mensah has asthma.`;
    const found = detect({ bodyText: body, subject: "Rota" }).filter((entity) => entity.type === "special-category");
    expect(found.map((entity) => body.slice(entity.start, entity.end))).toEqual(["asthma"]);
  });

  it("a notice to a group whose subject names the pupil keeps the whole body theirs", () => {
    const body = "Dear all,\n\nAhmad starts on Monday. The family have refugee status.";
    expect(typesIn(body, "New starter - Ahmad Karimi")).toEqual(["body:special-category"]);
  });

  it.each<[string, string, string, string[]]>([
    [
      "a lower-case name and class heading the subject",
      "reece has been late every day this week and says it's because he's walking his older brother to the probation office.",
      "reece 10H",
      ["body:special-category"],
    ],
    [
      "a name the subject sets off after a topic",
      "Ahmad (Year 8) starts with us on Monday. He arrived from Afghanistan in January with his mum and two sisters and the family have refugee status.",
      "New starter Monday - Ahmad",
      ["body:special-category"],
    ],
  ])(
    "the person the subject and the body agree on owns a detail further down the body: %s",
    (_what, bodyText, subject, expected) => {
      expect(typesIn(bodyText, subject)).toEqual(expected);
      // Without the subject's word, a given name 80 characters or more from the detail is not enough.
      expect(typesIn(bodyText, "Update")).toEqual([]);
    },
  );

  it("a subject's name the body writes only as the addressee or a thing owns no detail", () => {
    const body =
      "Hi Jenny,\n\nThanks for covering. The boy in the photo had been charged for a school lunch he never ate.";
    expect(typesIn(body, "Jenny")).toEqual([]);
  });

  // Development part BI: staff write a pupil one way in the subject and another in the body.
  it.each<[string, string, string, boolean]>([
    [
      "a surname heading the subject",
      "Begum - hearing aid",
      "Hi Ruth,\n\nRuqayyah's hearing aid has stopped working.",
      true,
    ],
    ["initials heading the subject", "JT – CP concern", "Karen,\n\nJake came in with a mark on his neck.", true],
    [
      "after a reply's prefix",
      "Re: Begum - hearing aid",
      "Hi Ruth,\n\nRuqayyah's hearing aid has stopped working.",
      true,
    ],
    [
      "not after a separator: the subject's topic heads it",
      "Hearing aid - Begum",
      "Hi Ruth,\n\nRuqayyah's hearing aid has stopped working.",
      false,
    ],
    [
      "the body names no one",
      "Begum - hearing aid",
      "Hi,\n\nThe spare hearing aid batteries are in the office.",
      false,
    ],
    [
      "the body names only whom it greets",
      "Begum - hearing aid",
      "Hi Ruth,\n\nThe spare hearing aid batteries are in the office.",
      false,
    ],
    [
      "the body names only staff",
      "Begum - hearing aid",
      "Hi,\n\nMrs Patel (SENCO) has the spare hearing aid batteries in the office.",
      false,
    ],
    [
      "the body writes the word too, as a topic",
      "Census - ethnicity correction",
      "Hi Jo,\n\nAmy Shaw's line in the census return needs correcting.",
      false,
    ],
    ["a school acronym heading the subject", "CPD - ADHD in the classroom", "Hi all,\n\nAmy Shaw will lead it.", false],
  ])("a word heading the subject above a body naming someone: %s", (_what, subject, body, found) => {
    expect(typesIn(body, subject).includes("subject:special-category")).toBe(found);
  });

  it("a word heading the subject is reported as a name where the pack reports names at 0.5, as a given name alone is", () => {
    const lowThreshold = packFor("delius", { personalData: { confidenceThreshold: 0.5 } });
    const found = detect(
      { subject: "Begum - hearing aid", bodyText: "Hi Ruth,\n\nRuqayyah's hearing aid has stopped working." },
      lowThreshold,
    ).filter((entity) => entity.location === "subject");
    expect(found.map((entity) => [entity.type, entity.start, entity.end])).toEqual([
      ["person-name", 0, 5],
      ["special-category", 8, 19],
    ]);
    // Sure as of a given name alone (0.5), and so its detail less sure than one beside a full name (0.9).
    expect(found[0]?.confidence).toBe(0.5);
    expect(found[1]?.confidence).toBeLessThan(0.9);
  });

  it("a subject writing, in any case, a word of someone the body names in full is about them", () => {
    const body = "Aleksandra Zielinska in 5B has broken her ankle.";
    expect(typesIn(body, "aleksandra on crutches til half term")).toContain("subject:special-category");
    // The class of someone described ("the boy in Oak") is not a name.
    expect(typesIn("The boy in Oak has nits again.", "Oak - nits letter")).not.toContain("subject:special-category");
  });

  it.each<[string, string, string, boolean]>([
    // Development parts AO, AR, AT: staff run the name straight into the detail.
    [
      "a possessive in the body",
      "kacper medication change",
      "kacper's dad says the neurologist has increased it.",
      true,
    ],
    ["a verb a person does", "Kayden seizure log - this week", "Kayden had two more at lunch, both short.", true],
    ["a name in capitals", "Jaylen YOT meeting thurs", "Jaylen's YOT worker is coming in at 2.", true],
    // A topic heading the subject: the body says only "is", writes it with a determiner, or never as a person.
    ['only "is"', "Census day - ethnicity data", "Census is on 16 January; check ethnicity fields.", false],
    ["a determiner", "Hendry exclusion paperwork", "The letter for the Hendry exclusion is drafted.", false],
    ["capitals alone", "Purple Day epilepsy awareness", "Friday is Purple Day for epilepsy awareness.", false],
    // Development parts AT and AV: initials in capitals, the school's shorthand for a pupil in the subject.
    ["initials, a possessive", "JT - medical", "JT's mum rang - he's been diagnosed with epilepsy.", true],
    ["initials, a class", "KB meds change", "KB (Class 3) is now on melatonin at bedtime.", true],
    [
      "initials, a verb",
      "AK - restraint incident 12/03",
      "Positive handling form for AK is on the shared drive.",
      true,
    ],
    // A school's acronym is no one's initials, whatever follows it.
    ["an acronym", "PE - asthma inhalers", "PE is on Tuesday this week; bring inhalers to the hall.", false],
  ])(
    "a subject's word run on into the detail, or initials it sets off, is a pupil where the body writes it as one: %s",
    (_what, subject, bodyText, found) => {
      expect(typesIn(bodyText, subject).includes("subject:special-category")).toBe(found);
    },
  );

  it('a reply\'s "Re:" does not make a lower-case subject one that capitalises its names', () => {
    const body = "Mrs Cole will check Bobby's readings at snack and lunch.";
    expect(typesIn(body, "Re: bobby's diabetes pump")).toContain("subject:special-category");
    expect(typesIn(body, "bobby's diabetes pump")).toContain("subject:special-category");
  });

  it("a word the subject sets off is not a name where the body writes it as a thing", () => {
    expect(typesIn("The poppy appeal raised money for veterans' mental health charities.", "Assembly - poppy")).toEqual(
      [],
    );
  });

  it("a lower-case word in a subject that capitalises its names is not one of them", () => {
    // "rafe's" reads like a possessive name, but "Year 6" shows the writer capitalises names in this subject.
    expect(typesIn("rafe's date moves because of the diabetes clinic in the hall.", "Year 6 - rafe")).toEqual([]);
    expect(typesIn("rafe's date moves because of the diabetes clinic in the hall.", "year 6 - rafe")).toEqual([
      "body:special-category",
    ]);
  });

  it.each<[string, string]>([
    ["a stoma (NHS A to Z)", "Could you do the changing for the little boy in Ash who has the stoma bag?"],
    ["TB in capitals", "the lower sixth boy from Lagos was treated for TB last year."],
    ["custody in plain words", "the lad in 8H whose dad got sent down last month is struggling."],
    // A new user's trial: an eating concern in everyday words.
    ["weight loss", "the girl in 4K has been quieter this week and we have noticed weight loss."],
  ])("a detail about someone described, not named: %s", (_what, bodyText) => {
    expect(typesIn(bodyText)).toContain("body:special-category");
  });

  it("an identifier makes a detail identifiable without a name", () => {
    expect(typesIn(`NHS ${spacedNhs(nhs)}: diagnosed with epilepsy.`)).toEqual([
      "body:nhs-number",
      "body:special-category",
    ]);
  });

  it("a school's custom identifier (e.g. an admission number) makes a detail identifiable", () => {
    const withAdmission = packFor("delius", {
      personalData: {
        customIdentifiers: [{ id: "admission-number", label: "Admission no.", pattern: "\\bADM\\d{6}\\b" }],
      },
    });
    expect(typesIn("ADM123456 has been diagnosed with epilepsy.", "", withAdmission)).toEqual([
      "body:special-category",
    ]);
    expect(typesIn("ADM123456 has been diagnosed with epilepsy.")).toEqual([]);
  });
});

describe("the pack's filters", () => {
  it("identifier types the pack leaves out are not reported", () => {
    const noPhones = packFor("delius", { personalData: { identifiers: ["nhs-number"] } });
    expect(typesIn(`Mum: ${mobile}. NHS ${spacedNhs(nhs)}`, "", noPhones)).toEqual(["body:nhs-number"]);
  });

  it("sensitive categories the pack leaves out are not reported", () => {
    const healthOnly = packFor("delius", { personalData: { sensitiveCategories: ["health"] } });
    expect(typesIn("Oliver Ashdown has an EHCP.", "", healthOnly)).toEqual([]);
    expect(typesIn("Oliver Ashdown has epilepsy.", "", healthOnly)).toEqual(["body:special-category"]);
  });

  it("the confidence threshold filters", () => {
    const strict = packFor("delius", { personalData: { confidenceThreshold: 0.9 } });
    // Without "NHS" nearby an NHS-valid number is 0.85; with it, 0.97.
    expect(typesIn(`Number ${nhs}`, "", strict)).toEqual([]);
    expect(typesIn(`NHS ${nhs}`, "", strict)).toEqual(["body:nhs-number"]);
  });
});

describe("which identifiers single a person out", () => {
  // Each identifier with a detail and no name: the detail is someone's only when the identifier identifies.
  it.each([
    ["an NI number (HMRC's example)", "NI number AB 12 34 56 C. Has an EHCP.", "body:ni-number"],
    ["a UPN (worked example)", "UPN B801200005001. Has an EHCP.", "body:upn"],
    ["a ULN (worked example)", "ULN 9276308686. Has an EHCP.", "body:uln"],
    ["a date of birth", "DOB: 04/07/2016. Has an EHCP.", "body:date-of-birth"],
    ["a home address", "Lives at 14 Mill Lane, Leeds LS6 9XA. Has an EHCP.", "body:postal-address"],
    ["a passport number", "Passport number 123456789. Has an EHCP.", "body:passport-number"],
    ["a driving licence (DVLA's specimen)", "Licence MORGA753116SM9IJ. Has an EHCP.", "body:driving-licence"],
  ])("%s", (_what, body, identifier) => {
    expect(typesIn(body)).toEqual([identifier, "body:special-category"]);
  });

  it("not a phone number, nor an identifier below the threshold", () => {
    expect(typesIn("Mobile 07700 900123. Has an EHCP.")).toEqual(["body:phone-number"]);
    // A bare postcode is 0.6, under the pack's 0.7: not reported, and it identifies no one.
    expect(typesIn("The LS6 9XA area. Has an EHCP.")).toEqual([]);
  });

  it("an identifier exactly at the threshold identifies", () => {
    // Without "licence" or "DVLA" nearby a driving licence number (DVLA's specimen) is 0.75.
    const at075 = packFor("delius", { personalData: { confidenceThreshold: 0.75 } });
    expect(typesIn("MORGA753116SM9IJ. Has an EHCP.", "", at075)).toEqual([
      "body:driving-licence",
      "body:special-category",
    ]);
  });

  // With a pack that looks for none of them, each identifier is not looked for, so it identifies no one.
  it.each([
    ["an NHS number (published example)", "NHS number 943 476 5919. Has an EHCP."],
    ["a ULN (worked example)", "ULN 9276308686. Has an EHCP."],
    ["a date of birth", "DOB: 04/07/2016. Has an EHCP."],
    ["a home address", "Lives at 14 Mill Lane, Leeds LS6 9XA. Has an EHCP."],
    ["a passport number", "Passport number 123456789. Has an EHCP."],
    ["a driving licence (DVLA's specimen)", "Licence MORGA753116SM9IJ. Has an EHCP."],
  ])("not %s the pack does not look for", (_what, body) => {
    const niOnly = packFor("delius", { personalData: { identifiers: ["ni-number"] } });
    expect(typesIn(body, "", niOnly)).toEqual([]);
  });

  it("not an identifier type the pack does not look for", () => {
    const noNi = packFor("delius", { personalData: { identifiers: ["nhs-number", "upn"] } });
    expect(typesIn("NI number AB 12 34 56 C. Has an EHCP.", "", noNi)).toEqual([]);
    const noUpn = packFor("delius", { personalData: { identifiers: ["ni-number"] } });
    expect(typesIn("UPN B801200005001. Has an EHCP.", "", noUpn)).toEqual([]);
  });
});

describe("detectPersonalData: what it returns", () => {
  it("people and identifiers in text order, with their places and confidences", () => {
    const bodyText = "Mrs Patel has NHS number 943 476 5919.";
    expect(
      detect({ bodyText }).map((entity) => [
        entity.location,
        entity.type,
        bodyText.slice(entity.start, entity.end),
        entity.confidence,
      ]),
    ).toEqual([
      ["body", "person-name", "Mrs Patel", 0.9],
      ["body", "nhs-number", "943 476 5919", 0.97],
    ]);
  });

  it("keeps an entity exactly at the threshold", () => {
    const at08 = packFor("delius", { personalData: { confidenceThreshold: 0.8 } });
    // A landline is 0.8.
    expect(typesIn("Her gran: 0113 496 0123", "", at08)).toEqual(["body:phone-number"]);
  });
});

describe("whom a name stands for: the sender, staff, an addressee", () => {
  const from = { name: "Priya Shah", address: "p.shah@delius-school.sch.uk" };
  const sensitive = (input: Partial<PersonalDataInput>, usePack: PolicyPack = pack) =>
    detect(input, usePack)
      .filter((entity) => entity.type === "special-category")
      .map((entity) => entity.location);

  it("the sender's surname is read from the name without spaces around it", () => {
    const bodyText = "Dear students,\n\nApplications for the Hardship Fund are now open.\n\nMiss Shah";
    expect(sensitive({ bodyText, from: { ...from, name: " Priya Shah " } })).toEqual([]);
  });

  it("only a name ending in the sender's surname is the sender, not every name in a text ending in it", () => {
    const bodyText = "Dear parents,\n\nOliver Ashdown has an EHCP.\n\nMiss Shah";
    expect(sensitive({ bodyText, from })).toEqual(["body"]);
  });

  it("a subject naming someone with the sender's surname is about them (a teacher's own child)", () => {
    expect(sensitive({ subject: "Amelia Shah - EHCP review", from })).toEqual(["subject"]);
  });

  it("in a subject, a member of staff named with their role is whom the subject is about", () => {
    expect(sensitive({ subject: "Mr Greaves (caretaker) - epilepsy" })).toEqual(["subject"]);
  });

  it("a pack's custom identifier identifies only where it occurs", () => {
    const withAdmission = packFor("delius", {
      personalData: {
        customIdentifiers: [{ id: "admission-number", label: "Admission no.", pattern: "\\bADM\\d{6}\\b" }],
      },
    });
    expect(sensitive({ bodyText: "Has been diagnosed with epilepsy." }, withAdmission)).toEqual([]);
  });
});

describe("how sure a detail is someone's, by the name beside it", () => {
  const confidences = (bodyText: string) =>
    detect({ bodyText })
      .filter((entity) => entity.type === "special-category")
      .map((entity) => [bodyText.slice(entity.start, entity.end), entity.confidence]);

  it.each<[string, string, (string | number)[][]]>([
    ["a full name beside it", "Dear parents,\n\nOliver Ashdown has an EHCP.", [["EHCP", 0.9]]],
    ["a given name alone beside it", "Dear parents,\n\nJack has an EHCP.", [["EHCP", 0.8]]],
  ])("%s", (_what, bodyText, expected) => {
    expect(confidences(bodyText)).toEqual(expected);
  });

  it("a text of digits alone is still read for identifiers", () => {
    expect(typesIn("07700900123")).toEqual(["body:phone-number"]);
  });
});
