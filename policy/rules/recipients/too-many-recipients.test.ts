import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./too-many-recipients.js";

const staff = (n: number) => Array.from({ length: n }, (_, i) => ({ address: `t${i}@st-john-payne.sch.uk` }));
const draft = { subject: "Rota", body: "Hello", bodyType: "text" as const };

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: { ...draft, to: staff(10) } },
    { draft: { ...draft, bcc: staff(50) } },
    {
      name: "the sender in To is not one of those it goes to",
      draft: { ...draft, from: { address: "t0@st-john-payne.sch.uk" }, to: staff(1), bcc: staff(51).slice(1) },
    },
  ],
  invalid: [
    { draft: { ...draft, to: staff(40), cc: staff(20) }, errors: [{ messageId: "many", location: "recipients" }] },
  ],
});
