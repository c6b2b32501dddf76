import { describe, expect, it } from "vitest";
import { ruleTester } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import type { PolicyPack } from "../../pack/schema.js";
import rule, { isPupilAddress } from "./own-contact-details.js";

const sjp = loadPolicy("st-john-payne");
const pupil = { name: "Ryan Whitley", address: "r.whitley@students.st-john-payne.sch.uk" };
const colleague = { name: "Sam Patel", address: "s.patel@st-john-payne.sch.uk" };
const toPupil = (body: string, to = [pupil]) => ({ subject: "Revision", body, bodyType: "text" as const, to });

ruleTester(rule, {
  pack: sjp,
  valid: [
    {
      name: "a colleague given the sender's mobile",
      draft: toPupil("Hi Sam, text me on 07700 900456 if the coach is late.", [colleague]),
    },
    {
      name: "school channels only",
      draft: toPupil("Dear Ryan,\n\nPost your questions on Teams and I'll reply there."),
    },
    // A new user's trial: someone else's number, and a phone the school gives staff.
    {
      name: "a work placement's contact number",
      draft: toPupil("Your work experience contact at the garage is Mr Dean; his mobile is 07700 900555."),
    },
    {
      name: "a parent's number passed on",
      draft: toPupil("If there is a problem on the trip, Amelia's dad's number is 07700 900987."),
    },
    {
      name: "the sender's work mobile",
      draft: toPupil("You can call me on my work mobile 07700 900456 during the DofE expedition."),
    },
    {
      name: "the school's own number",
      draft: toPupil("Dear Ryan,\n\nRing the school office on 01245 000000 if you are ill.\n\nMr Hart"),
      pack: { ...sjp, school: { ...sjp.school, phones: ["01245 000000"] } },
    },
    {
      name: "a trip mobile the school answers",
      draft: toPupil("Dear Ryan,\n\nOn the day, ring the trip mobile on 07700 900123 if you are lost.\n\nMr Hart"),
    },
    { name: "a work address", draft: toPupil("Dear Ryan, email me at j.hart@st-john-payne.sch.uk with questions.") },
    {
      // The pupil's own message quoted below the reply: his words, not the sender's.
      name: "a mobile only in the quoted message",
      draft: toPupil(
        "Dear Ryan, please use Teams for this.\n\nMr Hart\n\n-----Original Message-----\nFrom: Ryan Whitley\nSent: 02 March 2026 18:10\nTo: Jo Hart\nSubject: Revision\n\nSir my mums number is 07700 900789 if you need her",
      ),
    },
  ],
  invalid: [
    {
      // A new user's trial: St John Payne's agreement forbids exactly this.
      name: "a mobile and Snapchat given to a pupil",
      draft: toPupil(
        "Dear Ryan,\n\nIf you get stuck with the revision over Easter just text me on 07700 900456 or add me on Snapchat (mrhart84).\n\nKind regards,\nMr Hart",
      ),
      errors: [
        {
          messageId: "own",
          location: "body",
          data: { what: "mobile number and social media" },
          spanTexts: ["07700 900456", "add me on"],
        },
      ],
    },
    {
      name: "a personal email address, the pupil in Cc",
      draft: { ...toPupil("Email me at jhart84@gmail.com over the holidays."), to: [colleague], cc: [pupil] },
      errors: [{ messageId: "own", data: { what: "personal email address" }, spanTexts: ["jhart84@gmail.com"] }],
    },
    {
      name: "a +44 mobile to a pupil on the pack's own pupil domain",
      pack: { ...sjp, recipients: { ...sjp.recipients, pupilDomains: ["sjp-learners.org.uk"] } },
      draft: toPupil("Call me on +44 7700 900456 tonight.", [{ name: "Ryan", address: "ryan.w@sjp-learners.org.uk" }]),
      errors: [{ messageId: "own", data: { what: "mobile number" }, spanTexts: ["+44 7700 900456"] }],
    },
  ],
});

describe("isPupilAddress", () => {
  const withDomains = (pupilDomains: string[]): PolicyPack => ({
    ...sjp,
    recipients: { ...sjp.recipients, pupilDomains },
  });
  it.each([
    ["r.whitley@students.st-john-payne.sch.uk", true],
    ["r.whitley@pupils.st-john-payne.sch.uk", true],
    ["r.whitley@st-john-payne.sch.uk", false], // staff
    ["r.whitley@students.other-school.sch.uk", false], // not this school's
    ["r.whitley@gmail.com", false],
    ["/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=rwhitley", false],
  ])("%s → %s", (address, expected) => {
    expect(isPupilAddress(address, sjp)).toBe(expected);
  });
  it("reads the pack's own pupil domains and their subdomains", () => {
    expect(isPupilAddress("ryan@sjp-learners.org.uk", withDomains(["sjp-learners.org.uk"]))).toBe(true);
    expect(isPupilAddress("ryan@y9.sjp-learners.org.uk", withDomains(["sjp-learners.org.uk"]))).toBe(true);
    expect(isPupilAddress("ryan@sjp-learners.org.uk", sjp)).toBe(false);
  });
});
