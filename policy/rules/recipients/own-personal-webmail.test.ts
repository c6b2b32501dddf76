import { ruleTester } from "../../engine/rule-tester.js";
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
  ],
  invalid: [
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
