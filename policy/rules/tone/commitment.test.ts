import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./commitment.js";

const body = (text: string) => ({ subject: "Minibus hire", body: text, bodyType: "text" as const });

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: body("Could you send a quote for the minibus hire? I will pass it to the business manager.") },
    { draft: body("I agree with your point about the timetable.") },
  ],
  invalid: [
    {
      draft: body("We accept your quote of £1,200 and will pay on delivery."),
      errors: [{ messageId: "commitment", location: "body" }],
    },
    {
      draft: body("Please take this email as confirmation of our order for 30 laptops."),
      errors: [{ messageId: "commitment", location: "body" }],
    },
    {
      draft: body("We agree to the terms and are happy to proceed."),
      errors: [{ messageId: "commitment", location: "body" }],
    },
  ],
});
