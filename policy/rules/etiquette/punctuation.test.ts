import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./punctuation.js";

const body = (text: string) => ({ subject: "Sports day", body: text, bodyType: "text" as const });

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: body("Well done everyone!") },
    { draft: body("Really?! That is great news.") },
    { draft: body("Is it Tuesday? Or Wednesday?") },
  ],
  invalid: [
    {
      name: "three exclamation marks",
      draft: body("Thanks for NOTHING!!!"),
      errors: [{ messageId: "repeated", location: "body", data: { sample: "!!!" }, spanTexts: ["!!!"] }],
    },
    {
      name: "question marks",
      draft: body("Where is the register???"),
      errors: [{ messageId: "repeated", location: "body", data: { sample: "???" }, spanTexts: ["???"] }],
    },
    {
      name: "mixed run",
      draft: body("Seriously?!?!"),
      errors: [{ messageId: "repeated", location: "body", data: { sample: "?!?!" }, spanTexts: ["?!?!"] }],
    },
    {
      // A new user's trial: each different run is named, the first two of them, once each.
      name: "two kinds of run, one repeated",
      draft: body("Reports are due on Friday!!! Has everyone finished??? Friday!!! Really?!?!"),
      errors: [
        {
          messageId: "repeated",
          location: "body",
          data: { sample: "!!!' and '???" },
          spanTexts: ["!!!", "???", "!!!", "?!?!"],
        },
      ],
    },
    {
      name: "in the subject",
      draft: { subject: "Why??? again", body: "See below.", bodyType: "text" },
      errors: [{ messageId: "repeated", location: "subject", data: { sample: "???" }, spanTexts: ["???"] }],
    },
  ],
});

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [{ name: "two marks are not a run", draft: body("Really?? Done!! And?!") }],
  invalid: [
    {
      name: "a run among shorter ones",
      draft: body("Why?? Really!!! And?!"),
      errors: [{ messageId: "repeated", location: "body", data: { sample: "!!!" }, spanTexts: ["!!!"] }],
    },
  ],
});
