import { describe, expect, it } from "vitest";
import { buildMessage } from "../../engine/message.js";
import { normalizeDraft, type DraftInput } from "../../engine/draft.js";
import { loadPolicy } from "../../pack/load.js";
import { personalUseContext } from "./context.js";

const pack = loadPolicy("st-john-payne");
const domain = pack.school.emailDomains[0] ?? "";
const context = (draft: Partial<DraftInput>) =>
  personalUseContext(buildMessage(normalizeDraft({ subject: "", body: "", bodyType: "text", ...draft }), pack), pack);

/** A draft signed "Kind regards, Jo Hart" and, under the name, `title` (none when empty). */
const signed = (words: string, title: string, to: string): Partial<DraftInput> => ({
  subject: "Chairs",
  body: `${words}\n\nKind regards,\nJo Hart${title === "" ? "" : `\n${title}`}`,
  from: { name: "Jo Hart", address: `jo@${domain}` },
  to: [{ address: to }],
});

describe("personalUseContext", () => {
  it.each([
    [
      "a first-person note to a garage",
      {
        subject: "Re: Car MOT",
        body: "Hi, can I book the Corsa in on Saturday? Thanks",
        to: [{ address: "service@garage-example.co.uk" }],
      },
      ["@to:company", "@first-person", "@no-school-words", "@to:company&no-school-words", "@short"],
    ],
    [
      "a supplier order for the school",
      {
        subject: "Order for Year 5",
        body: "Hello, please send 30 glue sticks for our Year 5 classes to the school office. The order number is on the PO.",
        to: [{ address: "sales@supplies-example.co.uk" }],
      },
      ["@to:company", "@school-words", "@to:company&school-words", "@short"],
    ],
    [
      "a note to the council about a pupil",
      {
        subject: "Transport",
        body: "The pupil's transport needs changing.",
        to: [{ address: "transport@county.gov.uk" }],
      },
      ["@to:public-sector", "@few-school-words", "@to:public-sector&few-school-words", "@short"],
    ],
    [
      "a friend's webmail",
      { subject: "Saturday", body: "I'll bring a pudding x", to: [{ address: "friend@gmail.com" }] },
      ["@to:webmail", "@first-person", "@no-school-words", "@to:webmail&no-school-words", "@short"],
    ],
    [
      "a colleague",
      { subject: "Lift", body: "Are you free after school?", to: [{ address: `jo@${domain}` }] },
      ["@to:colleagues", "@few-school-words", "@to:colleagues&few-school-words", "@short"],
    ],
    [
      "all staff",
      {
        subject: "Sofa",
        body: "Anyone want a sofa?",
        to: Array.from({ length: 12 }, (_, index) => ({ address: `staff${index}@${domain}` })),
      },
      ["@to:all-staff", "@no-school-words", "@to:all-staff&no-school-words", "@short"],
    ],
    [
      "ten colleagues are all staff",
      {
        subject: "Sofa",
        body: "Anyone want a sofa?",
        to: Array.from({ length: 10 }, (_, index) => ({ address: `staff${index}@${domain}` })),
      },
      ["@to:all-staff", "@no-school-words", "@to:all-staff&no-school-words", "@short"],
    ],
    [
      "nine colleagues are colleagues",
      {
        subject: "Sofa",
        body: "Anyone want a sofa?",
        to: Array.from({ length: 9 }, (_, index) => ({ address: `staff${index}@${domain}` })),
      },
      ["@to:colleagues", "@no-school-words", "@to:colleagues&no-school-words", "@short"],
    ],
    [
      "webmail and a company",
      {
        subject: "Sofa",
        body: "Anyone want a sofa?",
        to: [{ address: "friend@gmail.com" }, { address: "sales@sofas-example.co.uk" }],
      },
      ["@to:company", "@no-school-words", "@to:company&no-school-words", "@short"],
    ],
    [
      "three school words",
      { subject: "Sofa", body: "The pupils have homework on the timetable.", to: [{ address: `jo@${domain}` }] },
      ["@to:colleagues", "@school-words", "@to:colleagues&school-words", "@short"],
    ],
    [
      "gov.uk itself",
      { subject: "Sofa", body: "Anyone want a sofa?", to: [{ address: "info@gov.uk" }] },
      ["@to:public-sector", "@no-school-words", "@to:public-sector&no-school-words", "@short"],
    ],
    [
      "nhs.net itself",
      { subject: "Sofa", body: "Anyone want a sofa?", to: [{ address: "jo.bloggs@nhs.net" }] },
      ["@to:public-sector", "@no-school-words", "@to:public-sector&no-school-words", "@short"],
    ],
    [
      "sch.uk inside a company's domain",
      { subject: "Sofa", body: "Anyone want a sofa?", to: [{ address: "sales@sch.uk.example.com" }] },
      ["@to:company", "@no-school-words", "@to:company&no-school-words", "@short"],
    ],
    [
      "nhs.net inside a company's domain",
      { subject: "Sofa", body: "Anyone want a sofa?", to: [{ address: "sales@nhs.net.example.com" }] },
      ["@to:company", "@no-school-words", "@to:company&no-school-words", "@short"],
    ],
    // A short note between colleagues reads as work when it speaks of the work, with no pupil named.
    [
      "a colleague note about registers and a meeting",
      {
        subject: "Tomorrow",
        body: "Can you take my registers? I'm in a meeting first thing.",
        to: [{ address: `jo@${domain}` }],
      },
      ["@to:colleagues", "@first-person", "@few-school-words", "@to:colleagues&few-school-words", "@short"],
    ],
    [
      "a colleague note about marking, mocks and the seating plan",
      {
        subject: "Mocks",
        body: "I've put the mocks marking and the seating plan on SharePoint.",
        to: [{ address: `jo@${domain}` }],
      },
      ["@to:colleagues", "@first-person", "@school-words", "@to:colleagues&school-words", "@short"],
    ],
    [
      "a colleague note about a night out has no school words",
      { subject: "Friday", body: "Still on for curry on Friday? I'll drive.", to: [{ address: `jo@${domain}` }] },
      ["@to:colleagues", "@first-person", "@no-school-words", "@to:colleagues&no-school-words", "@short"],
    ],
    [
      "an absence and its cover count as work",
      { subject: "Absence", body: "Off today, cover work is in the shared drive.", to: [{ address: `jo@${domain}` }] },
      ["@to:colleagues", "@few-school-words", "@to:colleagues&few-school-words", "@short"],
    ],
    // The signature block: a title or the school's name under the name is the sender signing as staff.
    [
      "signed with a job title",
      signed("Hello, could you quote for 30 stacking chairs?", "Business Manager", "sales@chairs-example.co.uk"),
      ["@to:company", "@few-school-words", "@to:company&few-school-words", "@short", "@signed:as-staff"],
    ],
    [
      "signed with the school's name",
      signed("Hello, could you quote for 30 stacking chairs?", "St John Payne School", "sales@chairs-example.co.uk"),
      ["@to:company", "@few-school-words", "@to:company&few-school-words", "@short", "@signed:as-staff"],
    ],
    [
      "signed with a name alone",
      signed("Is the sofa still for sale? I could collect on Saturday.", "", "seller@gmail.com"),
      ["@to:webmail", "@first-person", "@no-school-words", "@to:webmail&no-school-words", "@short", "@signed:name"],
    ],
  ] as [string, Partial<DraftInput>, string[]][])("%s", (_name, draft, expected) => {
    expect(context(draft)).toEqual(expected);
  });

  it("says long from 400 characters", () => {
    expect(context({ body: "Sofa. ".repeat(66) + "Sofa" })).toEqual(["@no-school-words", "@long"]);
    expect(context({ body: "Sofa. ".repeat(66) + "Sof" })).toEqual(["@no-school-words", "@short"]);
  });

  it("says long for a long body, and first person only for the sender's own I, not 'Mi' or 'Ime'", () => {
    expect(context({ body: "Mi casa. Ime. ".repeat(40) })).toEqual(["@no-school-words", "@long"]);
  });
});
