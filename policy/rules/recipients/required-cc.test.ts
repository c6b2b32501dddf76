import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./required-cc.js";

const draft = { subject: "Homework", body: "Dear Mrs Khan", bodyType: "text" as const };
const head = { address: "headteacher@st-john-payne.sch.uk" };

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { name: "head copied", draft: { ...draft, to: [{ address: "akhan@gmail.com" }], cc: [head] } },
    { name: "not to a parent", draft: { ...draft, to: [{ address: "office@county.gov.uk" }] } },
    {
      name: "school without the rule",
      pack: loadPolicy("st-dunstans"),
      draft: { ...draft, to: [{ address: "akhan@gmail.com" }] },
    },
  ],
  invalid: [
    {
      name: "parent without the head",
      draft: { ...draft, to: [{ address: "akhan@gmail.com" }] },
      errors: [{ messageId: "missing", location: "recipients" }],
    },
  ],
});
