import { describe, expect, it } from "vitest";
import { analyzeDraft } from "../../engine/analyze.js";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import type { PolicyPack } from "../../pack/schema.js";
import { loadPolicy } from "../../pack/load.js";
import rule, { personalUseScore } from "./personal-use.js";

const personalBody = "Hi, are we still on for dinner tonight? Also my mortgage offer came through! x";
/** St Dunstan's asks for the label "personal" and forbids no kind. */
const labelled = (subject: string, name = subject) => ({
  name: `labelled: ${name}`,
  pack: loadPolicy("st-dunstans"),
  draft: { subject, body: personalBody, bodyType: "text" as const },
});
const unlabelled = (subject: string, name = subject) => ({
  ...labelled(subject, name),
  name: `not a label: ${name}`,
  errors: [{ messageId: "unlabelled", location: "subject" as const }],
});
/** A case about the signs' arithmetic alone: the model, retrained on other drafts, is switched off. */
const dunstans = (body: string, name: string, to?: { address: string }[]) => ({
  name,
  models: false,
  pack: loadPolicy("st-dunstans"),
  draft: { subject: "Saturday", body, bodyType: "text" as const, ...(to ? { to } : {}) },
});

/** A school that allows labelled personal mail but forbids selling and side businesses whatever the label. */
const labelledButNoSelling: PolicyPack = {
  ...loadPolicy("lt2"),
  personalUse: { mode: "allowed-if-labelled", label: "Personal", forbiddenKinds: ["selling", "side-business"] },
};

/** A hoax forwarded with a word about the sister who sent it. */
/** A short reply to a colleague's or a parent's message about a sale of concert tickets (development part AQ). */
const ticketsReply = (from: string) => ({
  subject: "Re: tickets",
  body: `Yes please! Both if you can.\n\nAnna\n\nOn Wed, 11 Mar 2026 at 12:40, Joe Hartley <${from}> wrote:\n> Anna - my brother can't go to the gig in August now. 2 standing tickets, £95 each. Interested? I'm selling them at face value. Joe`,
  bodyType: "text" as const,
});

const hoax = {
  subject: "Fwd: WhatsApp will start charging from Monday",
  body: "Just got this from my sister - is it true? Forwarding to be safe.\n\n> If you do not forward this message to all your contacts, your account will be deleted within 48 hours. Forward this to at least 10 people.",
  bodyType: "text" as const,
};

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    // School business in a line or two to a parent's or a volunteer's personal webmail is not personal mail
    // (the corpus README's "Not"); the school's events and paperwork say so (development part AG).
    ...[
      ["Re: Careers fair", "Many thanks for agreeing to come. Tables go up from 5pm; the event runs 6 till 8."],
      ["Re: coaching hours", "Thanks Pete, timesheet received. It'll go through with this month's run."],
      ["Re: Book fair", "Great, we'll set up in the atrium at 8. Thanks for sorting the float."],
      ["Netball", "Netball is on as usual tomorrow, kit in a bag please."],
    ].map(([subject, body]) => ({
      name: `school business to personal webmail: ${String(subject)}`,
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: String(subject),
        body: String(body),
        bodyType: "text" as const,
        to: [{ address: "sam.t@gmail.com" }],
      },
    })),
    // One sign of a service alone is not a side business (development part AY's words, school business).
    {
      name: "dog walking mentioned in a site notice",
      pack: loadPolicy("st-john-payne"),
      draft: {
        subject: "Field closed",
        body: "Dear all,\n\nPlease remind classes that dog walking on the school field is not allowed, and report any dogs to the site team.\n\nThanks,\nSite Manager",
        bodyType: "text",
        to: [{ name: "All Staff", address: "allstaff@st-john-payne.sch.uk" }],
      },
    },
    {
      name: "a meal deal for pupils on a trip is school business",
      pack: loadPolicy("palfrey"),
      draft: {
        subject: "Zoo trip lunches",
        body: "Dear all,\n\nThe café at the zoo will do a meal deal for pupils who have no packed lunch. Please send me numbers by Friday.\n\nThanks,\nMrs Hale",
        bodyType: "text",
      },
    },
    {
      name: "a thank-you to all staff on going on maternity leave (Acas: statutory family leave is work)",
      pack: loadPolicy("st-john-payne"),
      draft: {
        subject: "Thank you!",
        body: "Dear all,\n\nThank you so much for the flowers and the card on my last day before maternity leave. I'll miss you all.\n\nAoife",
        bodyType: "text",
      },
    },
    // The label alone is no sign where the school allows labelled personal mail, nor "personal" as a word.
    {
      name: "a labelled but plain note where personal mail may be labelled (St Dunstan's)",
      pack: loadPolicy("st-dunstans"),
      models: false,
      draft: {
        subject: "Personal - house sale",
        body: "Hi Ben,\n\nPlease go ahead and send it to both of them. Thursday is fine.\n\nThanks,\nMandeep",
        bodyType: "text",
        to: [{ address: "ben.rowley@walsallhomes-estates.co.uk" }],
      },
    },
    ...["Personal bests - Year 8 athletics", "Personal development plans", "Personal statement drafts"].map(
      (subject) => ({
        name: `"personal" in a school phrase where personal mail is prohibited: ${subject}`,
        pack: loadPolicy("palfrey"),
        models: false,
        draft: {
          subject,
          body: "Hi all,\n\nThe list is on the shared drive; please add yours by Friday.\n\nThanks,\nMandeep",
          bodyType: "text" as const,
          to: [{ address: "staff@palfrey-infant.sch.uk" }],
        },
      }),
    ),
    // A parent's message answered is work, whatever it says.
    {
      name: "a reply to a parent's message",
      pack: loadPolicy("st-dunstans"),
      draft: ticketsReply("joe.hartley@gmail.com"),
    },
    {
      name: "a subject taught is not a business of one's own",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Mocks",
        body: "Hi Tom, my Year 10 business studies group have their mock on Tuesday, so I need the hall.",
        bodyType: "text",
      },
    },
    {
      // The school's trip flies too: its signs of school business (the trip, parents) cancel "flying from".
      name: "a school ski trip flying from Manchester",
      pack: loadPolicy("lt2"),
      draft: {
        subject: "Ski trip",
        body: "Dear parents,\n\nThe Year 10 ski trip group will be flying from Manchester on 14 February. Please arrive at the airport by 5am.\n\nMr Hill",
        bodyType: "text",
      },
    },
    {
      // Money the school's parents paid, and an invoice sent: not a debt between the two who write.
      name: "money paid through the school or invoiced is not money between colleagues",
      pack: loadPolicy("lt2"),
      draft: {
        subject: "Re: trip money",
        body: "Hi Amy,\n\nThe Year 4 trip is £15. Most parents have paid on ParentPay, and I've sent you the invoice for £420 for the coach.\n\nJo",
        bodyType: "text",
      },
    },
    {
      name: "a price by the piece alone: the school trip's £5 each",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Trip",
        body: "Dear parents, the Year 4 trip costs £5 each, payable on ParentPay.",
        bodyType: "text",
      },
    },
    {
      name: "labelled",
      pack: loadPolicy("st-dunstans"),
      draft: { subject: "personal: tonight", body: personalBody, bodyType: "text" },
    },
    {
      name: "bracketed label",
      pack: loadPolicy("lt2"),
      draft: { subject: "Tonight [Personal]", body: personalBody, bodyType: "text" },
    },
    {
      name: "school business",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Personal development plan",
        body: "My pupils' reports are due this weekend.",
        bodyType: "text",
      },
    },
    {
      name: "one personal word only",
      pack: loadPolicy("palfrey"),
      models: false,
      draft: {
        subject: "Cover",
        body: "I have a dentist appointment this weekend so cannot run the club.",
        bodyType: "text",
      },
    },
    {
      // Delius allows "limited reasonable personal use" but not "personal business or financial interests".
      name: "personal mail allowed",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Tonight",
        body: "Hi, are we still on for dinner tonight? I've booked the table for 7. x",
        bodyType: "text",
      },
    },
    {
      name: "school business outweighs selling words (PTA raffle for the summer fair)",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Summer fair",
        body: "Dear all, the PTA is selling raffle tickets for the summer fair on behalf of the school. Thank you for your support.",
        bodyType: "text",
      },
    },
    {
      name: "the school selling its own old furniture to staff, for the school fund",
      pack: loadPolicy("st-john-payne"),
      draft: {
        subject: "Old lab stools for sale to staff",
        body: "Dear all,\n\nAfter the refit we have 40 old lab stools for sale at £4 each, money to the school fund via the finance office. They are in the science block until Friday.\n\nOlu Brandt\nBusiness Manager",
        bodyType: "text",
      },
    },
    {
      name: "a paragraph of weak signs is not an aside: the school letting its hall with its insurance terms",
      pack: loadPolicy("palfrey"),
      draft: {
        subject: "Re: school lettings - yoga class",
        body: "Dear Ms Varga,\n\nThanks for your enquiry.\n\nThe hall is free on Tuesdays from 6.30pm at £30 per hour. You would need public liability insurance for the class.\n\nKind regards,\nDev Okoro\nSchool Business Manager",
        bodyType: "text",
      },
    },
    {
      name: "a paragraph opened as an aside, with only weak signs, is not personal use",
      pack: loadPolicy("st-john-payne"),
      draft: {
        subject: "Re: Year 9 trip",
        body: "Hi Sam,\n\nThe coach is booked for 8.30.\n\nAlso - the museum tickets are £4 each, paid from the trip budget.\n\nJo",
        bodyType: "text",
        to: [{ name: "Sam Patel", address: "s.patel@st-john-payne.sch.uk" }],
      },
    },
    {
      name: "a hoax forwarded to all staff is chain mail, not family news",
      pack: loadPolicy("st-john-payne"),
      draft: {
        ...hoax,
        to: [{ name: "All Staff", address: "allstaff@st-john-payne.sch.uk" }],
      },
    },
    {
      name: "an aside about an absence is its reason, not personal use (cover told of in another paragraph)",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Friday",
        body: "Hi Sam,\n\nI'm off on Friday, cover work is on the shared drive for 9X.\n\nIt's my sister's wedding in Devon, so I'm driving down on Thursday night.\n\nThanks, Jo",
        bodyType: "text",
      },
    },
    {
      name: "the school letting its hall, priced by the hour",
      pack: loadPolicy("palfrey"),
      draft: {
        subject: "Re: hall hire on Tuesdays",
        body: "Dear Ms Varga,\n\nThe hall is free on Tuesdays from 6.30pm at £30 per hour. I'll send our lettings agreement for you to complete.\n\nKind regards,\nDev Okoro",
        bodyType: "text",
        to: [{ address: "pilates.with.petra@gmail.com" }],
      },
    },
    {
      name: "the school's own insurance: personal-finance words, but the model is sure it is work (below its veto)",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Minibus insurance renewal",
        body: "Dear Mr Okoro,\n\nThank you for the renewal quote for the minibus insurance. The monthly direct debit suits us; please confirm the premium and the excess for the Year 9 trips.\n\nKind regards,\nJo Hart\nBursar",
        bodyType: "text",
        to: [{ address: "renewals@insurer.example.co.uk" }],
      },
    },
    labelled("(Personal) tonight"),
    labelled("RE: Personal: tonight"),
    labelled("RE: FW: Personal: tonight"),
    labelled("Re:Personal: tonight"),
    labelled("Personal"),
    labelled("Personal tonight"),
    labelled("Personal \u2014 tonight", "Personal, an em dash, tonight"),
    labelled("Personal:development plan"),
    labelled("  Personal: tonight", "Personal after blanks"),
    labelled("Personal re: development plan"),
    labelled("Personal / development review"),
    dunstans("Are you free this weekend? If not this weekend, the next.", "one weak sign twice counts once"),
    dunstans(
      "Our wedding is this weekend, so I have set the homework for my pupils.",
      "two distinct signs of school business take two off",
    ),
    // One weak sign ("the kids") in school business: enough only when the mail goes to webmail alone.
    dunstans(
      "Are the kids from the choir still coming round to sing in assembly?",
      "one weak sign to webmail and a colleague",
      [{ address: "gemma.r@gmail.com" }, { address: "j.smith@st-dunstans.example" }],
    ),
    dunstans(
      "Are the kids from the choir still coming round to sing in assembly?",
      "one weak sign to a colleague only",
      [{ address: "j.smith@st-dunstans.example" }],
    ),
    {
      name: "a share of the cost of a hen do is not selling (a school that forbids selling, not labelled personal mail)",
      pack: labelledButNoSelling,
      draft: {
        subject: "Personal: hen do",
        body: "Hi both, the hen do is £95 each for the spa day, pay me when you can x",
        bodyType: "text",
        to: [{ address: "sam.t@gmail.com" }],
      },
    },
    {
      name: "a sum of money in personal mail Delius allows, with a topic that is not selling (a holiday)",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Re: Cornwall",
        body: "Ooh yes, our holiday cottage is £640 for the week, shall we split it? x",
        bodyType: "text",
        to: [{ address: "sam.t@gmail.com" }],
      },
    },
    dunstans(
      "The valuation of the new sports hall is due before the governors meet on the fixed rate for the energy contract.",
      "weak money words in school business",
    ),
    // "Each way" and "the odds" are everyday idioms too: a bet only beside another sign.
    dunstans("Against the odds, Kayden has made it to every club session this half term.", "'the odds' alone"),
    dunstans("We will support the family in each way we can while the housing is sorted.", "'each way' alone"),
    // Telling the school about an absence and its cover is work, however much family it mentions.
    ...[
      "My son has a temperature so I won't be in today. Cover work for 7B is in the shared drive.",
      "I'll be absent on Friday for my grandmother's funeral, as agreed with my line manager.",
      "My wife goes into hospital on Monday; I've asked for dependants' leave for the morning.",
      "Could someone take my lunch duty? My daughter's school has rung and I need to collect her.",
      // Development part AX: an absence's reason given in passing in a work reply.
      "All fine for tomorrow. I'm off Friday for my sister's wedding (approved leave) and Mrs Barker is covering 4B.",
    ].map((body, index) => ({
      name: `an absence and its cover, not personal use (${index + 1})`,
      pack: loadPolicy("palfrey"),
      draft: {
        subject: "Tomorrow",
        body,
        bodyType: "text" as const,
        to: [{ address: "office@palfrey-infant.sch.uk" }],
      },
    })),
  ],
  invalid: [
    // Where personal mail is prohibited, the sender's own label says what the message is, however plain its
    // words (Palfrey: "Staff are strictly prohibited from using the School's email facility for personal emails").
    ...["Personal - house sale", "Re: Personal: Wednesday", "[Personal] parcel"].map((subject) => ({
      name: `labelled personal where personal mail is prohibited: ${subject}`,
      pack: loadPolicy("palfrey"),
      models: false,
      draft: {
        subject,
        body: "Hi Ben,\n\nPlease go ahead and send it to both of them. Thursday is fine.\n\nThanks,\nMandeep",
        bodyType: "text" as const,
        to: [{ address: "ben.rowley@walsallhomes-estates.co.uk" }],
      },
      errors: [{ messageId: "prohibited", location: "body" }],
    })),
    // A reply in a colleagues' thread is judged with the message it answers.
    {
      name: "a short yes to a colleague's sale",
      pack: loadPolicy("st-dunstans"),
      draft: ticketsReply("j.hartley@stdunstans-education.org.uk"),
      errors: [{ messageId: "unlabelled", location: "subject" }],
    },
    // One-line notes between colleagues, on the signs alone (the model off).
    ...[
      "we need a 6th for the pub quiz on thurs, you in?",
      "Can I cadge a lift home tonight? Mine's at the garage again",
      "Thanks for last night, same time next month?",
      "The final meter reading for the old house was 18452.",
      // Development part AX: sponsorship asked of colleagues for one's own run.
      "I'm doing the Great North Run in September, please sponsor me!",
      "Every bit helps, my JustGiving page is justgiving.com/fundraising/d-whitfield-gnr",
      // Development part BD: a pet's litter offered round the staff.
      "Our cat has had kittens, free to good homes if anyone wants one",
    ].map((body) => ({
      ...dunstans(body, `a one-line personal note: ${body}`, [{ address: "g.watts@stdunstans-education.org.uk" }]),
      errors: [{ messageId: "unlabelled" }],
    })),
    {
      name: "the same insurance mail with the models off: the signs alone flag it",
      pack: loadPolicy("st-dunstans"),
      models: false,
      draft: {
        subject: "Minibus insurance renewal",
        body: "Dear Mr Okoro,\n\nThank you for the renewal quote for the minibus insurance. The monthly direct debit suits us; please confirm the premium and the excess for the Year 9 trips.\n\nKind regards,\nJo Hart\nBursar",
        bodyType: "text",
        to: [{ address: "renewals@insurer.example.co.uk" }],
      },
      errors: [{ messageId: "unlabelled" }],
    },
    {
      // The model reads a parents' list, "Dear Year 10 parents" and a department signature as work (below its
      // veto), but six points of signs (private tutoring, at my home, a price per hour) are not vetoed.
      name: "private tutoring advertised to parents: signs too strong for the model's doubt",
      pack: labelledButNoSelling,
      draft: {
        subject: "Maths tutor available",
        body: "Dear Year 10 parents,\n\nWith the mocks coming up, I have a few private tutoring slots on Monday and Wednesday evenings at £35 per hour, at my home in Springfield. I cover the Higher and Foundation papers. Please reply to me directly to book a first session.\n\nKind regards,\nMr D Okafor\nMaths Department",
        bodyType: "text",
        to: [{ name: "Year 10 Parents", address: "yr10parents@st-john-payne.sch.uk" }],
      },
      errors: [{ messageId: "forbiddenKind" }],
    },
    {
      // The work paragraphs' signs of school business would cancel the sale's, and the model reads the
      // whole reply as work: the aside is scored on its own.
      name: "a personal aside in a work reply: selling a trampoline after a note on the SATs timetable",
      pack: loadPolicy("lt2"),
      draft: {
        subject: "Re: Y6 SATs timetable",
        body: "Thanks Simon, that all looks fine. I'll let the Year 6 team know about the reading paper moving to the hall.\n\nOh and I'm selling our old trampoline if you know anyone - 10ft, net included, £60.\n\nGurpreet",
        bodyType: "text",
      },
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: " about selling something" } }],
    },
    {
      // A new user's trial: to a colleague, the model reads the work reply as work; the aside is opened as one.
      name: "a postscript below the sign-off selling a bike, to a colleague at a school that prohibits personal mail",
      pack: loadPolicy("st-john-payne"),
      draft: {
        subject: "Re: Year 9 reports deadline",
        body: "Hi Sam,\n\nThanks - I'll have the Year 9 reports finished by Friday and will upload them to the shared drive.\n\nBest wishes,\nJo\n\nPS I'm selling my bike, £80 if anyone wants it",
        bodyType: "text",
        from: { name: "Jo Hart", address: "j.hart@st-john-payne.sch.uk" },
        to: [{ name: "Sam Patel", address: "s.patel@st-john-payne.sch.uk" }],
      },
      errors: [{ messageId: "prohibited", location: "body", data: { kind: " about selling something" } }],
    },
    {
      name: "a side business is not vetoed by the model however school-like the mail (all staff, signed by a Head of Year)",
      pack: loadPolicy("st-john-payne"),
      draft: {
        subject: "New Avon brochures in the staffroom",
        body: "Hi all,\n\nThe spring Avon brochures are in the staffroom (on the fridge). Orders to me by Friday 6 March, delivery the week after.\n\nPriya\nHead of Year 9",
        bodyType: "text",
        to: [{ name: "All Staff", address: "allstaff@st-john-payne.sch.uk" }],
      },
      errors: [{ messageId: "prohibited", location: "body", data: { kind: " about a side business" } }],
    },
    {
      // Development part AY: a service of one's own offered to parents from the school account.
      name: "a dog walking and pet sitting service offered to parents",
      pack: loadPolicy("st-john-payne"),
      draft: {
        subject: "Pet sitting over half term",
        body: "Dear parents,\n\nA few of you asked at pick-up: I now run dog walking and pet sitting in the village, £10 per walk. Just reply if you'd like to book.\n\nMrs K Osei\nTeaching Assistant",
        bodyType: "text",
        to: [{ name: "Reception parents", address: "reception.parents@st-john-payne.sch.uk" }],
      },
      errors: [{ messageId: "prohibited", location: "body", data: { kind: " about selling something" } }],
    },
    {
      // Development part AL: the model reads the work around it as work (p 0.05), which vetoes most kinds.
      name: "a hen do's deposit in a work note is not vetoed by the model",
      pack: loadPolicy("palfrey"),
      draft: {
        subject: "Re: Year 2 data",
        body: "Hi Gemma, thanks for the Year 2 data, I'll add it to the tracker on Monday. Here's the itinerary for Emma's hen do too, deposit is £85 to Lucy by the 20th.\nSharon\nSchool Business Manager",
        bodyType: "text",
        to: [{ name: "Gemma Pearce", address: "g.pearce@palfrey-infant.sch.uk" }],
      },
      errors: [{ messageId: "prohibited", location: "body", data: { kind: " about a wedding" } }],
    },
    {
      name: "the same hoax sent on to friends' webmail is personal mail as well as chain mail",
      pack: loadPolicy("st-john-payne"),
      draft: {
        ...hoax,
        to: [{ name: "Kerry", address: "kerry.lane@gmail.com" }],
      },
      errors: [{ messageId: "prohibited", location: "body" }],
    },
    {
      // Development part AN: the sender's own business by another name than "my business".
      name: "a photography business advertised to all staff",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Photography",
        body: "Dear colleagues,\nA few of you have asked about this - alongside my work here I run a small photography business (weddings, family shoots, headshots). 10% off for staff this spring.",
        bodyType: "text",
        to: [{ name: "All Staff", address: "allstaff@stdunstans-education.org.uk" }],
      },
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: " about a side business" } }],
    },
    {
      // Development part AN: the model reads the reply as work (the nurse's mailbox); the debt is not.
      name: "money sent to a colleague for a lunch, the model reading it as work",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Re: lunch money",
        body: "Ha thanks Sarah - I've sent you £8.50 for the Wagamama on Friday, should be in your account now.\n\nKate",
        bodyType: "text",
        to: [{ name: "Sarah Okonjo", address: "nurse@stdunstans-education.org.uk" }],
      },
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: " about personal finance" } }],
    },
    {
      // Development part AL: a holiday booked, told to a colleague.
      name: "a family holiday booked, flying from Birmingham",
      pack: loadPolicy("lt2"),
      draft: {
        subject: "Re: Orlando",
        body: "Hi Hannah,\n\nYes we booked it last night - two weeks in Orlando, flying from Birmingham on the 3rd. The kids have no idea yet!\n\nBev",
        bodyType: "text",
        to: [{ name: "Hannah Cole", address: "h.cole@lt2.org.uk" }],
      },
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: " about a holiday" } }],
    },
    {
      // Development parts AJ and AK: a debt between the two who write, inside a work reply.
      name: "money owed to a colleague for tickets, in a reply about cover",
      pack: loadPolicy("lt2"),
      draft: {
        subject: "RE: Cover Thursday P5",
        body: "Thanks Rhys, really appreciate it.\n\nAlso, I still owe you £35 for the Arsenal tickets - will bank transfer tonight.\n\nKieran",
        bodyType: "text",
        to: [{ name: "Rhys Morgan", address: "r.morgan@lt2.org.uk" }],
      },
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: " about personal finance" } }],
    },
    {
      name: "a thing offered to a colleague at a price ('it's yours for £40') is selling",
      pack: loadPolicy("lt2"),
      draft: {
        subject: "Re: Y4 rota",
        body: "Hi Gemma,\n\nYes that works.\n\nPS are you still after a cot? it's yours for £40 if you want it.\n\nJamie",
        bodyType: "text",
        to: [{ name: "Gemma Watts", address: "g.watts@lt2.org.uk" }],
      },
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: " about selling something" } }],
    },
    {
      // No opener: the paragraph outscores the whole, whose work cancels its signs.
      name: "a personal paragraph that outscores the whole, not opened as an aside",
      pack: loadPolicy("lt2"),
      draft: {
        subject: "Re: Y6 SATs timetable",
        body: "Thanks Simon, that all looks fine. I'll let the Year 6 team know about the reading paper moving to the hall.\n\nI'm selling our old trampoline if you know anyone - 10ft, net included, £60.\n\nGurpreet",
        bodyType: "text",
      },
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: " about selling something" } }],
    },
    {
      // An aside that nets less than the whole (the PTA's raffle) does not lower the whole's verdict.
      name: "a personal note with an aside about the PTA raffle is still personal",
      pack: loadPolicy("st-john-payne"),
      draft: {
        subject: "Friday",
        body: "Hi all,\n\nDrinks on Friday at the Crown for my birthday, all welcome!\n\nAlso - I'm selling PTA raffle tickets at break.",
        bodyType: "text",
        to: [{ address: "staff@st-john-payne.sch.uk" }],
      },
      errors: [{ messageId: "prohibited", location: "body", data: { kind: " about a social arrangement" } }],
    },
    {
      name: "a hoax sent to a colleague and a friend's webmail is personal mail",
      pack: loadPolicy("st-john-payne"),
      draft: {
        ...hoax,
        to: [
          { name: "Sam", address: "s.patel@st-john-payne.sch.uk" },
          { name: "Kerry", address: "kerry.lane@gmail.com" },
        ],
      },
      errors: [{ messageId: "prohibited", location: "body" }],
    },
    {
      name: "a price each beside a weak sign of a night out is still selling (raffle tickets for a club)",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Raffle",
        body: "Hi all, my daughter's netball club are selling tickets, £2 each, prize is a hamper. x",
        bodyType: "text",
      },
      errors: [{ messageId: "forbiddenKind", location: "body", data: { kind: " about selling something" } }],
    },
    {
      name: "unlabelled where labelling is required",
      pack: loadPolicy("st-dunstans"),
      draft: { subject: "Tonight", body: personalBody, bodyType: "text" },
      errors: [{ messageId: "unlabelled", location: "subject" }],
    },
    {
      name: "'personal development' is not a label",
      pack: loadPolicy("lt2"),
      draft: { subject: "Personal development", body: personalBody, bodyType: "text" },
      errors: [{ messageId: "unlabelled", location: "subject" }],
    },
    unlabelled("Personally speaking"),
    unlabelled("Personal  development", "Personal, two spaces, development"),
    {
      ...dunstans("Can you feed the cat and walk the dog? It's our wedding.", "kinds of equal weight: the first seen"),
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: " about family matters" } }],
    },
    {
      ...dunstans("Are you free this weekend? Our wedding is at the Old Mill.", "the heavier kind first"),
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: " about a wedding" } }],
    },
    {
      ...dunstans("My old bike is for  sale.", "a sign written with two spaces"),
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: " about selling something" } }],
    },
    {
      ...dunstans("Free this weekend? Our wedding is this weekend, at the Old Mill.", "a weak sign twice weighs once"),
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: " about a wedding" } }],
    },
    {
      name: "a first-person booking with a hotel, no sign on the lists: caught by the model",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Room",
        body: "Hi, is the double room still free for the 14th? I'd like to book two nights.",
        bodyType: "text",
        to: [{ address: "stay@hotel-example.co.uk" }],
      },
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: "" } }],
    },
    {
      ...dunstans("This weekend only: ironing done at £20 per hour.", "a price per unit adds to selling"),
      errors: [{ messageId: "unlabelled", location: "subject", data: { kind: " about selling something" } }],
    },
    {
      ...dunstans("Grand National this weekend: I've put a fiver each way on Red Kestrel.", "'each way' beside a bet"),
      errors: [{ messageId: "forbiddenKind", location: "body", data: { kind: " about betting or a sweepstake" } }],
    },
    {
      name: "the sender's own money as MoneyHelper names it, where Delius forbids personal financial interests",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Re: flat in Leeds",
        body: "Hi Raj, the agreement in principle came through, so I'm going ahead with the buy-to-let. Can we talk Thursday?",
        bodyType: "text",
        to: [{ address: "raj.m@btinternet.com" }],
      },
      errors: [{ messageId: "forbiddenKind", location: "body", data: { kind: " about personal finance" } }],
    },
    {
      name: "a favour asked of a colleague going to the shop, where Palfrey forbids personal mail",
      pack: loadPolicy("palfrey"),
      draft: {
        subject: "tues",
        body: "can you grab me a meal deal when you go to tesco? will give you the money after school x",
        bodyType: "text",
      },
      errors: [{ messageId: "prohibited", location: "body" }],
    },
    {
      name: "a cryptocurrency stake by its wallet address, where Delius forbids personal financial interests",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Re: that coin",
        body: "Mate I'm in for another 2k. Send me the wallet address again, the last one didn't copy.",
        bodyType: "text",
        to: [{ address: "j.fry.trades@example.com" }],
      },
      errors: [{ messageId: "forbiddenKind", location: "body", data: { kind: " about personal finance" } }],
    },
    {
      name: "a teacher's own rate for private lessons, offered to a pupil's parents (Delius)",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Saturday sessions",
        body: "Dear Dr and Mrs Ng,\n\nFurther to our talk at parents' evening, I'd be happy to tutor Marcus privately on Saturday mornings in the run-up to his GCSEs. My rate is £45 an hour and I can come to you.\n\nBest wishes,\nDavid Oakes",
        bodyType: "text",
        to: [{ address: "wei.ng@btinternet.com" }],
      },
      errors: [{ messageId: "forbiddenKind", location: "body", data: { kind: " about selling something" } }],
    },
    {
      name: "family news with no absence or cover in it stays personal",
      pack: loadPolicy("palfrey"),
      draft: {
        subject: "Sunday",
        body: "My mum is home from hospital and my sister is staying with her this week. x",
        bodyType: "text",
      },
      errors: [{ messageId: "prohibited", location: "body" }],
    },
    {
      name: "personal mail prohibited",
      pack: loadPolicy("palfrey"),
      draft: { subject: "Personal: tonight", body: personalBody, bodyType: "text" },
      errors: [{ messageId: "prohibited", location: "body", fixKind: null }],
    },
    {
      name: "a price by the piece with another sign: a dog-walking business at Delius",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Dog walking",
        body: "Hi all, I'm starting a little dog walking business at weekends, £10 per walk. Let me know! Kelly",
        bodyType: "text",
      },
      errors: [{ messageId: "forbiddenKind", location: "body" }],
    },
    {
      name: "pursuing a personal financial interest where the school forbids it (Delius)",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Re: mortgage application",
        body: "Hi, I've uploaded my payslips for the mortgage offer. Can the mortgage adviser call me after 4?",
        bodyType: "text",
      },
      errors: [{ messageId: "forbiddenKind", location: "body", data: { kind: " about personal finance" } }],
    },
    {
      name: "selling where personal mail is allowed but personal business is not (Delius)",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Ford Focus for sale",
        body: "Hi all, I'm selling my Ford Focus, full service history, low mileage, £3,500 ono. Message me if interested.",
        bodyType: "text",
      },
      errors: [{ messageId: "forbiddenKind", location: "body", data: { kind: " about selling something" } }],
    },
    {
      name: "personal advertising is not allowed even when labelled (a school that forbids it)",
      pack: labelledButNoSelling,
      draft: {
        subject: "Personal: my little business",
        body: "Hi everyone, I've started selling Scentsy from home - use my code SJP10 for 10% off!",
        bodyType: "text",
      },
      errors: [{ messageId: "forbiddenKind", location: "body", data: { kind: " about a side business" } }],
    },
    {
      // St John Payne's staff agree to use school e-mail "for professional purposes or for uses deemed
      // 'reasonable' by the Head": no label makes personal mail one of those (as Palfrey's "unless authorized
      // by the School Business Manager").
      name: "at St John Payne a 'Personal' label does not make personal mail allowed",
      pack: loadPolicy("st-john-payne"),
      draft: {
        subject: "Personal: hen do",
        body: "Hi both, the hen do is £95 each for the spa day, pay me when you can x",
        bodyType: "text",
        to: [{ address: "sam.t@gmail.com" }],
      },
      errors: [{ messageId: "prohibited", location: "body", data: { kind: " about a wedding" } }],
    },
    {
      name: "one personal sign is enough when it goes only to personal webmail",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Saturday",
        body: "Are the kids still coming round on Saturday?",
        bodyType: "text",
        to: [{ name: "Gemma", address: "gemma.r@gmail.com" }],
      },
      errors: [
        { messageId: "unlabelled", location: "subject", fixKind: "prefix-subject", data: { label: "personal" } },
      ],
    },
  ],
});

describe("personal-use: the verdict and the fix", () => {
  const pack = loadPolicy("st-dunstans");
  const findings = (subject: string, body: string) =>
    runRule(rule, { subject, body, bodyType: "text" }, pack).findings.map((finding) => finding.messageId);

  it("is worked out again when only the subject changes", () => {
    expect(findings("My birthday", "Are you free this weekend?")).toEqual(["unlabelled"]);
    expect(findings("Cover", "Are you free this weekend?")).toEqual([]);
  });

  it("is worked out again when only the body changes", () => {
    expect(findings("Cover", "Dinner tonight at mine? Are you free this weekend?")).toEqual(["unlabelled"]);
    expect(findings("Cover", "Are you free this weekend?")).toEqual([]);
  });

  it("prefixes the school's label to the subject", () => {
    const [finding] = runRule(rule, { subject: "Tonight", body: personalBody, bodyType: "text" }, pack).findings;
    expect(finding?.fix).toEqual({ kind: "prefix-subject", text: "personal:" });
  });
});

describe("personal-use: a forbidden kind cites the school's sentence forbidding it", () => {
  // A new user's trial: selling at Delius, and a sweepstake at LT2, quoted the clause allowing personal use.
  const sale = { subject: "Cot for sale", body: "Hi all, we're selling our cot, £60 ono, collection only." };
  const sweepstake = {
    subject: "Grand National sweepstake",
    body: "Hi all, Grand National sweepstake, £2 a horse, pick one from the list in the staffroom. Winner takes all!",
  };
  it.each([
    ["delius", sale, "in pursuance of personal business or financial interests"],
    ["delius", sweepstake, "to participate in on-line gambling"],
    ["lt2", sweepstake, "on line gambling"],
    ["st-dunstans", { ...sweepstake, subject: "personal: sweepstake" }, "online gambling"],
  ] as const)("%s: %o", (preset, draft, quoted) => {
    const finding = analyzeDraft({ ...draft, bodyType: "text" }, loadPolicy(preset)).findings.find(
      (found) => found.rule === "personal-use",
    );
    expect(finding?.messageId).toBe("forbiddenKind");
    expect(finding?.policyRef.quote).toContain(quoted);
  });
});

describe("personalUseScore: a price each is a sale, or a share of a cost", () => {
  it.each([
    ["a price each on its own: selling", "Cakes", "Brownies £2 each", ["selling"]],
    ["a price each beside a wedding: the wedding's cost", "Hen do", "The hen do is £95 each", ["wedding"]],
    [
      "a price each beside a sign of selling: selling",
      "Hen do",
      "Hen do tickets for sale, £95 each",
      ["selling", "wedding", "social"],
    ],
  ])("%s", (_name, subject, body, kinds) => {
    expect(personalUseScore(subject, body).kinds).toEqual(kinds);
  });
});
