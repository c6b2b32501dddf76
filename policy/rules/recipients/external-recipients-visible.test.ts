import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./external-recipients-visible.js";

const parents = (n: number) => Array.from({ length: n }, (_, i) => ({ address: `parent${i + 1}@gmail.com` }));
const draft = { subject: "Trip", body: "Dear parents", bodyType: "text" as const };

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { name: "parents in Bcc", draft: { ...draft, bcc: parents(30) } },
    { name: "at the threshold", draft: { ...draft, to: parents(3) } },
    {
      name: "colleagues",
      draft: { ...draft, to: Array.from({ length: 9 }, (_, i) => ({ address: `t${i}@st-john-payne.sch.uk` })) },
    },
  ],
  invalid: [
    {
      name: "parents in To",
      draft: { ...draft, to: parents(6) },
      errors: [{ messageId: "visible", location: "recipients" }],
    },
    {
      name: "parents in Cc",
      draft: { ...draft, to: [{ address: "office@st-john-payne.sch.uk" }], cc: parents(4) },
      errors: [{ messageId: "visible", location: "recipients" }],
    },
  ],
});
