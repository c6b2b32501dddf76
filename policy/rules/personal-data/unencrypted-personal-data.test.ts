import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import { packWith } from "../../../test/support/packs.js";
import rule from "./unencrypted-personal-data.js";

const external = [{ address: "case.worker@county.gov.uk" }];
const internal = [{ address: "senco@delius-school.sch.uk" }];
// 943 476 5919 is a synthetic NHS number with a valid mod-11 check digit.
const nhsBody = "Dear Sam,\nOlivia Taylor's NHS number is 943 476 5919.\nKind regards";
const senBody = "Dear Sam,\nOliver Reid in Year 3 has an EHCP and a diagnosis of autism.\nKind regards";

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    {
      name: "nothing personal",
      pack: loadPolicy("delius"),
      draft: { subject: "Trip", body: "The trip is on Friday.", bodyType: "text", to: external },
    },
    {
      name: "already tagged",
      pack: loadPolicy("delius"),
      draft: { subject: "[secure] Olivia", body: nhsBody, bodyType: "text", to: external },
    },
    {
      name: "SEN policy talk without a named pupil",
      pack: loadPolicy("delius"),
      draft: {
        subject: "SEN policy",
        body: "Our SEN policy and safeguarding training are on the website.",
        bodyType: "text",
        to: external,
      },
    },
    {
      name: "checksum fails",
      pack: loadPolicy("delius"),
      draft: { subject: "Invoice", body: "Invoice number 943 476 5918 is attached.", bodyType: "text", to: external },
    },
    {
      name: "internal mail where only external must be encrypted",
      pack: packWith("delius", { encryption: { internalToo: false } }),
      draft: { subject: "Olivia", body: nhsBody, bodyType: "text", to: [{ address: "office@delius-school.sch.uk" }] },
    },
    {
      name: "the sender's own signature",
      pack: loadPolicy("delius"),
      draft: {
        subject: "Rota",
        body: "Dear all,\nThe rota is attached.\nKind regards\nMs Jo Hart\n07700 900123",
        bodyType: "text",
        to: external,
      },
    },
  ],
  invalid: [
    {
      name: "NHS number to a partner",
      pack: loadPolicy("delius"),
      draft: { subject: "Referral", body: nhsBody, bodyType: "text", to: external },
      errors: [{ messageId: "required", location: "body" }],
    },
    {
      name: "named pupil with SEN details, internally",
      pack: loadPolicy("delius"),
      draft: { subject: "Oliver", body: senBody, bodyType: "text", to: internal },
      errors: [{ messageId: "required", location: "body" }],
    },
    {
      name: "consider encryption where not required",
      pack: loadPolicy("st-dunstans"),
      draft: { subject: "Oliver", body: senBody, bodyType: "text", to: external },
      errors: [{ messageId: "consider", location: "body" }],
    },
  ],
});
