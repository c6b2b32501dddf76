import { describe, expect, it } from "vitest";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./own-personal-webmail.js";

const from = { name: "Jo Hart", address: "j.hart@st-john-payne.sch.uk" };
const draft = { subject: "Planning", body: "Planning attached", bodyType: "text" as const, from };

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { name: "a parent's gmail", draft: { ...draft, to: [{ name: "Mrs Khan", address: "ak1982@gmail.com" }] } },
    { name: "own school address", draft: { ...draft, to: [from] } },
    {
      name: "labelled personal mail to one's own webmail",
      draft: {
        ...draft,
        subject: "Personal: syndicate numbers",
        to: [{ name: "Jo Hart", address: "jojo77@gmail.com" }],
      },
    },
    // Read as personal by the personal-use model, not by its word lists: no label, no listed sign.
    {
      name: "the sender's own booking forwarded to their own webmail",
      draft: {
        ...draft,
        subject: "Fw: Your booking is confirmed",
        body: "so I have it at home\n\n---------- Forwarded message ---------\nFrom: Cottage Stays <bookings@cottagestays.example.co.uk>\nDate: Sat, 1 Mar 2025 at 09:12\nSubject: Your booking is confirmed\n\nThank you for booking Puffin Cottage, Saturday 12 July for 7 nights. Your balance of £640 is due on 1 June.",
        to: [{ name: "Jo Hart", address: "jojo77@gmail.com" }],
      },
    },
  ],
  invalid: [
    {
      name: "the same booking with the models off: only the word lists speak, and they see no personal mail",
      models: false,
      draft: {
        ...draft,
        subject: "Fw: Your booking is confirmed",
        body: "so I have it at home\n\n---------- Forwarded message ---------\nFrom: Cottage Stays <bookings@cottagestays.example.co.uk>\nDate: Sat, 1 Mar 2025 at 09:12\nSubject: Your booking is confirmed\n\nThank you for booking Puffin Cottage, Saturday 12 July for 7 nights. Your balance of £640 is due on 1 June.",
        to: [{ name: "Jo Hart", address: "jojo77@gmail.com" }],
      },
      errors: [{ messageId: "own", location: "recipients" }],
    },
    {
      name: "same display name",
      draft: { ...draft, to: [{ name: "Jo Hart", address: "jojo77@gmail.com" }] },
      errors: [{ messageId: "own", location: "recipients" }],
    },
    {
      name: "name in the address",
      draft: { ...draft, to: [{ address: "jo.hart1990@hotmail.co.uk" }] },
      errors: [{ messageId: "own", location: "recipients" }],
    },
  ],
});

describe("own-personal-webmail: what makes an account the sender's own", () => {
  const pack = loadPolicy("st-john-payne");
  const fires = (sender: { name?: string; address: string }, recipient: { name?: string; address: string }) =>
    runRule(rule, { ...draft, from: sender, to: [recipient] }, pack).findings.length > 0;

  it.each([
    ["the same name in another case and spacing", from, { name: "JO  HART", address: "x1@gmail.com" }],
    ["both parts of the name in the address, in capitals", from, { address: "HART.JO@Gmail.com" }],
    [
      "a four-letter name",
      { name: "Jo Li", address: "j.li@st-john-payne.sch.uk" },
      { name: "Jo Li", address: "x@gmail.com" },
    ],
    // A short form of the given name (development part AF: "for home", to Cath Ward <cathward.home@…>).
    [
      "a short form of the given name, shown",
      { name: "Catherine Ward", address: "c.ward@st-john-payne.sch.uk" },
      { name: "Cath Ward", address: "cw.home@gmail.com" },
    ],
    [
      "a short form of the given name heading the address, with the surname",
      { name: "Catherine Ward", address: "c.ward@st-john-payne.sch.uk" },
      { address: "cathward.home@gmail.com" },
    ],
  ])("%s", (_what, sender, recipient) => {
    expect(fires(sender, recipient)).toBe(true);
  });

  it.each([
    [
      "a sender name under four letters",
      { name: "Jo Y", address: "j.y@st-john-payne.sch.uk" },
      { name: "Jo Y", address: "x@gmail.com" },
    ],
    ["one part of the name in the address", from, { address: "jo.smith@gmail.com" }],
    [
      "a short form of the given name, another surname",
      { name: "Catherine Ward", address: "c.ward@st-john-payne.sch.uk" },
      { name: "Cath Wardle", address: "cathy.w@gmail.com" },
    ],
    [
      "the surname alone in the address",
      { name: "Catherine Ward", address: "c.ward@st-john-payne.sch.uk" },
      { address: "ward.family@gmail.com" },
    ],
    [
      "a one-letter part does not count as a part",
      { name: "J Hartley", address: "j@st-john-payne.sch.uk" },
      { address: "hartley@gmail.com" },
    ],
    ["no sender name", { address: "j.hart@st-john-payne.sch.uk" }, { address: "jo.hart@gmail.com" }],
    // Single letters are not parts of a name, even when the address has them.
    [
      "an initial and one part",
      { name: "J Hartley", address: "j@st-john-payne.sch.uk" },
      { address: "jhartley@gmail.com" },
    ],
    // Only the address before the "@" is read, not the webmail's own name.
    [
      "the parts of the name only in the domain",
      { name: "Mai Com", address: "m.com@st-john-payne.sch.uk" },
      { address: "x@gmail.com" },
    ],
  ])("not %s", (_what, sender, recipient) => {
    expect(fires(sender, recipient)).toBe(false);
  });
});
