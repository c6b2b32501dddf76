import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./personal-use.js";

const personalBody = "Hi, are we still on for dinner tonight? Also my mortgage offer came through! x";

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    {
      name: "labelled",
      pack: loadPolicy("st-dunstans"),
      draft: { subject: "personal: tonight", body: personalBody, bodyType: "text" },
    },
    {
      name: "bracketed label",
      pack: loadPolicy("lt2"),
      draft: { subject: "Tonight [Personal]", body: personalBody, bodyType: "text" },
    },
    {
      name: "school business",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Personal development plan",
        body: "My pupils' reports are due this weekend.",
        bodyType: "text",
      },
    },
    {
      name: "one personal word only",
      pack: loadPolicy("palfrey"),
      draft: {
        subject: "Cover",
        body: "I have a dentist appointment this weekend so cannot run the club.",
        bodyType: "text",
      },
    },
    {
      name: "personal mail allowed",
      pack: loadPolicy("delius"),
      draft: { subject: "Tonight", body: personalBody, bodyType: "text" },
    },
  ],
  invalid: [
    {
      name: "unlabelled where labelling is required",
      pack: loadPolicy("st-dunstans"),
      draft: { subject: "Tonight", body: personalBody, bodyType: "text" },
      errors: [{ messageId: "unlabelled", location: "subject" }],
    },
    {
      name: "'personal development' is not a label",
      pack: loadPolicy("lt2"),
      draft: { subject: "Personal development", body: personalBody, bodyType: "text" },
      errors: [{ messageId: "unlabelled", location: "subject" }],
    },
    {
      name: "personal mail prohibited",
      pack: loadPolicy("palfrey"),
      draft: { subject: "Personal: tonight", body: personalBody, bodyType: "text" },
      errors: [{ messageId: "prohibited", location: "body" }],
    },
  ],
});
