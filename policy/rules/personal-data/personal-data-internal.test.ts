import { packFor, ruleTester } from "../../engine/rule-tester.js";
import rule from "./personal-data-internal.js";

const colleague = { name: "Sam Green", address: "s.green@st-john-payne.sch.uk" };
const x500 = {
  name: "Kit Moss",
  address: "/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=0f1e2d3c-kit.moss",
};
const parent = { name: "Kerry Lane", address: "kerry.lane@example.com" };
const from = { name: "Jo Hart", address: "j.hart@st-john-payne.sch.uk" };
const sen =
  "Dear Sam,\nAmy Shaw in 9R has an EHCP for autism, so please read her pupil passport first.\nKind regards\nJo Hart";

/** The info line for special-category details that stay inside the school. */
const internalSensitive = {
  messageId: "internal",
  location: "body",
  severity: "info",
  fixKind: null,
  // Which details, as the rules for outside mail say it (a new user's trial: the tip named no kind).
  data: { what: "an identifiable person's SEN and health details" },
  // …and the words, for the pane to show beside it.
  spanTexts: ["EHCP", "autism"],
} as const;

ruleTester(rule, {
  valid: [
    {
      name: "where internal mail is encrypted too, the encryption rule speaks",
      pack: packFor("st-john-payne", { encryption: { required: true, internalToo: true } }),
      draft: { subject: "Amy", body: sen, to: [colleague], from },
    },

    {
      name: "no personal data",
      draft: { subject: "Cover", body: "Dear Sam,\nCan you cover 9R?\nThanks\nJo", to: [colleague], from },
    },
    {
      name: "a name alone",
      draft: { subject: "Cover", body: "Dear Sam,\nAmy Shaw is in 9R.\nThanks\nJo", to: [colleague], from },
    },
    {
      name: "an external recipient: the external rules speak",
      draft: { subject: "Amy", body: sen, to: [colleague, parent], from },
    },
    {
      name: "a school that encrypts internal mail too: the encryption rule speaks",
      policy: "delius",
      draft: { subject: "Amy", body: sen, to: [{ name: "T", address: "t@delius-school.sch.uk" }], from },
    },
    {
      name: "an unresolved contact group cannot be judged internal",
      draft: { subject: "Amy", body: sen, to: [{ name: "Year 9 team", address: "Year 9 team" }], from },
    },
  ],
  invalid: [
    {
      name: "encryption required for outside mail only: still a tip inside",
      pack: packFor("st-john-payne", { encryption: { required: true, internalToo: false } }),
      draft: { subject: "Amy", body: sen, to: [colleague], from },
      errors: [{ messageId: "internal", location: "body", severity: "info" }],
    },
    {
      name: "special-category details about a named pupil to colleagues",
      draft: { subject: "Amy", body: sen, to: [colleague], from },
      errors: [internalSensitive],
    },
    {
      name: "colleagues addressed by X500 are inside the school",
      draft: { subject: "Amy", body: sen, to: [x500], from },
      errors: [internalSensitive],
    },
    {
      name: "a date of birth with its context after it",
      draft: {
        subject: "New pupil",
        body: "Dear Sam,\nAmy Shaw joins Year 5 next week; 04/06/2016 is her birthday.\nKind regards\nJo Hart",
        to: [colleague],
        from,
      },
      errors: [
        { messageId: "internal", location: "body", severity: "info", fixKind: null, data: { what: "a date of birth" } },
      ],
    },
  ],
});
