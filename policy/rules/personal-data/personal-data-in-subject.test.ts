import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./personal-data-in-subject.js";

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: { subject: "Year 3 EHCP review dates", body: "Hello", bodyType: "text" } },
    { draft: { subject: "Meeting with Mrs Patel", body: "Hello", bodyType: "text" } },
    { draft: { subject: "Invoice 943 476 5918", body: "Hello", bodyType: "text" } },
  ],
  invalid: [
    {
      name: "named pupil and SEN",
      draft: { subject: "Oliver Reid EHCP and autism diagnosis", body: "Hello", bodyType: "text" },
      errors: [{ messageId: "subject", location: "subject" }],
    },
    {
      name: "NHS number",
      draft: { subject: "NHS 943 476 5919 referral", body: "Hello", bodyType: "text" },
      errors: [{ messageId: "subject", location: "subject" }],
    },
    {
      name: "date of birth",
      draft: { subject: "Amelia Khan DOB 12/03/2016", body: "Hello", bodyType: "text" },
      errors: [{ messageId: "subject", location: "subject" }],
    },
  ],
});
