import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./missing-disclaimer.js";

const disclaimer = loadPolicy("palfrey").etiquette.disclaimer.text;

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { pack: loadPolicy("palfrey"), draft: { subject: "Hello", body: `Dear all\n\n${disclaimer}`, bodyType: "text" } },
    {
      name: "not required",
      pack: loadPolicy("st-dunstans"),
      draft: { subject: "Hello", body: "Dear all", bodyType: "text" },
    },
  ],
  invalid: [
    {
      pack: loadPolicy("palfrey"),
      draft: { subject: "Hello", body: "Dear all", bodyType: "text" },
      errors: [{ messageId: "missing", location: "body" }],
    },
    {
      pack: loadPolicy("palfrey"),
      draft: { subject: "Hello", body: "<p>Dear all</p>", bodyType: "html" },
      errors: [{ messageId: "missing", location: "body" }],
    },
  ],
});
