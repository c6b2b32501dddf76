/**
 * Writes test/corpus/drafts.jsonl: realistic, synthetic school drafts, labelled by construction.
 * Each template knows what it put in the draft, so `expect` is the ground truth — never the output of
 * the engine. Deterministic (seeded): `npx tsx test/corpus/generate.ts` rewrites the same file.
 * See test/corpus/README.md for the format.
 */
import { writeFileSync } from "node:fs";
import { ENCRYPT_WORTHY_TYPES } from "../../policy/rules/personal-data/sensitive.js";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  Rng,
  accountNumber,
  address,
  childBirthDate,
  corruptIbanGb,
  corruptNiNumber,
  corruptNhsNumber,
  corruptTenDigits,
  corruptUpn,
  drivingLicence,
  formatAddress,
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
  uln,
  upn,
  type Person,
} from "../support/synthetic.js";

export interface CorpusRecipient {
  readonly name?: string;
  readonly address: string;
}
export interface CorpusDraft {
  readonly subject: string;
  readonly body: string;
  readonly bodyType: "text" | "html";
  readonly from?: CorpusRecipient;
  readonly to: readonly CorpusRecipient[];
  readonly cc: readonly CorpusRecipient[];
  readonly bcc: readonly CorpusRecipient[];
  readonly attachments: readonly { name: string; size: number; contentType?: string }[];
}
export interface CorpusEntry {
  readonly id: string;
  readonly policy?: string;
  readonly draft: CorpusDraft;
  readonly expect: {
    readonly categories: readonly string[];
    readonly entities?: readonly { type: string; location?: "subject" | "body" | "attachments" }[];
  };
  /** Why the draft is here: the template and, for negatives, the trap it sets. */
  readonly note: string;
}

interface School {
  readonly id: string;
  readonly name: string;
  readonly domain: string;
  readonly addressLines: string;
  readonly phone: string;
  readonly disclaimer?: string;
}

const DISCLAIMER = (name: string) =>
  `This email and any attachments are confidential and intended solely for the addressee. If you have received it in error, please tell the sender and delete it; do not copy, forward or disclose it. Any views expressed are the sender's and not necessarily those of ${name}. Email is not a secure medium: please do not send personal or sensitive information to this address unless it is encrypted.`;

/** The presets' school details (policy/presets/*.json): the school's own address is not personal data. */
const SCHOOLS: Readonly<Record<string, School>> = {
  "st-john-payne": {
    id: "st-john-payne",
    name: "St John Payne School",
    domain: "st-john-payne.sch.uk",
    addressLines: "St John Payne School, 1 Example Avenue, Chelmsford CM1 9ZZ",
    phone: "01632 960202",
  },
  delius: {
    id: "delius",
    name: "Delius School",
    domain: "delius-school.sch.uk",
    addressLines: "Delius School, 1 Example Lane, Bradford BD3 9ZZ",
    phone: "01632 960101",
  },
  "st-dunstans": {
    id: "st-dunstans",
    name: "St Dunstan's Education Group",
    domain: "stdunstans-education.org.uk",
    addressLines: "St Dunstan's Education Group, 1 Example Road, London SE6 9ZZ",
    phone: "020 7946 0101",
  },
  lt2: {
    id: "lt2",
    name: "Learning Today Leading Tomorrow Trust",
    domain: "learningleading.org",
    addressLines: "Learning Today Leading Tomorrow Trust, 1 Bailey Road, Rugby CV23 0PD",
    phone: "01788 222060",
    disclaimer: DISCLAIMER("Learning Today Leading Tomorrow Trust"),
  },
  palfrey: {
    id: "palfrey",
    name: "Palfrey Infant School",
    domain: "palfrey-infant.sch.uk",
    addressLines: "Palfrey Infant School, 1 Example Street, Walsall WS1 9ZZ",
    phone: "0121 496 0101",
    disclaimer: DISCLAIMER("Palfrey Infant School"),
  },
};

const HEAD_CC: Readonly<Record<string, CorpusRecipient>> = {
  "st-john-payne": { name: "Headteacher", address: "headteacher@st-john-payne.sch.uk" },
};

const ROLES = [
  "Head of Year 9",
  "Teacher of English",
  "Business Manager",
  "Deputy Headteacher",
  "Head of Science",
  "Office Manager",
  "Teaching Assistant",
  "Head of PE",
  "Year 4 Class Teacher",
  "Data Manager",
];
const SUBJECTS_TAUGHT = ["maths", "English", "science", "history", "geography", "French", "PE", "art", "music", "computing"];
const YEARS = ["Year 3", "Year 5", "Year 7", "Year 8", "Year 9", "Year 10", "Year 11", "Year 12", "Year 13"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const ROOMS = ["the library", "the main hall", "room S12", "the drama studio", "the staffroom", "room H4", "the IT suite"];

interface Ctx {
  readonly rng: Rng;
  readonly school: School;
  readonly sender: Person;
  readonly from: CorpusRecipient;
}

function staffAddress(p: Person, domain: string): string {
  return `${p.first.toLowerCase()}.${p.last.toLowerCase()}@${domain}`;
}

function colleagues(ctx: Ctx, count: number): CorpusRecipient[] {
  const out: CorpusRecipient[] = [];
  for (let i = 0; i < count; i++) {
    const p = person(ctx.rng);
    out.push({ name: `${p.first} ${p.last}`, address: staffAddress(p, ctx.school.domain) });
  }
  return out;
}

function parentRecipient(rng: Rng): CorpusRecipient {
  const p = person(rng);
  const domain = rng.pick(["gmail.com", "hotmail.co.uk", "outlook.com", "yahoo.co.uk", "btinternet.com", "icloud.com"]);
  return { name: `${p.title} ${p.last}`, address: `${p.last.toLowerCase()}${rng.int(1, 99)}@${domain}` };
}

function greeting(ctx: Ctx, to: readonly CorpusRecipient[]): string {
  const first = to.length === 1 ? (to[0]?.name ?? "").split(" ")[0] : undefined;
  const options = ["Dear colleagues,", "Hi all,", "Good morning all,", "Hello everyone,", "Dear all,", "Afternoon all,"];
  if (first && !/^(?:Mr|Mrs|Ms|Miss|Dr|Headteacher)$/.test(first)) options.push(`Dear ${first},`, `Hi ${first},`);
  if (to.length === 1 && to[0]?.name && /^(?:Mr|Mrs|Ms|Miss|Dr) /.test(to[0].name)) options.push(`Dear ${to[0].name},`);
  return ctx.rng.pick(options);
}

function closing(ctx: Ctx, options: { phone?: string } = {}): string {
  const signOff = ctx.rng.pick(["Kind regards,", "Many thanks,", "Best wishes,", "Thanks,", "Regards,", "With best wishes,"]);
  const lines = [signOff, `${ctx.sender.first} ${ctx.sender.last}`, ctx.rng.pick(ROLES), ctx.school.name];
  if (options.phone) lines.push(`Tel: ${options.phone}`);
  return lines.join("\n");
}

interface Parts {
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly to?: readonly CorpusRecipient[];
  readonly cc?: readonly CorpusRecipient[];
  readonly bcc?: readonly CorpusRecipient[];
  readonly attachments?: CorpusDraft["attachments"];
  readonly noGreeting?: boolean;
  readonly noClosing?: boolean;
  readonly signaturePhone?: string;
  readonly noDisclaimer?: boolean;
  readonly html?: boolean;
}

function compose(ctx: Ctx, parts: Parts): CorpusDraft {
  const to = parts.to ?? colleagues(ctx, ctx.rng.int(1, 3));
  const blocks: string[] = [];
  if (!parts.noGreeting) blocks.push(greeting(ctx, to));
  blocks.push(...parts.paragraphs);
  if (!parts.noClosing) blocks.push(closing(ctx, parts.signaturePhone ? { phone: parts.signaturePhone } : {}));
  if (ctx.school.disclaimer && !parts.noDisclaimer) blocks.push(ctx.school.disclaimer);
  const html = parts.html ?? ctx.rng.chance(0.25);
  const body = html
    ? blocks.map((block) => `<p>${escapeHtml(block).replace(/\n/g, "<br>")}</p>`).join("\n")
    : blocks.join("\n\n");
  return {
    subject: parts.subject,
    body,
    bodyType: html ? "html" : "text",
    from: ctx.from,
    to,
    cc: parts.cc ?? [],
    bcc: parts.bcc ?? [],
    attachments: parts.attachments ?? [],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

type Expect = CorpusEntry["expect"];
interface Built {
  readonly draft: CorpusDraft;
  readonly expect: Expect;
  readonly note: string;
}
type Template = (ctx: Ctx) => Built;

const clean = (draft: CorpusDraft, note: string, entities?: Expect["entities"]): Built => ({
  draft,
  expect: entities ? { categories: [], entities } : { categories: [] },
  note,
});

// ---- Everyday business (negatives) ----------------------------------------------------------------

const tripLogistics: Template = (ctx) => {
  const { rng } = ctx;
  const year = rng.pick(YEARS);
  const place = rng.pick(["the Science Museum", "Chester Zoo", "the Black Country Museum", "Kew Gardens", "Warwick Castle", "the Houses of Parliament"]);
  const date = schoolDate(rng);
  return clean(
    compose(ctx, {
      subject: rng.pick([`${year} trip to ${place}`, `Trip on ${date}`, `Coach times – ${place}`]),
      paragraphs: [
        `Just a reminder that the ${year} trip to ${place} is on ${date}. The coach leaves at ${rng.pick(["8.15", "8.30", "8.45"])} from the front car park and we should be back by ${rng.pick(["3.30", "4", "4.15"])}.`,
        rng.pick([
          "Could form tutors collect any outstanding consent slips by Wednesday, please?",
          "Packed lunches will be provided for pupils who receive them; please send me numbers by the end of the week.",
          `The risk assessment is on the shared drive; please read it before the day and sign the sheet in ${rng.pick(ROOMS)}.`,
        ]),
      ],
    }),
    "trip logistics with a non-birth date",
  );
};

const meetingWithAcronyms: Template = (ctx) => {
  const { rng } = ctx;
  const day = rng.pick(DAYS);
  const acronymLine = rng.pick([
    "SLT will join the first half; the SENCO and the DSL will take the second half on EHCP reviews and CPOMS logging.",
    "The INSET day agenda covers GCSE moderation, the new ICT acceptable use agreement and a PTA update.",
    "Please bring your FSM and LAC tracking sheets so we can check Pupil Premium spending before the DfE return.",
    "Agenda: 1. GCSE options 2. SEN register update from the SENCO 3. CPOMS training 4. AOB.",
    "The DSL has asked that all concerns go on CPOMS the same day; the SENCO will cover EHCP annual reviews.",
  ]);
  return clean(
    compose(ctx, {
      subject: rng.pick([`SLT briefing ${day}`, "INSET day agenda", `GCSE moderation – ${day}`, "PTA and SENCO update", "Agenda for Thursday's meeting"]),
      paragraphs: [
        `The ${rng.pick(["staff", "department", "pastoral", "phase"])} meeting is on ${day} at ${rng.pick(["3.30", "3.45", "4.00"])} in ${rng.pick(ROOMS)}.`,
        acronymLine,
      ],
    }),
    "school acronyms in capitals",
  );
};

const invoiceNumbers: Template = (ctx) => {
  const { rng } = ctx;
  const order = corruptTenDigits(rng);
  const supplier = rng.pick(["Cambridge Educational Supplies", "YPO", "Hope Education", "the uniform supplier", "the coach company"]);
  return clean(
    compose(ctx, {
      subject: rng.pick([`Invoice ${order}`, `Order ${order} – ${supplier}`, "Purchase order query"]),
      paragraphs: [
        `${supplier} have sent invoice ${rng.pick(["INV-2025-", "SI", "PO "])}${rng.digits(5)} for order number ${order}, totalling £${rng.int(40, 2400)}.${rng.digits(2)}.`,
        rng.pick([
          "Could you check it against the delivery note and let me know if everything arrived?",
          "Please sign the goods-received note and return it to the finance office.",
          `Our reference is ${corruptTenDigits(rng)}; the budget code is ${rng.pick(["SCI-04", "ENG-02", "PE-11"])}.`,
        ]),
      ],
    }),
    "ten-digit order/invoice numbers failing the checksum",
  );
};

const personalDevelopment: Template = (ctx) => {
  const { rng } = ctx;
  return clean(
    compose(ctx, {
      subject: rng.pick([
        "Personal development review",
        "Personal statement deadlines for Year 13",
        "Personal development day – timings",
        "PSHE and personal development planning",
        "Personal statements: UCAS checklist",
      ]),
      paragraphs: [
        rng.pick([
          "Personal development reviews will take place in the first two weeks after half term. Please book a slot with your line manager.",
          "Year 13 personal statements need to be with tutors by the end of the month so that references can be written in time for UCAS.",
          "The personal development curriculum for next year is on the shared drive; comments to me by Friday, please.",
          "Our personal development day will include careers talks, first aid training and a session on online safety.",
        ]),
        rng.pick([
          "Thank you for all your hard work on this.",
          "Let me know if you have any questions.",
          "I've attached the timetable for the day.",
        ]),
      ],
    }),
    "'personal' that is not a label",
  );
};

const policyTalk: Template = (ctx) => {
  const { rng } = ctx;
  return clean(
    compose(ctx, {
      subject: rng.pick(["Safeguarding policy update", "SEN policy review", "Child protection training", "EHCP process reminder", "Medication policy"]),
      paragraphs: [
        rng.pick([
          "The updated safeguarding and child protection policy is now on the shared drive. Please read it before the training on Monday.",
          "The SEN policy is due for review this term. The SENCO would welcome comments on how we support pupils with an EHCP.",
          "A reminder that any safeguarding concern, however small, must be logged on CPOMS the same day and passed to the DSL.",
          "Our policy on administering medication in school has changed: all medicines must now be stored in the medical room.",
          "Training on supporting looked-after children and pupils eligible for free school meals runs after school on Wednesday.",
        ]),
        rng.pick([
          "Thank you for everything you do to keep our pupils safe.",
          "Please sign the register to confirm you have read it.",
          "The slides from last year are attached for anyone who missed it.",
        ]),
      ],
    }),
    "policy talk about SEN/safeguarding without a named person",
  );
};

const firmButPolite: Template = (ctx) => {
  const { rng } = ctx;
  return clean(
    compose(ctx, {
      subject: rng.pick(["Reports deadline", "Marking", "Duty rota", "Cover work", "Data drop"]),
      paragraphs: [
        rng.pick([
          "I'm disappointed that the Year 10 reports were not on the system by the deadline. Please could they be completed by Friday at the latest.",
          "I need the cover work for period 3 by 8am tomorrow; it is not fair on colleagues to set it at short notice.",
          "Several people missed their break duty last week. Please check the rota and arrange a swap if you cannot make it.",
          "The data drop closes at 5pm on Thursday and I will not be able to extend it this time.",
          "I must ask that the shared printer is not left jammed; it takes the office staff a long time to clear.",
          "I was disappointed by the outcome but I know you did your best.",
          "The department has worked incredibly hard this term, and the results show it.",
          "I don't agree with the decision, and I'd like us to talk it through at the next meeting.",
        ]),
        "Thank you for your understanding.",
      ],
    }),
    "firm but polite",
  );
};

const ownAddressAndPhone: Template = (ctx) => {
  const { rng } = ctx;
  return clean(
    compose(ctx, {
      subject: rng.pick(["Returning forms", "Address for deliveries", "Open evening details", "Where to send the slips"]),
      paragraphs: [
        `Please ask parents to send completed forms to ${ctx.school.addressLines}, or drop them at reception.`,
        `If they have any questions they can call the office on ${ctx.school.phone}.`,
      ],
    }),
    "the school's own address and phone",
  );
};

const signaturePhone: Template = (ctx) => {
  const { rng } = ctx;
  return clean(
    compose(ctx, {
      subject: rng.pick(["Sports day", "Cover for Friday", "Staff football", "Rehearsal times", "Exam invigilation"]),
      paragraphs: [
        rng.pick([
          `Sports day will go ahead on ${schoolDate(rng)} if the weather holds; the reserve day is the following ${rng.pick(DAYS)}.`,
          `I'm out on a course on ${rng.pick(DAYS)}, so my ${rng.pick(SUBJECTS_TAUGHT)} classes will need cover. The work is in the usual folder.`,
          `Rehearsals for the ${rng.pick(["winter concert", "school play", "carol service"])} will be after school in ${rng.pick(ROOMS)}.`,
          "Invigilation rotas for the mocks are now up in the staffroom.",
        ]),
        "Call me if anything is unclear.",
      ],
      signaturePhone: rng.chance(0.5) ? mobileNumber(rng) : landlineNumber(rng),
    }),
    "signature with a phone number",
  );
};

const notBirthdayDates: Template = (ctx) => {
  const { rng } = ctx;
  const date = schoolDate(rng);
  return clean(
    compose(ctx, {
      subject: rng.pick(["Key dates", "Calendar update", "Deadlines this term", "Parents' evening"]),
      paragraphs: [
        rng.pick([
          `Parents' evening for ${rng.pick(YEARS)} is on ${date}, 4pm to 7pm.`,
          `Coursework deadline: ${date}. Moderation follows on ${schoolDate(rng)}.`,
          `The mock exams start on ${date} and results go home before half term.`,
          `Term ends on ${date}; we return on ${schoolDate(rng)}.`,
        ]),
        rng.pick(["Please put these in your diaries.", "The full calendar is on the website.", "Thanks in advance."]),
      ],
    }),
    "dates that are not birthdays",
  );
};

const namedPupilNotSensitive: Template = (ctx) => {
  const { rng } = ctx;
  const pupil = person(rng);
  return clean(
    compose(ctx, {
      subject: rng.pick(["Lost property", "Well done", "Lunchtime club", "Homework"]),
      paragraphs: [
        rng.pick([
          `${pupil.first} ${pupil.last} in ${rng.pick(YEARS)} left a blue PE bag in ${rng.pick(ROOMS)}; it's now at reception.`,
          `Just to say ${pupil.first} ${pupil.last} did a brilliant job leading the assembly this morning.`,
          `${pupil.first} ${pupil.last} would like to join the ${rng.pick(["chess", "coding", "choir", "gardening"])} club; is there room?`,
          `${pupil.first} ${pupil.last} has handed in the ${rng.pick(SUBJECTS_TAUGHT)} homework late but it is excellent.`,
        ]),
      ],
    }),
    "a named pupil without sensitive details",
  );
};

const numberTraps: Template = (ctx) => {
  const { rng } = ctx;
  return clean(
    compose(ctx, {
      subject: rng.pick(["Reference numbers", "Room bookings", "Exam entries", "Library returns"]),
      paragraphs: [
        rng.pick([
          `The exam board centre number is ${rng.digits(5)} and the entry batch is ${corruptTenDigits(rng)}.`,
          `Candidate numbers run from ${rng.int(1000, 4000)} to ${rng.int(5000, 9000)}; the exam series code is ${corruptTenDigits(rng)}.`,
          `The wifi voucher codes are ${corruptTenDigits(rng)} and ${corruptTenDigits(rng)}.`,
          `The old reference ${corruptUpn(rng)} on the form was mistyped; please ignore it.`,
          `The form still shows ${corruptNiNumber(rng)}, which is not a valid format; please ask HR for the correct one.`,
          `The payment reference was ${corruptIbanGb(rng)} but the bank rejected it as invalid.`,
          `The ticket reference on the booking is ${corruptNhsNumber(rng)}.`,
        ]),
      ],
    }),
    "number-shaped strings that fail their checks",
  );
};

// ---- Category positives ---------------------------------------------------------------------------

const HOSTILE: readonly [string, string][] = [
  ["abusive", "Frankly you are an idiot and I am sick of covering for you."],
  ["abusive", "What a stupid, pathetic excuse for a lesson plan."],
  ["incompetent", "Your handling of the Year 9 data has been completely incompetent."],
  ["incompetent", "It is clear you are not capable of doing this job."],
  ["incompetent", "Honestly, the whole department is useless and I am tired of it."],
  ["derogatory", "Those kids from the estate are a waste of space and always will be."],
  ["derogatory", "She is a useless waste of space and everyone knows it."],
  ["threatening", "If this happens again you will regret it, I promise you."],
  ["threatening", "Do that again and I will make sure you lose your job."],
  ["threatening", "Watch yourself, because I won't be so nice next time."],
  ["other-schools", "Riverside Academy is a shambles and their head hasn't got a clue."],
  ["other-schools", "The staff at Oakfield Primary are lazy and frankly incompetent."],
  ["other-schools", "Everyone knows Hillcrest High is a dump run by clowns."],
  ["incompetent", "You clearly have no idea what you are doing and it shows."],
  ["derogatory", "Your class is an absolute zoo and you are to blame for it."],
  ["threatening", "If you go over my head again there will be serious consequences for you."],
  ["other-schools", "The teachers at Northgate School are a joke, frankly."],
  ["incompetent", "Frankly that was a shambolic piece of work from you."],
  ["abusive", "You're a complete waste of a salary."],
  ["derogatory", "Only a moron would have booked the hall for the same night as the concert."],
  ["threatening", "Cross me again and I'll see to it that your contract isn't renewed."],
];

const tone: Template = (ctx) => {
  const { rng } = ctx;
  const [kind, sentence] = rng.pick(HOSTILE);
  return {
    draft: compose(ctx, {
      subject: rng.pick(["Yesterday", "Your email", "The data", "Following up", "Cover"]),
      paragraphs: [
        rng.pick([
          "I have read your reply about the timetable.",
          "I saw what happened at the meeting this afternoon.",
          "I've just looked at the spreadsheet you sent.",
          "Following our conversation about the trip,",
        ]),
        sentence,
      ],
      to: colleagues(ctx, 1),
    }),
    expect: { categories: ["tone"] },
    note: `tone: ${kind}`,
  };
};

const SHOUTS = [
  "PLEASE MAKE SURE THE STAFFROOM FRIDGE IS EMPTIED BEFORE THE HOLIDAY.",
  "I HAVE ASKED THREE TIMES FOR THE REGISTERS TO BE DONE ON TIME.",
  "THE MINIBUS MUST BE RETURNED WITH A FULL TANK OF FUEL.",
  "DO NOT PARK IN THE DISABLED BAYS AT THE FRONT OF THE BUILDING.",
  "REPORTS HAVE TO BE ON THE SYSTEM BY FRIDAY AFTERNOON.",
  "NOBODY IS TO USE THE HALL DURING EXAMS WITHOUT ASKING FIRST.",
];

const shouting: Template = (ctx) => {
  const { rng } = ctx;
  const inSubject = rng.chance(0.3);
  return {
    draft: compose(ctx, {
      subject: inSubject ? rng.pick(["PLEASE READ THIS BEFORE TOMORROW", "EVERYONE MUST READ THIS NOW", "REPORTS ARE OVERDUE AGAIN"]) : rng.pick(["Reminder", "Staffroom", "Registers", "Parking"]),
      paragraphs: [
        rng.pick(["A quick reminder to everyone.", "This keeps happening, so one more reminder.", "Sorry to send another email about this."]),
        inSubject ? "Thank you for reading." : rng.pick(SHOUTS),
      ],
    }),
    expect: { categories: ["shouting"] },
    note: inSubject ? "shouting in the subject" : "shouting sentence in the body",
  };
};

const punctuation: Template = (ctx) => {
  const { rng } = ctx;
  return {
    draft: compose(ctx, {
      subject: rng.pick(["Laminator", "Keys", "Tea towels", "Room change"]),
      paragraphs: [
        rng.pick([
          "Has anyone seen the laminator from the English office???",
          "Who has taken the minibus keys again???",
          "The tea towels have gone missing for the third time this week!!!",
          "Why was the room changed without telling anyone???",
          "Thanks so much for covering my duty today!!!!",
        ]),
      ],
    }),
    expect: { categories: ["punctuation"] },
    note: "repeated ! or ?",
  };
};

const missingGreeting: Template = (ctx) => {
  const { rng } = ctx;
  return {
    draft: compose(ctx, {
      subject: rng.pick(["Minutes", "Rota", "Book order", "Resources"]),
      paragraphs: [
        rng.pick([
          "The minutes from Tuesday's meeting are attached.",
          "The new duty rota starts next week and is on the noticeboard.",
          "The book order has arrived and is in the English office.",
          `The ${rng.pick(SUBJECTS_TAUGHT)} resources for next term are on the shared drive.`,
        ]),
      ],
      noGreeting: true,
    }),
    expect: { categories: ["greeting"] },
    note: "no greeting (pack requires one)",
  };
};

const missingClosing: Template = (ctx) => {
  const { rng } = ctx;
  return {
    draft: compose(ctx, {
      subject: rng.pick(["Minutes", "Rota", "Book order", "Resources"]),
      paragraphs: [
        rng.pick([
          "The minutes from Tuesday's meeting are attached.",
          "The new duty rota starts next week and is on the noticeboard.",
          "The book order has arrived and is in the English office.",
          `The ${rng.pick(SUBJECTS_TAUGHT)} resources for next term are on the shared drive.`,
        ]),
      ],
      noClosing: true,
    }),
    expect: { categories: ["closing"] },
    note: "no closing (pack requires one)",
  };
};

const commitment: Template = (ctx) => {
  const { rng } = ctx;
  const supplier = rng.pick(["Fresh Start Catering", "Brightboard Ltd", "ClearView Cleaning", "Sure Print Services"]);
  return {
    draft: compose(ctx, {
      subject: rng.pick(["Your quotation", "Contract renewal", "Service agreement", "Tender response"]),
      paragraphs: [
        `Thank you for the quotation from ${supplier}.`,
        rng.pick([
          `I can confirm that we accept your terms and agree to a three-year contract at £${rng.int(8, 40)},000 per year.`,
          "We agree to the terms and conditions and will sign the contract on behalf of the school.",
          "Please take this email as our formal acceptance of the agreement; we commit to the minimum order set out in your terms.",
          `On behalf of the school I accept the contract and agree to pay the annual fee of £${rng.int(2, 9)},${rng.int(100, 999)}.`,
          "We are happy to go ahead and sign the five-year lease on the photocopiers.",
          `Consider this confirmation that the school will purchase the new minibus for £${rng.int(25, 45)},000.`,
          "You have our go-ahead: the school will be bound by the service level agreement from September.",
        ]),
      ],
      to: [{ name: supplier, address: `sales@${supplier.toLowerCase().replace(/[^a-z]/g, "")}.co.uk` }],
    }),
    expect: { categories: ["commitment"] },
    note: "agreeing terms by email",
  };
};

const chainMail: Template = (ctx) => {
  const { rng } = ctx;
  return {
    draft: compose(ctx, {
      subject: rng.pick(["FW: Read this!", "Fwd: you have to see this", "Friday joke", "Pass it on"]),
      paragraphs: [
        rng.pick([
          "Forward this to everyone you know within the next hour and something good will happen to you.",
          "Send this to ten people today or you will have bad luck all year.",
          "Here's a joke to brighten your Friday: why did the teacher wear sunglasses? Because her class was so bright.",
          "Please forward this to all your contacts: it is going round everywhere and everyone needs to see it.",
          "This chain letter has been round the world nine times. Pass it on to everyone in your address book.",
          "Pass this on to ten friends and your wish will come true!",
          "Don't break the chain: copy this message to everyone in your contacts before midnight.",
        ]),
      ],
    }),
    expect: { categories: ["chain-mail"] },
    note: "chain mail / jokes",
  };
};

const PERSONAL_MESSAGES = [
  "Are we still on for dinner on Saturday? I've booked the table for eight o'clock. Let me know if your sister is coming too, and I'll see you at the restaurant.",
  "I've finally paid the deposit for our holiday in Cornwall! Can you check the cottage booking and remind me about the dog sitter?",
  "Could you pick up the dry cleaning on your way home tonight? Also my mortgage advisor rang about the remortgage.",
  "Happy birthday for tomorrow! Drinks on Friday at the Red Lion to celebrate your birthday, my treat.",
  "The plumber is coming round to the house tomorrow morning; can you let him in? Love you, see you tonight.",
];

const personalUse =
  (policy: "st-dunstans" | "lt2" | "palfrey", labelled: boolean): Template =>
  (ctx) => {
    const { rng } = ctx;
    const label = policy === "st-dunstans" || policy === "lt2" ? "personal" : "Personal";
    const subjectCore = rng.pick(["Saturday", "Weekend plans", "Tonight", "Cottage booking", "Quick favour"]);
    const friend = person(rng);
    const positive = policy === "palfrey" || !labelled;
    return {
      draft: compose(ctx, {
        subject: labelled ? rng.pick([`${label.charAt(0).toUpperCase() + label.slice(1)}: ${subjectCore}`, `[${label}] ${subjectCore}`]) : subjectCore,
        paragraphs: [rng.pick(PERSONAL_MESSAGES)],
        to: [{ name: `${friend.first} ${friend.last}`, address: `${friend.first.toLowerCase()}${rng.int(1, 99)}@${rng.pick(["gmail.com", "outlook.com"])}` }],
      }),
      expect: { categories: positive ? ["personal-use"] : [] },
      note: `personal message, ${policy}, ${labelled ? "labelled" : "unlabelled"}`,
    };
  };

type PdKind = (typeof ENCRYPT_WORTHY_TYPES)[number];

function personalDataSentence(rng: Rng, kind: PdKind, pupil: Person): string {
  const name = `${pupil.first} ${pupil.last}`;
  switch (kind) {
    case "nhs-number": {
      const n = nhsNumber(rng);
      return `For the trip consent form, ${name}'s NHS number is ${rng.chance(0.5) ? spacedNhs(n) : n}.`;
    }
    case "ni-number":
      return `The new cleaner's National Insurance number is ${niNumber(rng, rng.chance(0.6))}; please pass it to payroll.`;
    case "upn":
      return `The UPN for the pupil joining ${rng.pick(YEARS)} is ${upn(rng)}, transferring from their previous school.`;
    case "uln":
      return `${name}'s ULN is ${uln(rng)} for the exam board registration.`;
    case "date-of-birth":
      return rng.pick([
        `${name}, date of birth ${childBirthDate(rng, true)}, will start on Monday.`,
        `Please add ${name} (DOB ${childBirthDate(rng, true)}) to the register.`,
        `${name} was born on ${childBirthDate(rng, false)} and joins Reception in September.`,
      ]);
    case "postal-address": {
      const home = address(rng);
      return `${name}'s family have moved; the new home address is ${formatAddress(home)}.`;
    }
    case "phone-number":
      return `${name}'s mum can be reached on ${mobileNumber(rng)} if the office needs her during the day.`;
    case "bank-details":
      return rng.pick([
        `Please refund the trip deposit to sort code ${sortCode(rng)}, account number ${accountNumber(rng)}.`,
        `The parent has asked for the refund to go to IBAN ${ibanGb(rng)}.`,
      ]);
    case "passport-number":
      return `For the Paris trip, ${name}'s passport number is ${passportNumber(rng)}.`;
    case "driving-licence":
      return `The minibus driver's licence number is ${drivingLicence(rng, pupil.last, pupil.first)}; please add it to the insurance.`;
    case "special-category":
      return rng.pick([
        `${name} in ${rng.pick(YEARS)} has an EHCP and is on the SEN register; the SENCO will share the plan.`,
        `${name} has been diagnosed with epilepsy and takes medication at lunchtime.`,
        `There is a safeguarding concern about ${name}; the social worker will visit on ${rng.pick(DAYS)}.`,
        `${name} is a looked-after child and is eligible for free school meals.`,
        `${name} received a fixed-term exclusion last week following the incident.`,
      ]);
  }
}

const PD_KINDS: readonly PdKind[] = ENCRYPT_WORTHY_TYPES;

const personalData =
  (kind: PdKind): Template =>
  (ctx) => {
    const { rng } = ctx;
    const pupil = person(rng);
    return {
      draft: compose(ctx, {
        subject: rng.pick(["Details as requested", "Information for the office", "New starter", "For the records", "Form details"]),
        paragraphs: [personalDataSentence(rng, kind, pupil), rng.pick(["Thanks for sorting this.", "Let me know if you need anything else.", "Please update the system."])],
        to: colleagues(ctx, 1),
      }),
      expect: { categories: ["personal-data"], entities: [{ type: kind, location: "body" }] },
      note: `personal data: ${kind}`,
    };
  };

const personalDataInSubject: Template = (ctx) => {
  const { rng } = ctx;
  const pupil = person(rng);
  const tagged = rng.chance(0.5);
  const [subjectData, type] = rng.pick<[string, PdKind]>([
    [`NHS ${spacedNhs(nhsNumber(rng))}`, "nhs-number"],
    [`DOB ${childBirthDate(rng, true)}`, "date-of-birth"],
    [`UPN ${upn(rng)}`, "upn"],
    [`NI ${niNumber(rng)}`, "ni-number"],
  ]);
  return {
    draft: compose(ctx, {
      subject: `${tagged ? "[secure] " : ""}${pupil.first} ${pupil.last} – ${subjectData}`,
      paragraphs: ["The details are in the subject line, as you asked.", "Thanks for your help."],
      to: colleagues(ctx, 1),
    }),
    expect: {
      categories: tagged ? ["personal-data-in-subject"] : ["personal-data-in-subject", "personal-data"],
      entities: [{ type, location: "subject" }],
    },
    note: `personal data in the subject (${tagged ? "encrypted" : "unencrypted"})`,
  };
};

const encryptedPersonalData: Template = (ctx) => {
  const { rng } = ctx;
  const kind = rng.pick(PD_KINDS);
  const pupil = person(rng);
  return {
    draft: compose(ctx, {
      subject: `[secure] ${rng.pick(["Details as requested", "New starter", "For the records"])}`,
      paragraphs: [personalDataSentence(rng, kind, pupil)],
      to: colleagues(ctx, 1),
    }),
    expect: { categories: [], entities: [{ type: kind, location: "body" }] },
    note: `personal data (${kind}) sent with the [secure] tag`,
  };
};

const parentsVisible: Template = (ctx) => {
  const { rng } = ctx;
  const parents: CorpusRecipient[] = [];
  const count = rng.int(4, 12);
  for (let i = 0; i < count; i++) parents.push(parentRecipient(rng));
  const inCc = rng.chance(0.3);
  const head = HEAD_CC[ctx.school.id];
  return {
    draft: compose(ctx, {
      subject: rng.pick([`${rng.pick(YEARS)} trip reminder`, "Swimming lessons", "Class assembly", "Change to pick-up time"]),
      paragraphs: [
        rng.pick([
          "A reminder that swimming lessons start next week; please send a towel and costume in a named bag.",
          "Our class assembly is on Friday at 9am and you are very welcome to join us.",
          "Pick-up on Thursday will be at 2.30pm because of the staff training afternoon.",
        ]),
      ],
      to: inCc ? [parents[0] as CorpusRecipient] : parents,
      cc: [...(inCc ? parents.slice(1) : []), ...(head ? [head] : [])],
    }),
    expect: { categories: ["recipients"] },
    note: `${count} parents visible in ${inCc ? "Cc" : "To"}`,
  };
};

const parentsInBcc: Template = (ctx) => {
  const { rng } = ctx;
  const parents: CorpusRecipient[] = [];
  for (let i = 0; i < rng.int(4, 20); i++) parents.push(parentRecipient(rng));
  const head = HEAD_CC[ctx.school.id];
  return clean(
    compose(ctx, {
      subject: rng.pick(["Class newsletter", "Harvest festival", "Reading books", "Sports kit"]),
      paragraphs: [
        rng.pick([
          "Please find this half term's class newsletter below. Thank you for your support with reading at home.",
          "Harvest festival donations can be brought in from Monday; tins and packets only, please.",
          "Reading books will be changed on Tuesdays and Fridays from next week.",
        ]),
      ],
      to: [ctx.from],
      cc: head ? [head] : [],
      bcc: parents,
    }),
    "parents in Bcc",
  );
};

const lookalike: Template = (ctx) => {
  const { rng } = ctx;
  const p = person(rng);
  const domain = ctx.school.domain;
  const fake = rng.pick([
    domain.replace("payne", "paynes"),
    domain.replace("john", "j0hn"),
    domain.replace("st-", "st"),
    domain.replace(".sch.uk", "-sch.uk"),
    domain.replace("payne", "pyane"),
  ]);
  return {
    draft: compose(ctx, {
      subject: rng.pick(["Payroll details", "Staff list", "Updated timetable", "Budget figures"]),
      paragraphs: [rng.pick(["As requested, the updated staff list is attached.", "Here are the budget figures for this term.", "The updated timetable is attached."])],
      to: [{ name: `${p.first} ${p.last}`, address: `${p.first.toLowerCase()}.${p.last.toLowerCase()}@${fake}` }],
    }),
    expect: { categories: ["recipients"] },
    note: `look-alike domain ${fake}`,
  };
};

const ownWebmail: Template = (ctx) => {
  const { rng } = ctx;
  const s = ctx.sender;
  const local = rng.pick([`${s.first}.${s.last}`, `${s.first}${s.last}${rng.int(1, 99)}`, `${s.last}.${s.first}`]).toLowerCase();
  const head = HEAD_CC[ctx.school.id];
  return {
    draft: compose(ctx, {
      subject: rng.pick(["Planning to finish at home", "Marking spreadsheet", "Reports draft", "Scheme of work"]),
      paragraphs: [rng.pick(["Sending this to myself so I can finish it over the weekend.", "Forwarding the scheme of work so I can work on it at home.", "Reports draft to finish tonight."])],
      to: [{ name: `${s.first} ${s.last}`, address: `${local}@${rng.pick(["gmail.com", "hotmail.co.uk", "outlook.com", "icloud.com"])}` }],
      cc: head ? [head] : [],
    }),
    expect: { categories: ["recipients"] },
    note: "sender's own personal webmail",
  };
};

/** A member of staff giving a pupil their own mobile, personal e-mail or social media (St John Payne's agreement). */
const ownContactToPupil: Template = (ctx) => {
  const { rng } = ctx;
  const p = person(rng);
  const s = ctx.sender;
  const [what, line] = rng.pick<[string, string]>([
    ["mobile", `If you get stuck over the holidays just text me on 07700 900${rng.int(100, 999)}.`],
    ["social media", `Add me on Snapchat (${s.first.toLowerCase()}${rng.int(10, 99)}) and I'll send you the notes.`],
    ["personal email", `Email me at ${s.first.toLowerCase()}.${s.last.toLowerCase()}${rng.int(1, 99)}@gmail.com over the weekend.`],
  ]);
  return {
    draft: compose(ctx, {
      subject: rng.pick(["Revision", "Coursework help", "Catch-up work", "Mock exam prep"]),
      paragraphs: [rng.pick(["Well done on the mock.", "Here is the catch-up work from today.", "Good luck with the revision."]), line],
      to: [{ name: `${p.first} ${p.last}`, address: `${p.first.toLowerCase()}.${p.last.toLowerCase()}@students.${ctx.school.domain}` }],
    }),
    expect: { categories: ["pupil-contact"] },
    note: `own ${what} given to a pupil`,
  };
};

const passwordGiven: Template = (ctx) => {
  const { rng } = ctx;
  const colleague = person(rng);
  const system = rng.pick(["SIMS", "Arbor", "CPOMS", "the exam board site", "the staff laptop"]);
  const secret = `${rng.pick(["Bluebell", "Kestrel", "Harvest", "Maple"])}${rng.int(10, 99)}${rng.pick(["", "!", "#"])}`;
  const line = rng.pick([
    `The password for ${system} is ${secret} until you change it.`,
    `Login for ${system}: ${colleague.first.toLowerCase()}.${colleague.last.toLowerCase()}, password: ${secret}`,
    `pw is ${secret} - shout if it doesn't work.`,
  ]);
  return {
    draft: compose(ctx, {
      subject: rng.pick(["Cover login", "Access for tomorrow", "Logins", "Supply teacher access"]),
      paragraphs: [rng.pick(["As promised, here are the details.", "For your cover lesson tomorrow."]), line],
      to: [{ name: `${colleague.first} ${colleague.last}`, address: staffAddress(colleague, ctx.school.domain) }],
    }),
    expect: { categories: ["passwords"] },
    note: "a password written out",
  };
};

const attachments: Template = (ctx) => {
  const { rng } = ctx;
  const pupil = person(rng);
  const [kind, files] = rng.pick<[string, CorpusDraft["attachments"]]>([
    ["size", [{ name: "Assembly video.mp4", size: rng.int(12, 40) * 1024 * 1024, contentType: "video/mp4" }]],
    ["exe", [{ name: rng.pick(["setup.exe", "TimetableTool.exe", "install.msi", "update.bat"]), size: rng.int(200, 900) * 1024 }]],
    ["sensitive name", [{ name: `${pupil.first} ${pupil.last} SEN report.docx`, size: 48_000 }]],
    ["sensitive name", [{ name: `Safeguarding referral - ${pupil.first} ${pupil.last}.pdf`, size: 120_000 }]],
    ["sensitive name", [{ name: `${pupil.last}_${pupil.first}_medical_needs_plan.pdf`, size: 80_000 }]],
  ]);
  return {
    draft: compose(ctx, {
      subject: rng.pick(["File attached", "As discussed", "For the meeting"]),
      paragraphs: ["Please find the file attached, as discussed."],
      attachments: files,
    }),
    expect: {
      categories: ["attachments"],
      entities: kind === "sensitive name" ? [{ type: "special-category", location: "attachments" }] : [],
    },
    note: `attachment: ${kind}`,
  };
};

const ordinaryAttachments: Template = (ctx) => {
  const { rng } = ctx;
  return clean(
    compose(ctx, {
      subject: rng.pick(["Minutes attached", "Slides from INSET", "Worksheet"]),
      paragraphs: ["Attached as promised."],
      attachments: [
        { name: rng.pick(["Minutes 14 March.docx", "INSET slides.pptx", "Fractions worksheet.pdf", "Reading list.xlsx"]), size: rng.int(20, 4000) * 1024 },
      ],
    }),
    "ordinary attachments",
  );
};

const noDisclaimer: Template = (ctx) => {
  const { rng } = ctx;
  return {
    draft: compose(ctx, {
      subject: rng.pick(["Harvest festival", "Reading books", "Staff meeting"]),
      paragraphs: [rng.pick(["The staff meeting is moved to Wednesday this week.", "Reading books will be changed on Tuesdays from next week."])],
      noDisclaimer: true,
    }),
    expect: { categories: ["disclaimer"] },
    note: "disclaimer missing (required)",
  };
};

// ---- Assembly -------------------------------------------------------------------------------------

interface Plan {
  readonly name: string;
  readonly policy: string;
  readonly count: number;
  readonly template: Template;
}

const NEGATIVES: readonly [string, Template][] = [
  ["trip", tripLogistics],
  ["acronyms", meetingWithAcronyms],
  ["invoice", invoiceNumbers],
  ["personal-development", personalDevelopment],
  ["policy-talk", policyTalk],
  ["firm", firmButPolite],
  ["own-address", ownAddressAndPhone],
  ["signature-phone", signaturePhone],
  ["dates", notBirthdayDates],
  ["named-pupil", namedPupilNotSensitive],
  ["number-traps", numberTraps],
];

const PLANS: readonly Plan[] = [
  // Hard negatives: each under st-john-payne (etiquette strict) and delius (encryption strict).
  ...NEGATIVES.map(([name, template]) => ({ name: `neg-${name}`, policy: "st-john-payne", count: 8, template })),
  ...NEGATIVES.map(([name, template]) => ({ name: `neg-${name}`, policy: "delius", count: 8, template })),
  { name: "neg-personal-development", policy: "st-dunstans", count: 6, template: personalDevelopment },
  { name: "neg-personal-development", policy: "palfrey", count: 4, template: personalDevelopment },
  { name: "neg-parents-bcc", policy: "st-john-payne", count: 8, template: parentsInBcc },
  { name: "neg-attachments", policy: "st-john-payne", count: 6, template: ordinaryAttachments },
  { name: "neg-encrypted", policy: "delius", count: 10, template: encryptedPersonalData },
  { name: "neg-personal-labelled", policy: "st-dunstans", count: 5, template: personalUse("st-dunstans", true) },
  { name: "neg-personal-labelled", policy: "lt2", count: 5, template: personalUse("lt2", true) },
  { name: "neg-lt2", policy: "lt2", count: 6, template: tripLogistics },
  // Positives.
  { name: "tone", policy: "st-john-payne", count: 26, template: tone },
  { name: "shouting", policy: "st-john-payne", count: 16, template: shouting },
  { name: "punctuation", policy: "st-john-payne", count: 10, template: punctuation },
  { name: "greeting", policy: "st-john-payne", count: 8, template: missingGreeting },
  { name: "closing", policy: "st-john-payne", count: 8, template: missingClosing },
  { name: "commitment", policy: "st-john-payne", count: 10, template: commitment },
  { name: "chain-mail", policy: "st-john-payne", count: 10, template: chainMail },
  { name: "personal-use", policy: "st-dunstans", count: 8, template: personalUse("st-dunstans", false) },
  { name: "personal-use", policy: "lt2", count: 6, template: personalUse("lt2", false) },
  { name: "personal-use", policy: "palfrey", count: 6, template: personalUse("palfrey", false) },
  { name: "personal-use-labelled", policy: "palfrey", count: 4, template: personalUse("palfrey", true) },
  ...PD_KINDS.map((kind) => ({ name: `pd-${kind}`, policy: "delius", count: kind === "special-category" ? 12 : 6, template: personalData(kind) })),
  { name: "pd-subject", policy: "delius", count: 12, template: personalDataInSubject },
  { name: "recipients-visible", policy: "st-john-payne", count: 10, template: parentsVisible },
  { name: "recipients-lookalike", policy: "st-john-payne", count: 8, template: lookalike },
  { name: "recipients-webmail", policy: "st-john-payne", count: 8, template: ownWebmail },
  { name: "attachments", policy: "st-john-payne", count: 12, template: attachments },
  { name: "disclaimer", policy: "palfrey", count: 6, template: noDisclaimer },
  { name: "disclaimer", policy: "lt2", count: 4, template: noDisclaimer },
  // Last, so the seeded draws of every plan above are as they were.
  { name: "pupil-contact", policy: "st-john-payne", count: 6, template: ownContactToPupil },
  // After it, for the same reason: a password written out, where the school's policy speaks of passwords.
  { name: "passwords", policy: "delius", count: 6, template: passwordGiven },
];

export function generateCorpus(seed = 20251125): CorpusEntry[] {
  const rng = new Rng(seed);
  const entries: CorpusEntry[] = [];
  for (const plan of PLANS) {
    const school = SCHOOLS[plan.policy];
    if (!school) throw new Error(`no school for ${plan.policy}`);
    for (let i = 0; i < plan.count; i++) {
      const sender = person(rng);
      const ctx: Ctx = { rng, school, sender, from: { name: `${sender.first} ${sender.last}`, address: staffAddress(sender, school.domain) } };
      const built = plan.template(ctx);
      entries.push({
        id: `${plan.policy}/${plan.name}/${String(i + 1).padStart(2, "0")}`,
        ...(plan.policy === "st-john-payne" ? {} : { policy: plan.policy }),
        draft: built.draft,
        expect: built.expect,
        note: built.note,
      });
    }
  }
  return entries;
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const entries = generateCorpus();
  writeFileSync(join(here, "drafts.jsonl"), entries.map((entry) => JSON.stringify(entry)).join("\n") + "\n");
  const negatives = entries.filter((entry) => entry.expect.categories.length === 0).length;
  console.log(`wrote ${entries.length} drafts (${negatives} negatives) to test/corpus/drafts.jsonl`);
}
