import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./commitment.js";

const body = (text: string) => ({ subject: "Minibus hire", body: text, bodyType: "text" as const });

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { name: "accepting a fact, not terms", draft: body("We accept that the trip was cancelled.") },
    { name: "asking for a quote", draft: body("Could you send a quote for 30 laptops?") },
    {
      name: "proceeding with a trip, not a purchase",
      draft: body("We are happy to proceed with the trip to the zoo."),
    },
    { name: "accepting an invitation", draft: body("I'd be happy to accept the invitation to speak.") },
    {
      name: "a supplier's acceptance in the message being answered",
      draft: body("Dear all,\n\nThanks.\n\n-----Original Message-----\nFrom: Sales\n\nWe accept your quote of £1,200."),
    },

    { draft: body("Could you send a quote for the minibus hire? I will pass it to the business manager.") },
    { draft: body("I agree with your point about the timetable.") },
    {
      name: "held back by a condition",
      draft: body("Once the business manager has approved it, we will accept the quote."),
    },
    { name: "a refusal", draft: body("We will not be accepting the renewal price of £2,400 this year.") },
    {
      name: "the supplier's acceptance quoted below a reply is not the sender's",
      draft: body(
        "Thanks, noted.\n\nOn Mon, 3 Mar 2025 at 10:02, Sales <sales@example.com> wrote:\n> We accept your order and agree to the price of £900.",
      ),
    },
  ],
  invalid: [
    {
      name: "the school as the one accepting (third person)",
      draft: body(
        "I am pleased to confirm that the school accepts your tender for coach hire at the rates in your schedule.",
      ),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["pleased to confirm that"] }],
    },
    {
      name: "going with an option on a lease",
      draft: body("We're happy to go with the Canon option on the 60-month lease at £612 per quarter."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["happy to go with"] }],
    },
    {
      name: "this email as the order",
      draft: body("Please take this email as our order for the 24-month contract."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["take this email as our"] }],
    },
    {
      name: "acceptance and a commercial object in one sentence",
      draft: body("We are happy to accept your quotation of £4,200 and go ahead with the three-year contract."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["happy to accept"] }],
    },
    {
      draft: body("We accept your quote of £1,200 and will pay on delivery."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["We accept your quote"] }],
    },
    {
      draft: body("Please take this email as confirmation of our order for 30 laptops."),
      errors: [
        {
          messageId: "commitment",
          location: "body",
          spanTexts: ["Please take this email as confirmation of our order"],
        },
      ],
    },
    {
      draft: body("We agree to the terms and are happy to proceed."),
      errors: [{ messageId: "commitment", location: "body", spanTexts: ["We agree to the terms"] }],
    },
  ],
});
