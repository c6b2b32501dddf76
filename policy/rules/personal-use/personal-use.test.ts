import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./personal-use.js";

const personalBody = "Hi, are we still on for dinner tonight? Also my mortgage offer came through! x";

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    {
      name: "a price by the piece alone: the school trip's £5 each",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Trip",
        body: "Dear parents, the Year 4 trip costs £5 each, payable on ParentPay.",
        bodyType: "text",
      },
    },
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
      // Delius allows "limited reasonable personal use" but not "personal business or financial interests".
      name: "personal mail allowed",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Tonight",
        body: "Hi, are we still on for dinner tonight? I've booked the table for 7. x",
        bodyType: "text",
      },
    },
    {
      name: "school business outweighs selling words (PTA raffle for the summer fair)",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Summer fair",
        body: "Dear all, the PTA is selling raffle tickets for the summer fair on behalf of the school. Thank you for your support.",
        bodyType: "text",
      },
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
      errors: [{ messageId: "prohibited", location: "body", fixKind: null }],
    },
    {
      name: "a price by the piece with another sign: a dog-walking business at Delius",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Dog walking",
        body: "Hi all, I'm starting a little dog walking business at weekends, £10 per walk. Let me know! Kelly",
        bodyType: "text",
      },
      errors: [{ messageId: "forbiddenKind", location: "body" }],
    },
    {
      name: "pursuing a personal financial interest where the school forbids it (Delius)",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Re: mortgage application",
        body: "Hi, I've uploaded my payslips for the mortgage offer. Can the mortgage adviser call me after 4?",
        bodyType: "text",
      },
      errors: [{ messageId: "forbiddenKind", location: "body", data: { kind: "personal finance" } }],
    },
    {
      name: "selling where personal mail is allowed but personal business is not (Delius)",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Ford Focus for sale",
        body: "Hi all, I'm selling my Ford Focus, full service history, low mileage, £3,500 ono. Message me if interested.",
        bodyType: "text",
      },
      errors: [{ messageId: "forbiddenKind", location: "body", data: { kind: "selling something" } }],
    },
    {
      name: "personal advertising is not allowed even when labelled (St John Payne)",
      pack: loadPolicy("st-john-payne"),
      draft: {
        subject: "Personal: my little business",
        body: "Hi everyone, I've started selling Scentsy from home - use my code SJP10 for 10% off!",
        bodyType: "text",
      },
      errors: [{ messageId: "forbiddenKind", location: "body", data: { kind: "a side business" } }],
    },
    {
      name: "one personal sign is enough when it goes only to personal webmail",
      pack: loadPolicy("st-dunstans"),
      draft: {
        subject: "Saturday",
        body: "Are the kids still coming round on Saturday?",
        bodyType: "text",
        to: [{ name: "Gemma", address: "gemma.r@gmail.com" }],
      },
      errors: [
        { messageId: "unlabelled", location: "subject", fixKind: "prefix-subject", data: { label: "personal" } },
      ],
    },
  ],
});
