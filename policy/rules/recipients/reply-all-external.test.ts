import { ruleTester } from "../../engine/rule-tester.js";
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
