import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./hostile-wording.js";

const body = (text: string) => ({ subject: "Yesterday", body: text, bodyType: "text" as const });

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: body("Dear Tom, thank you for covering my class. Kind regards") },
    { draft: body("The old printer is slow; IT are replacing it.") },
    { draft: body("I was disappointed with the outcome, and I'd like to talk it through.") },
    { name: "medical term", draft: body("Sam has a lazy eye and needs to sit near the front.") },
  ],
  invalid: [
    {
      name: "calls someone incompetent",
      draft: body("Frankly the new head of maths is incompetent."),
      errors: [{ messageId: "hostile", location: "body" }],
    },
    {
      name: "abusive",
      draft: body("Only an idiot would book the hall twice."),
      errors: [{ messageId: "hostile", location: "body" }],
    },
    {
      name: "threatening",
      draft: body("Fix it by Friday or else."),
      errors: [{ messageId: "hostile", location: "body" }],
    },
    {
      name: "criticising another school",
      draft: body("Between us, that school is a joke and their teachers are useless."),
      errors: [{ messageId: "hostile", location: "body" }],
    },
    {
      name: "obscene in subject",
      draft: { subject: "wtf happened", body: "See below.", bodyType: "text" },
      errors: [{ messageId: "hostile", location: "subject" }],
    },
  ],
});
