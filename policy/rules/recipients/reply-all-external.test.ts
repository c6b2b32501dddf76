import { describe, expect, it } from "vitest";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./reply-all-external.js";

const thread = [
  "",
  "",
  "From: Jo Hart <jo.hart@st-john-payne.sch.uk>",
  "Sent: 12 March 2026 09:14",
  "To: SENCO <senco@st-john-payne.sch.uk>; Sam Lee <sam.lee@st-john-payne.sch.uk>",
  "Subject: Oliver Ashdown",
  "",
  "Oliver Ashdown's EHCP review is next week; his autism assessment came back.",
].join("\n");
const reply = (own: string) => ({ subject: "RE: Oliver Ashdown", body: `${own}${thread}`, bodyType: "text" as const });
const colleagues = [{ address: "senco@st-john-payne.sch.uk" }, { address: "sam.lee@st-john-payne.sch.uk" }];

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { name: "replying to colleagues only", draft: { ...reply("Thanks, noted."), to: colleagues } },
    {
      name: "a thread with nothing personal",
      draft: {
        subject: "RE: Trip",
        body: "Thanks.\n\nFrom: Jo Hart <jo.hart@st-john-payne.sch.uk>\nSent: 12 March 2026\nTo: x@gmail.com\nSubject: Trip\n\nThe trip is on Friday.",
        to: [{ address: "x@gmail.com" }],
      },
    },
    {
      name: "the parent who wrote is on the thread",
      draft: {
        subject: "RE: Oliver",
        body: "Dear Mrs Ashdown,\n\nThank you.\n\nFrom: Kate Ashdown <kate.ashdown@gmail.com>\nSent: 12 March 2026\nTo: Jo Hart <jo.hart@st-john-payne.sch.uk>\nSubject: Oliver\n\nOliver Ashdown's EHCP review is next week.",
        to: [{ address: "kate.ashdown@gmail.com" }],
      },
    },
    {
      name: "the parent's name in a Gmail-style quote",
      draft: {
        subject: "RE: Oliver",
        body: "Thank you.\n\nOn Tue, 12 Mar 2026, Kate Ashdown wrote:\n> Oliver Ashdown's EHCP review is next week.",
        to: [{ address: "kate.ashdown@gmail.com" }],
      },
    },
    {
      name: "a multi-agency thread: the social worker is in the header",
      draft: {
        subject: "RE: Oliver Ashdown",
        body: `Agreed.${thread.replace("Sam Lee <sam.lee@st-john-payne.sch.uk>", "Sam Lee <sam.lee@st-john-payne.sch.uk>; Ann Bell <ann.bell@county.gov.uk>")}`,
        to: [...colleagues, { address: "ann.bell@county.gov.uk" }],
      },
    },
    {
      name: "a new message, not a reply",
      draft: {
        subject: "Oliver",
        body: "Oliver Ashdown's EHCP review is next week.",
        to: [{ address: "a@gmail.com" }],
      },
    },
  ],
  invalid: [
    {
      name: "an outside address added to the thread",
      draft: {
        ...reply("Adding the tutor from the agency."),
        to: [{ address: "senco@st-john-payne.sch.uk" }, { address: "tutor@agency.co.uk" }],
      },
      errors: [{ messageId: "added", location: "recipients" }],
    },
    {
      name: "reply all to colleagues with an outsider the thread never showed",
      draft: { ...reply("Thanks all."), to: [...colleagues, { address: "tutor@agency.co.uk" }] },
      errors: [{ messageId: "replyAll", location: "recipients" }],
    },
    {
      name: "reply all keeps an outside person on an internal discussion",
      draft: {
        subject: "RE: Oliver Ashdown",
        body: "Agreed.\n\nOn Tue, 12 Mar 2026, Jo Hart wrote:\n> Oliver Ashdown's EHCP review is next week; his autism assessment came back.",
        to: [...colleagues, { address: "kate.ashdown@gmail.com" }],
      },
      errors: [{ messageId: "replyAll", location: "recipients" }],
    },
  ],
});

describe("reply-all-external: who is new, how they are listed, and which wording", () => {
  const pack = loadPolicy("st-john-payne");
  const what = "an identifiable person's SEN and health details";
  const withThread = (line: string) => `Ok.${thread.replace("Sam Lee <sam.lee@st-john-payne.sch.uk>", line)}`;
  const found = (draft: Parameters<typeof runRule>[1]) =>
    runRule(rule, draft, pack).findings.map((finding) => [finding.messageId, finding.data]);
  const agency = (...names: string[]) => names.map((name) => ({ address: `${name}@agency.co.uk` }));

  it.each([
    [
      "one added",
      [{ address: "senco@st-john-payne.sch.uk" }, ...agency("tutor")],
      [["added", { addresses: "tutor@agency.co.uk", what }]],
    ],
    [
      "two added",
      [{ address: "senco@st-john-payne.sch.uk" }, ...agency("a", "b")],
      [["added", { addresses: "a@agency.co.uk and b@agency.co.uk", what }]],
    ],
    ["three added", agency("a", "b", "c"), [["added", { addresses: "a@agency.co.uk and 2 more", what }]]],
    [
      "reply all: two of three inside",
      [...colleagues, ...agency("tutor")],
      [["replyAll", { addresses: "tutor@agency.co.uk", what }]],
    ],
    [
      "reply all: three of five inside",
      [...colleagues, { address: "head@st-john-payne.sch.uk" }, ...agency("tutor", "x")],
      [["replyAll", { addresses: "tutor@agency.co.uk and x@agency.co.uk", what }]],
    ],
    [
      "not reply all: two of four inside",
      [...colleagues, ...agency("tutor", "x")],
      [["added", { addresses: "tutor@agency.co.uk and x@agency.co.uk", what }]],
    ],
  ] as const)("%s", (_what, to, expected) => {
    expect(found({ ...reply("Thanks all."), to: [...to] })).toEqual(expected);
  });

  it("Bcc recipients do not make it a reply to all", () => {
    expect(found({ ...reply("Thanks all."), to: colleagues, bcc: agency("tutor") })).toEqual([
      ["added", { addresses: "tutor@agency.co.uk", what }],
    ]);
  });

  it.each([
    ["the address, in any case", withThread("Tutor <TUTOR@Agency.co.uk>"), { address: "tutor@agency.co.uk" }],
    ["the display name", withThread("Ann Bell"), { name: "Ann Bell", address: "abell@county.gov.uk" }],
    ["the name the address spells", withThread("Ann Bell"), { address: "ann.bell@county.gov.uk" }],
  ])("the thread shows them by %s", (_what, body, recipient) => {
    expect(found({ ...reply("Ok."), body, to: [recipient] })).toEqual([]);
  });

  it.each([
    ["initials are not a name", withThread("K Ashdown"), { address: "k.ashdown@gmail.com" }],
    ["a name shorter than five characters", withThread("Al B"), { name: "Al B", address: "ab@county.gov.uk" }],
    ["a one-word name of seven letters", withThread("Annabel"), { name: "Annabel", address: "annabel@county.gov.uk" }],
  ])("the thread does not show them: %s", (_what, body, recipient) => {
    expect(found({ ...reply("Ok."), body, to: [recipient] })).toEqual([
      ["added", { addresses: recipient.address, what }],
    ]);
  });

  it.each([
    ["a five-character name", withThread("Jo Li"), { name: "Jo Li", address: "jl@county.gov.uk" }],
    ["a name with an initial first", withThread("A Bell"), { name: "A Bell", address: "x9@county.gov.uk" }],
    [
      "an address with spaces around it",
      withThread("Tutor <tutor@agency.co.uk>"),
      { name: "Tutor", address: " Tutor@Agency.co.uk " },
    ],
    [
      "a display name with spaces around it",
      withThread("Ann Bell"),
      { name: " Ann Bell ", address: "ab@county.gov.uk" },
    ],
  ])("the thread shows them by %s", (_what, body, recipient) => {
    expect(found({ ...reply("Ok."), body, to: [recipient] })).toEqual([]);
  });

  it("an address only in the new text above the thread is still new to the thread", () => {
    expect(
      found({
        ...reply("Adding tutor@agency.co.uk, who works with him."),
        to: [{ address: "senco@st-john-payne.sch.uk" }, ...agency("tutor")],
      }),
    ).toEqual([["added", { addresses: "tutor@agency.co.uk", what }]]);
  });

  it.each([
    [
      "a reply subject with no earlier message quoted",
      {
        subject: "RE: Oliver Ashdown",
        body: "Oliver Ashdown's EHCP review is next week; his autism assessment came back.",
      },
    ],
    ["a quoted thread under a subject that is not a reply", { subject: "Oliver Ashdown", body: reply("Ok.").body }],
    [
      "a thread with nothing personal to a new outsider",
      {
        subject: "RE: Trip",
        body: "Thanks.\n\nFrom: Jo Hart <jo.hart@st-john-payne.sch.uk>\nSent: 12 March 2026\nTo: senco@st-john-payne.sch.uk\nSubject: Trip\n\nThe trip is on Friday.",
      },
    ],
  ])("nothing for %s", (_what, draft) => {
    expect(found({ ...draft, bodyType: "text", to: agency("tutor") })).toEqual([]);
  });

  it("names the kind of detail found in an attachment's name", () => {
    const draft = {
      subject: "RE: Trip",
      body: "Attached.\n\nFrom: Jo Hart <jo.hart@st-john-payne.sch.uk>\nSent: 12 March 2026\nTo: senco@st-john-payne.sch.uk\nSubject: Trip\n\nThe trip is on Friday.",
      to: agency("tutor"),
      attachments: [{ name: "Oliver Ashdown - epilepsy care plan.docx", size: 1000 }],
    };
    expect(found(draft)).toEqual([
      ["added", { addresses: "tutor@agency.co.uk", what: "an identifiable person's health details" }],
    ]);
  });

  it("a one-word name in the thread is not enough", () => {
    expect(
      found({ ...reply("Ok."), body: withThread("Ann"), to: [{ name: "Ann", address: "ann@county.gov.uk" }] }),
    ).toEqual([["added", { addresses: "ann@county.gov.uk", what }]]);
  });

  it.each([
    ["Re[2]:", "Re[2]: Oliver Ashdown", 1],
    ["AW: (German)", "AW: Oliver Ashdown", 1],
    ["FW: is a forward, not a reply", "FW: Oliver Ashdown", 0],
  ])("subject %s", (_what, subject, count) => {
    expect(runRule(rule, { ...reply("Adding."), subject, to: agency("tutor") }, pack).findings).toHaveLength(count);
  });

  it("not when a forwarded message is in the body", () => {
    const body = `Fyi.\n\n---------- Forwarded message ---------\nFrom: X <x@y.com>\n\nOliver Ashdown's EHCP review is next week.${thread}`;
    expect(found({ subject: "RE: Oliver", body, to: agency("tutor") })).toEqual([]);
  });
});
