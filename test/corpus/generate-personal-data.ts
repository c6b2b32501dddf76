/**
 * Writes test/corpus/personal-data.jsonl: realistic, synthetic school drafts about personal data,
 * labelled by construction (each template knows what it put in the draft; labels never come from the
 * engine). At least a third are hard negatives: dates that are not birthdays, ten-digit numbers that
 * fail (or pass by chance) a checksum, signatures with phone numbers, the school's own address, policy
 * talk about SEN and safeguarding, named staff introduced by role, invoice and order numbers.
 * Same format as drafts.jsonl (test/corpus/README.md). Deterministic: `npx tsx test/corpus/generate-personal-data.ts`.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Rng,
  UNLISTED_FIRST_NAMES,
  accountNumber,
  address,
  childBirthDate,
  corruptIbanGb,
  corruptNhsNumber,
  corruptNiNumber,
  corruptTenDigits,
  corruptUln,
  corruptUpn,
  drivingLicence,
  ibanGb,
  landlineNumber,
  mobileNumber,
  nhsNumber,
  niNumber,
  passportNumber,
  person,
  schoolDate,
  sortCode,
  spacedNhs,
  temporaryUpn,
  uln,
  upn,
  type Person,
} from "../support/synthetic.js";
import type { CorpusEntry, CorpusRecipient } from "./generate.js";

type EntityLabel = { type: string; location: "subject" | "body" | "attachments" };
type PolicyId = "delius" | "st-dunstans";

interface School {
  readonly name: string;
  readonly domain: string;
  readonly address: string;
  readonly phone: string;
  readonly tag?: string;
}

/** The presets' own details (policy/presets/*.json): never personal data. */
const SCHOOLS: Readonly<Record<PolicyId, School>> = {
  delius: {
    name: "Delius School",
    domain: "delius-school.sch.uk",
    address: "Delius School, 1 Example Lane, Bradford BD3 9ZZ",
    phone: "01632 960101",
    tag: "[secure]",
  },
  "st-dunstans": {
    name: "St Dunstan's Education Group",
    domain: "stdunstans-education.org.uk",
    address: "St Dunstan's Education Group, 1 Example Road, London SE6 9ZZ",
    phone: "020 7946 0101",
  },
};

const ROLES = ["Year 4 Class Teacher", "Head of Year 8", "Office Manager", "Attendance Officer", "Teacher of Science"];
const YEARS = ["Year 3", "Year 5", "Year 7", "Year 9", "Year 10"];

interface Template {
  readonly subject: string;
  readonly body: string;
  readonly entities: readonly EntityLabel[];
  readonly note: string;
  readonly attachments?: readonly string[];
  /** Who it goes to: a colleague, a parent at personal webmail, or an outside organisation. */
  readonly audience?: "internal" | "parent" | "agency";
  readonly html?: boolean;
  /** Apply the school's encryption tag (delius) to the subject. */
  readonly encrypted?: boolean;
}

interface Context {
  readonly rng: Rng;
  readonly school: School;
  readonly sender: Person;
  readonly colleague: Person;
  readonly pupil: Person;
  readonly parent: Person;
}

const body = (location: EntityLabel["location"], ...types: string[]): EntityLabel[] =>
  types.map((type) => ({ type, location }));

function signature(ctx: Context, withMobile: boolean): string {
  const lines = [`${ctx.sender.first} ${ctx.sender.last}`, ctx.rng.pick(ROLES), ctx.school.name];
  if (withMobile) lines.push(`Mobile: ${mobileNumber(ctx.rng)}`);
  lines.push(`Tel: ${ctx.school.phone}`);
  return `${ctx.rng.pick(["Kind regards,", "Best wishes,", "Many thanks,", "Regards,"])}\n${lines.join("\n")}`;
}

function compose(ctx: Context, greeting: string, paragraphs: readonly string[], withMobile = false): string {
  return `${greeting}\n\n${paragraphs.join("\n\n")}\n\n${signature(ctx, withMobile)}`;
}

const full = (p: Person) => `${p.first} ${p.last}`;
const titled = (p: Person) => `${p.title} ${p.last}`;

// ---- Positives: personal data by construction ---------------------------------------------------

const POSITIVES: readonly ((ctx: Context) => Template)[] = [
  (ctx) => ({
    subject: "Medical details for the residential trip",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `For the trip file: ${full(ctx.pupil)}'s NHS number is ${spacedNhs(nhsNumber(ctx.rng))}.`,
      "Please keep it with the consent forms.",
    ]),
    entities: body("body", "nhs-number"),
    note: "nhs-number, spaced, with context",
  }),
  (ctx) => ({
    subject: "GP registration",
    body: compose(ctx, "Hi,", [
      `For the nurse: the number in ${ctx.pupil.first}'s red book is ${nhsNumber(ctx.rng)}.`,
    ]),
    entities: body("body", "nhs-number"),
    note: "nhs-number, unspaced, no 'NHS' word",
  }),
  (ctx) => {
    const nhs = nhsNumber(ctx.rng);
    return {
      subject: `NHS ${nhs.slice(0, 3)}-${nhs.slice(3, 6)}-${nhs.slice(6)} referral`,
      body: compose(ctx, "Hello,", ["Please see the referral form attached."]),
      entities: body("subject", "nhs-number"),
      note: "nhs-number in the subject, hyphenated",
      audience: "agency",
    };
  },
  (ctx) => ({
    subject: "Exam entries",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `${full(ctx.pupil)} (ULN ${uln(ctx.rng)}) needs adding to the entry list before Friday.`,
    ]),
    entities: body("body", "uln"),
    note: "uln with context",
  }),
  (ctx) => ({
    subject: "Learner record",
    body: compose(ctx, "Hi,", [`Her unique learner number is ${uln(ctx.rng)}; the awarding body asked for it.`]),
    entities: body("body", "uln"),
    note: "uln, 'unique learner number'",
    audience: "agency",
  }),
  (ctx) => ({
    subject: "New starter",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `${full(ctx.pupil)} joins ${ctx.rng.pick(YEARS)} on Monday. UPN: ${upn(ctx.rng)}.`,
      "Please set up their log-in.",
    ]),
    entities: body("body", "upn"),
    note: "upn with context",
  }),
  (ctx) => ({
    subject: "CTF query",
    body: compose(ctx, "Hello,", [
      `The transfer file shows ${temporaryUpn(ctx.rng)} for the pupil who joined in May; is that still a temporary number?`,
    ]),
    entities: body("body", "upn"),
    note: "temporary upn, no 'UPN' word",
    audience: "agency",
  }),
  (ctx) => ({
    subject: "Transfer list",
    body: compose(ctx, "Hi,", [`Pupils moving to Year 7:\n${upn(ctx.rng)}\n${upn(ctx.rng)}`]),
    entities: body("body", "upn"),
    note: "upn list without context",
  }),
  (ctx) => ({
    subject: "Eligibility check",
    body: compose(ctx, "Dear colleague,", [
      `${titled(ctx.parent)}'s National Insurance number for the free school meals check is ${niNumber(ctx.rng, ctx.rng.chance(0.5))}.`,
    ]),
    entities: body("body", "ni-number", "special-category"),
    note: "ni-number + free school meals with a named parent",
    audience: "agency",
  }),
  (ctx) => ({
    subject: "Payroll form",
    body: compose(ctx, "Hi,", [`My NI number is ${niNumber(ctx.rng)} for the new contract.`]),
    entities: body("body", "ni-number"),
    note: "ni-number of the sender (still personal data)",
  }),
  (ctx) => ({
    subject: "Admissions form",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `${full(ctx.pupil)}, DOB ${childBirthDate(ctx.rng, true)}, starts in September.`,
    ]),
    entities: body("body", "date-of-birth"),
    note: "date-of-birth, DOB + numeric",
  }),
  (ctx) => ({
    subject: "Admissions form",
    body: compose(ctx, "Hello,", [`${ctx.pupil.first} was born on ${childBirthDate(ctx.rng, false)}.`]),
    entities: body("body", "date-of-birth"),
    note: "date-of-birth, born on + month name",
  }),
  (ctx) => {
    const year = ctx.rng.int(2011, 2019);
    return {
      subject: "Census check",
      body: compose(ctx, "Hi,", [
        `Date of birth: ${year}-0${ctx.rng.int(1, 9)}-1${ctx.rng.int(0, 9)} (from the admissions form).`,
      ]),
      entities: body("body", "date-of-birth"),
      note: "date-of-birth, ISO",
    };
  },
  (ctx) => ({
    subject: `${full(ctx.pupil)} d.o.b. ${childBirthDate(ctx.rng, true)}`,
    body: compose(ctx, "Hello,", ["Could you check the record matches?"]),
    entities: [...body("subject", "date-of-birth")],
    note: "date-of-birth in the subject",
  }),
  (ctx) => ({
    subject: "Party",
    body: compose(ctx, "Hi,", [`${ctx.pupil.first}'s birthday is ${childBirthDate(ctx.rng, false)}, so we will sing in class.`]),
    entities: body("body", "date-of-birth"),
    note: "date-of-birth, birthday",
  }),
  (ctx) => {
    const home = address(ctx.rng);
    return {
      subject: "Change of address",
      body: compose(ctx, `Dear ${ctx.colleague.first},`, [
        `${titled(ctx.parent)} has moved. The new address is ${home.line}, ${home.town} ${home.postcode}.`,
      ]),
      entities: body("body", "postal-address"),
      note: "postal-address, street + postcode",
    };
  },
  (ctx) => {
    const home = address(ctx.rng);
    return {
      subject: "Home visit",
      body: compose(ctx, "Hi,", [`For Thursday's home visit:\n${home.line}\n${home.town}\n${home.postcode}`]),
      entities: body("body", "postal-address"),
      note: "postal-address, multi-line",
    };
  },
  (ctx) => ({
    subject: "Taxi booking",
    body: compose(ctx, "Hello,", [`${ctx.pupil.first} now lives at ${address(ctx.rng).line} with grandparents.`]),
    entities: body("body", "postal-address"),
    note: "postal-address, street with 'lives at', no postcode",
    audience: "agency",
  }),
  (ctx) => ({
    subject: "Contact details",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `${titled(ctx.parent)}'s mobile is ${mobileNumber(ctx.rng)}; please call after 3pm.`,
    ]),
    entities: body("body", "phone-number"),
    note: "phone-number, parent's mobile",
  }),
  (ctx) => ({
    subject: "Emergency contact",
    body: compose(ctx, "Hi,", [`Grandad's number is ${landlineNumber(ctx.rng)} if mum cannot be reached.`]),
    entities: body("body", "phone-number"),
    note: "phone-number, landline",
  }),
  (ctx) => ({
    subject: "Callback",
    body: compose(ctx, "Hello,", [`Please ring ${titled(ctx.parent)} on +44 7700 900${ctx.rng.int(100, 999)} today.`]),
    entities: body("body", "phone-number"),
    note: "phone-number, +44",
  }),
  (ctx) => ({
    subject: "Trip refund",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `Please refund ${titled(ctx.parent)}: sort code ${sortCode(ctx.rng)}, account number ${accountNumber(ctx.rng)}.`,
    ]),
    entities: body("body", "bank-details"),
    note: "bank-details, sort code + account",
  }),
  (ctx) => ({
    subject: "Refund",
    body: compose(ctx, "Hi,", [`The family's IBAN is ${ibanGb(ctx.rng)}.`]),
    entities: body("body", "bank-details"),
    note: "bank-details, IBAN",
  }),
  (ctx) => ({
    subject: "Paris trip",
    body: compose(ctx, "Hello,", [`${full(ctx.pupil)}: passport number ${passportNumber(ctx.rng)}, expires 2029.`]),
    entities: body("body", "passport-number"),
    note: "passport-number",
    audience: "agency",
  }),
  (ctx) => ({
    subject: "Minibus drivers",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `For the insurer: my driving licence number is ${drivingLicence(ctx.rng, ctx.sender.last, ctx.sender.first)}.`,
    ]),
    entities: body("body", "driving-licence"),
    note: "driving-licence with context",
  }),
  (ctx) => ({
    subject: "Support plan",
    body: compose(ctx, `Dear ${titled(ctx.parent)},`, [
      `${full(ctx.pupil)} has an EHCP and the SEN support plan will be reviewed next week.`,
    ]),
    entities: body("body", "special-category"),
    note: "special-category: named pupil + SEN",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Medication",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `${full(ctx.pupil)} has been diagnosed with ${ctx.rng.pick(["epilepsy", "diabetes", "ADHD", "asthma"])} and takes medication at lunchtime.`,
    ]),
    entities: body("body", "special-category"),
    note: "special-category: named pupil + health",
  }),
  (ctx) => ({
    subject: "Update",
    body: compose(ctx, `Dear ${titled(ctx.parent)},`, [`${ctx.pupil.first} has been diagnosed with dyslexia.`]),
    entities: body("body", "special-category"),
    note: "special-category: given name alone beside the detail",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Concern",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `I have logged a safeguarding concern about ${full(ctx.pupil)} on CPOMS; the social worker has been told.`,
    ]),
    entities: body("body", "special-category"),
    note: "special-category: safeguarding",
  }),
  (ctx) => ({
    subject: "PEP meeting",
    body: compose(ctx, "Hello,", [
      `${full(ctx.pupil)} is looked after and the virtual school has asked for the PEP by Friday.`,
    ]),
    entities: body("body", "special-category"),
    note: "special-category: looked-after",
    audience: "agency",
  }),
  (ctx) => ({
    subject: "Lunches",
    body: compose(ctx, "Hi,", [`${full(ctx.pupil)} is now eligible for free school meals from Monday.`]),
    entities: body("body", "special-category"),
    note: "special-category: free school meals",
  }),
  (ctx) => ({
    subject: "Return meeting",
    body: compose(ctx, `Dear ${titled(ctx.parent)},`, [
      `Following ${ctx.pupil.first}'s suspension, we would like to meet before ${ctx.pupil.first} returns.`,
    ]),
    entities: body("body", "special-category"),
    note: "special-category: exclusion, given name",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Staff absence",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `${titled(ctx.parent)} from the kitchen team is in hospital and will be off for two weeks.`,
    ]),
    entities: body("body", "special-category"),
    note: "special-category: a named member of staff's health",
  }),
  (ctx) => ({
    subject: "Police contact",
    body: compose(ctx, "Hello,", [`${full(ctx.pupil)} was arrested at the weekend; the youth offending team is involved.`]),
    entities: body("body", "special-category"),
    note: "special-category: criminal",
    audience: "agency",
  }),
  (ctx) => ({
    subject: "Ramadan",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `${full(ctx.pupil)} is Muslim and will be fasting, so please allow rest at lunchtime.`,
    ]),
    entities: body("body", "special-category"),
    note: "special-category: religion",
  }),
  (ctx) => {
    const name = ctx.rng.pick(UNLISTED_FIRST_NAMES);
    return {
      subject: "Placement",
      body: compose(ctx, "Hello,", [`Our pupil ${name} ${ctx.pupil.last} moved into foster care last week.`]),
      entities: body("body", "special-category"),
      note: "special-category: a given name the lexicon does not know, introduced as a pupil",
      audience: "agency",
    };
  },
  (ctx) => ({
    subject: `${full(ctx.pupil)} - EHCP review`,
    body: compose(ctx, "Hi,", ["The review is on Tuesday at 2pm. His mum will attend."]),
    entities: body("subject", "special-category"),
    note: "special-category in the subject",
  }),
  (ctx) => ({
    subject: `${full(ctx.pupil)}`,
    body: compose(ctx, "Hello,", ["He has an EHCP and his new medication starts on Monday."]),
    entities: body("body", "special-category"),
    note: "special-category: named in the subject, detail in the body",
  }),
  (ctx) => ({
    subject: "Documents for the meeting",
    body: compose(ctx, "Hello,", ["Please find the file attached."]),
    attachments: [`${ctx.pupil.last}_${ctx.pupil.first}_EHCP_draft.pdf`],
    entities: body("attachments", "special-category"),
    note: "special-category in an attachment name, surname first",
  }),
  (ctx) => ({
    subject: "Plan",
    body: compose(ctx, "Hello,", ["Attached for your records."]),
    attachments: [`${ctx.pupil.first} ${ctx.pupil.last} medical needs plan.docx`],
    entities: body("attachments", "special-category"),
    note: "special-category in an attachment name, given name first",
  }),
  (ctx) => {
    const home = address(ctx.rng);
    return {
      subject: "Referral",
      body: compose(ctx, "Hello,", [
        `Name: ${full(ctx.pupil)}\nDate of birth: ${childBirthDate(ctx.rng, true)}\nAddress: ${home.line}, ${home.town}, ${home.postcode}\nNHS number: ${spacedNhs(nhsNumber(ctx.rng))}`,
        "He has a diagnosis of autism and a child protection plan.",
      ]),
      entities: body("body", "date-of-birth", "postal-address", "nhs-number", "special-category"),
      note: "referral form: several types",
      audience: "agency",
    };
  },
  (ctx) => ({
    subject: "Allergy",
    body: `<p>Dear ${ctx.colleague.first},</p><p>${full(ctx.pupil)} has a severe nut allergy and carries an EpiPen.</p><p>${signature(ctx, false).replace(/\n/g, "<br>")}</p>`,
    html: true,
    entities: body("body", "special-category"),
    note: "special-category in an HTML body",
  }),
  (ctx) => ({
    subject: "Medical details",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `${full(ctx.pupil)}'s NHS number is ${spacedNhs(nhsNumber(ctx.rng))} and he has epilepsy.`,
    ]),
    encrypted: true,
    entities: body("body", "nhs-number", "special-category"),
    note: "encrypted already: entities present, nothing to nudge (delius)",
  }),
  (ctx) => ({
    subject: "Asthma",
    body: compose(ctx, "Hi,", [`${ctx.rng.pick(UNLISTED_FIRST_NAMES)} ${ctx.pupil.last} has been diagnosed with asthma and needs an inhaler in PE.`]),
    entities: body("body", "special-category"),
    note: "special-category: an unlisted given name with no introduction (a known limitation)",
  }),
  (ctx) => ({
    subject: "Admissions",
    body: compose(ctx, "Hello,", [
      `Child's date of birth (as on the birth certificate): ${childBirthDate(ctx.rng, true)}.`,
    ]),
    entities: body("body", "date-of-birth"),
    note: "date-of-birth with the context far before the date",
  }),
  (ctx) => ({
    subject: "Counselling",
    body: compose(ctx, `Dear ${ctx.colleague.first},`, [
      `${ctx.pupil.title} O'${ctx.pupil.last} told me she is having counselling for anxiety.`,
    ]),
    entities: body("body", "special-category"),
    note: "special-category: titled name with an apostrophe",
  }),
  (ctx) => {
    const home = address(ctx.rng);
    return {
      subject: "Address",
      body: compose(ctx, "Hi,", [`Home address: ${home.line}, ${home.town}, ${home.postcode.toLowerCase()}`]),
      entities: body("body", "postal-address"),
      note: "postal-address with a lower-case postcode",
    };
  },
];

// ---- Hard negatives: look like personal data, are not ------------------------------------------

const NEGATIVES: readonly ((ctx: Context) => Template)[] = [
  (ctx) => ({
    subject: "Parents' evening",
    body: compose(ctx, "Dear parents,", [`Parents' evening is on ${schoolDate(ctx.rng)}, 4pm to 7pm.`]),
    entities: [],
    note: "date that is not a birthday",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Deadline",
    body: compose(ctx, "Hi all,", [`Reports are due 2025-0${ctx.rng.int(1, 9)}-15 and moderation is on ${schoolDate(ctx.rng)}.`]),
    entities: [],
    note: "ISO and written dates, no birth context",
  }),
  (ctx) => ({
    subject: "Farm visit",
    body: compose(ctx, "Dear parents,", [
      `Come and see the newborn lambs on ${schoolDate(ctx.rng)}! ${full(ctx.pupil)} will show you round.`,
    ]),
    entities: [],
    note: "'newborn' beside a date is not birth context",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Order confirmation",
    body: compose(ctx, "Hello,", [`Order number ${corruptTenDigits(ctx.rng)} has been dispatched.`]),
    entities: [],
    note: "ten digits failing both checksums",
  }),
  (ctx) => ({
    subject: "Invoice",
    body: compose(ctx, "Hello,", [`Invoice ${spacedNhs(nhsNumber(ctx.rng))} is attached; payment in 30 days.`]),
    entities: [],
    note: "invoice number that passes the NHS check by chance",
    audience: "agency",
  }),
  (ctx) => ({
    subject: "PO",
    body: compose(ctx, "Hi,", [`PO ref ${uln(ctx.rng)} for the new chairs.`]),
    entities: [],
    note: "reference number that passes the ULN check by chance",
  }),
  (ctx) => ({
    subject: "Typo?",
    body: compose(ctx, "Hi,", [`The form shows ${corruptNhsNumber(ctx.rng)} and ${corruptUln(ctx.rng)}; neither looks right.`]),
    entities: [],
    note: "corrupted NHS number and ULN",
  }),
  (ctx) => ({
    subject: "Rota",
    body: compose(ctx, "Dear all,", ["The duty rota for next half-term is attached."], true),
    entities: [],
    note: "signature with a mobile number",
  }),
  (ctx) => ({
    subject: "Cover",
    body: compose(ctx, "Hi,", [`If anything comes up, call me on ${mobileNumber(ctx.rng)}.`]),
    entities: [],
    note: "the sender's own number in the body",
  }),
  (ctx) => ({
    subject: "Visitors",
    body: compose(ctx, "Dear visitors,", [
      `Please come to reception at ${ctx.school.address}. The office number is ${ctx.school.phone}.`,
    ]),
    entities: [],
    note: "the school's own address and phone",
    audience: "agency",
  }),
  (ctx) => ({
    subject: "Personal development",
    body: compose(ctx, "Hi all,", [
      "Personal development sessions run every Wednesday; please bring your personal development plans.",
    ]),
    entities: [],
    note: "'personal development'",
  }),
  (ctx) => ({
    subject: "SEN policy",
    body: compose(ctx, "Dear governors,", [
      "Our SEN policy and the SEND information report are on the website for review.",
    ]),
    entities: [],
    note: "SEN policy talk without a person",
    audience: "agency",
  }),
  (ctx) => ({
    subject: "Training",
    body: compose(ctx, "Dear all,", [
      `Safeguarding training is on Friday; child protection training for new staff is on ${schoolDate(ctx.rng)}.`,
    ]),
    entities: [],
    note: "safeguarding / child protection training",
  }),
  (ctx) => ({
    subject: "Coffee morning",
    body: compose(ctx, "Dear parents,", [
      `${titled(ctx.colleague)}, our SENCO, will host the SEN coffee morning on Thursday.`,
    ]),
    entities: [],
    note: "a named member of staff introduced by role",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Trip forms",
    body: compose(ctx, `Dear ${titled(ctx.parent)},`, [
      "Please tell us about any allergies or medical needs on the consent form.",
    ]),
    entities: [],
    note: "asking about 'any allergies' of a named addressee",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Well done",
    body: compose(ctx, "Dear all,", [`${full(ctx.pupil)} won the poetry competition. Congratulations!`]),
    entities: [],
    note: "a named pupil with nothing sensitive",
  }),
  (ctx) => ({
    subject: "Contact",
    body: compose(ctx, "Hi,", [`You can reach the office at office@${ctx.school.domain} or me at ${ctx.sender.first.toLowerCase()}@${ctx.school.domain}.`]),
    entities: [],
    note: "bare email addresses",
  }),
  (ctx) => ({
    subject: "Data check",
    body: compose(ctx, "Hi,", [`The census rejected ${corruptUpn(ctx.rng)} and NI ${corruptNiNumber(ctx.rng)}: both invalid.`]),
    entities: [],
    note: "UPN with a wrong check letter and an NI number with a banned prefix",
  }),
  (ctx) => ({
    subject: "Supplier bank details",
    body: compose(ctx, "Hi,", [`The supplier quoted IBAN ${corruptIbanGb(ctx.rng)} but it fails validation.`]),
    entities: [],
    note: "IBAN failing mod 97",
  }),
  (ctx) => ({
    subject: "Sports day",
    body: compose(ctx, "Dear parents,", [`Sports day moved from 12-06-25 to 19-06-25. Licence key 4${ctx.rng.digits(7)} for the timing app.`]),
    entities: [],
    note: "sort-code-like dates and an 8-digit key without account context",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Support services",
    body: compose(ctx, "Dear all,", [
      `Out of hours, the council's front door team on ${landlineNumber(ctx.rng)} takes safeguarding calls.`,
    ]),
    entities: [],
    note: "an organisation's phone line",
  }),
  (ctx) => ({
    subject: "Year group news",
    body: compose(ctx, "Dear parents,", [
      `Pupils with SEN in ${ctx.rng.pick(YEARS)} will have extra time in the mock exams; pupil premium funding pays for the tutors.`,
    ]),
    entities: [],
    note: "SEN and pupil premium about groups, nobody named",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Minutes",
    body: compose(ctx, `Dear ${ctx.pupil.first},`, ["Please send the minutes to the office by Friday."]),
    entities: [],
    note: "the verb 'send', a greeting by first name",
  }),
  (ctx) => ({
    subject: "Fixture",
    body: compose(ctx, "Hi all,", [`The away match is at Ashfield Sports Centre, ${address(ctx.rng).postcode}, at 10am.`]),
    entities: [],
    note: "a venue's postcode without home-address context",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Religious education",
    body: compose(ctx, "Dear parents,", [
      `${titled(ctx.colleague)} will lead the religious education topic on festivals this term.`,
    ]),
    entities: [],
    note: "'religious education' with a named teacher",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Birthday cakes",
    body: compose(ctx, "Dear parents,", ["Please do not send birthday cakes into school; we celebrate with a song instead."]),
    entities: [],
    note: "'birthday' without a date",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Invoice query",
    body: compose(ctx, "Hello,", [`Invoice number 0${ctx.rng.int(1, 2)}${ctx.rng.digits(9)} for the coach hire has not been paid.`]),
    entities: [],
    note: "an invoice number starting with 0 (phone-shaped)",
    audience: "agency",
  }),
  (ctx) => ({
    subject: "Swimming",
    body: compose(ctx, "Dear parents,", [
      `${titled(ctx.colleague)} confirmed the suspension of swimming lessons while the pool is repaired.`,
    ]),
    entities: [],
    note: "'suspension' of lessons beside a named teacher",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Road safety",
    body: compose(ctx, "Dear parents,", [
      `The police will visit Year 2 for a road safety talk; ${titled(ctx.colleague)} is organising it.`,
    ]),
    entities: [],
    note: "a police visit organised by a named teacher",
    audience: "parent",
  }),
  (ctx) => ({
    subject: "Mental health week",
    body: compose(ctx, "Dear all,", [
      `${full(ctx.colleague)} has put together ideas for mental health awareness week, including a mindfulness club.`,
    ]),
    entities: [],
    note: "'mental health' as a topic with a named colleague",
  }),
  (ctx) => ({
    subject: "Staff photo",
    body: compose(ctx, "Hi all,", [
      `${full(ctx.colleague)} will take staff photos on Tuesday; hospital corners on the display boards please!`,
    ]),
    entities: [],
    note: "'hospital corners' with a named colleague",
  }),
];

function recipientsFor(ctx: Context, audience: Template["audience"]): CorpusRecipient[] {
  switch (audience) {
    case "parent":
      return [
        {
          name: `${ctx.parent.first} ${ctx.pupil.last}`,
          address: `${ctx.parent.first.toLowerCase()}.${ctx.pupil.last.toLowerCase()}${ctx.rng.int(1, 99)}@${ctx.rng.pick(["gmail.com", "hotmail.co.uk", "outlook.com"])}`,
        },
      ];
    case "agency":
      return [{ name: "Case team", address: `${ctx.rng.pick(["referrals", "admissions", "casework"])}@county.gov.uk` }];
    default:
      return [
        {
          name: `${ctx.colleague.first} ${ctx.colleague.last}`,
          address: `${ctx.colleague.first.toLowerCase()}.${ctx.colleague.last.toLowerCase()}@${ctx.school.domain}`,
        },
      ];
  }
}

/** Finding categories the school's pack leads to, from what the template put in (not from the engine). */
function categoriesFor(policy: PolicyId, template: Template, external: boolean, encrypted: boolean): string[] {
  const worth = template.entities.filter((entity) => entity.type !== "person-name");
  if (worth.length === 0) return [];
  const categories: string[] = [];
  // delius: encryption required, internal mail too; st-dunstans: not required, a nudge when it leaves the school.
  if (!encrypted && (policy === "delius" || external)) categories.push("personal-data");
  if (worth.some((entity) => entity.location === "subject")) categories.push("personal-data-in-subject");
  if (external) categories.push("recipients");
  if (worth.some((entity) => entity.location === "attachments")) categories.push("attachments");
  return categories;
}

/** Four different people: a parent sharing the sender's name would make a recipients finding by chance. */
function castFor(rng: Rng, school: School): Context {
  const sender = person(rng);
  const others: Person[] = [];
  while (others.length < 3) {
    const candidate = person(rng);
    const clash = [sender, ...others].some((p) => p.first === candidate.first || p.last === candidate.last);
    if (!clash) others.push(candidate);
  }
  const [colleague, pupil, parent] = others as [Person, Person, Person];
  return { rng, school, sender, colleague, pupil, parent };
}

export function generatePersonalDataCorpus(seed = 20251125): CorpusEntry[] {
  const rng = new Rng(seed);
  const entries: CorpusEntry[] = [];
  const emit = (kind: "pos" | "neg", templates: readonly ((ctx: Context) => Template)[], rounds: number) => {
    templates.forEach((make, index) => {
      for (let round = 0; round < rounds; round++) {
        const policy: PolicyId = (index + round) % 2 === 0 ? "delius" : "st-dunstans";
        const school = SCHOOLS[policy];
        const ctx = castFor(rng, school);
        const template = make(ctx);
        const encrypted = template.encrypted === true && school.tag !== undefined;
        const to = recipientsFor(ctx, template.audience);
        const external = template.audience === "parent" || template.audience === "agency";
        entries.push({
          id: `${policy}/personal-data-${kind}-${String(index + 1).padStart(2, "0")}/${round + 1}`,
          policy,
          draft: {
            subject: encrypted ? `${school.tag ?? ""} ${template.subject}` : template.subject,
            body: template.body,
            bodyType: template.html ? "html" : "text",
            from: {
              name: `${ctx.sender.first} ${ctx.sender.last}`,
              address: `${ctx.sender.first.toLowerCase()}.${ctx.sender.last.toLowerCase()}@${school.domain}`,
            },
            to,
            cc: [],
            bcc: [],
            attachments: (template.attachments ?? []).map((name) => ({ name, size: 48_000 })),
          },
          expect: { categories: categoriesFor(policy, template, external, encrypted), entities: template.entities },
          note: `${kind === "pos" ? "personal data" : "hard negative"}: ${template.note}`,
        });
      }
    });
  };
  emit("pos", POSITIVES, 3);
  emit("neg", NEGATIVES, 3);
  return entries;
}

export const PERSONAL_DATA_CORPUS_PATH = join(dirname(fileURLToPath(import.meta.url)), "personal-data.jsonl");

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const entries = generatePersonalDataCorpus();
  if (process.argv.includes("--metrics")) {
    // Score the engine on the freshly generated drafts (what the committed file must hold).
    const { computeMetrics, formatTable } = await import("./metrics.js");
    const metrics = computeMetrics(entries);
    console.log(formatTable(metrics));
    if (process.argv.includes("--errors")) {
      for (const [name, score] of [...Object.entries(metrics.categories), ...Object.entries(metrics.entities)]) {
        for (const error of score.errors) console.log(`${name}\t${error.kind}\t${error.id}\t${error.note}\t${error.detail}`);
      }
    }
  } else {
    writeFileSync(PERSONAL_DATA_CORPUS_PATH, entries.map((entry) => JSON.stringify(entry)).join("\n") + "\n");
    console.log(`wrote ${entries.length} drafts to ${PERSONAL_DATA_CORPUS_PATH}`);
  }
}
