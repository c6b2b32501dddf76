import { describe, expect, it } from "vitest";
import type { DraftInput } from "../../engine/draft.js";
import { packFor, ruleTester, runRule } from "../../engine/rule-tester.js";
import { Rng, nhsNumber, spacedNhs } from "../../../test/support/synthetic.js";
import rule from "./personal-data-to-external.js";

const nhs = spacedNhs(nhsNumber(new Rng(31)));
const nhsBody = `Dear Sam,\n\nOlivia Ashdown's NHS number is ${nhs}.\n\nKind regards,\nJo`;
const senBody = "Dear Mr Carrow,\n\nOliver Ashdown has an EHCP and takes medication at lunch.\n\nKind regards,\nJo";
const parentGmail = [{ name: "Kate Ashdown", address: "kate.ashdown@gmail.com" }];
const partner = [{ address: "case.worker@county.gov.uk" }];

ruleTester(rule, {
  policy: "delius",
  valid: [
    {
      name: "nothing personal to a parent's Gmail",
      draft: {
        subject: "Trip",
        body: "Dear Mrs Ashdown,\n\nThe trip is on Friday.\n\nKind regards,\nJo",
        to: parentGmail,
      },
    },
    {
      name: "personal data kept inside the school",
      draft: { subject: "Referral", body: nhsBody, to: [{ address: "senco@delius-school.sch.uk" }] },
    },
    {
      name: "personal data to a trusted partner (the local authority)",
      pack: { recipients: { trustedDomains: ["county.gov.uk"] } },
      draft: { subject: "Referral", body: nhsBody, to: partner },
    },
    {
      name: "SEN policy talk to a parent's Gmail",
      draft: {
        subject: "SEN policy",
        body: "Dear parent,\n\nOur SEN policy is on the website.\n\nThanks,\nJo",
        to: parentGmail,
      },
    },
    {
      name: "no encryption requirement: unencrypted-personal-data's steps say it once",
      policy: "st-john-payne",
      draft: { subject: "Oliver", body: senBody, to: parentGmail },
    },
    {
      name: "an invoice number failing the checksum",
      draft: { subject: "Invoice", body: "Invoice 943 476 5918 is attached.", to: parentGmail },
    },
  ],
  invalid: [
    {
      name: "a named pupil's SEN details to a parent's Gmail, unencrypted",
      draft: { subject: "Oliver", body: senBody, to: parentGmail },
      errors: [
        {
          messageId: "webmail",
          location: "recipients",
          severity: "nudge",
          data: { what: "an identifiable person's SEN and health details", addresses: "kate.ashdown@gmail.com" },
        },
      ],
    },
    {
      name: "an NHS number to an organisation outside the school",
      draft: { subject: "Referral", body: nhsBody, to: partner },
      errors: [
        {
          messageId: "external",
          location: "recipients",
          severity: "info",
          data: { what: "an NHS number", addresses: "case.worker@county.gov.uk" },
        },
      ],
    },
    {
      name: "webmail among other external recipients is the one named",
      draft: { subject: "Oliver", body: senBody, to: partner, cc: parentGmail },
      errors: [
        {
          messageId: "webmail",
          location: "recipients",
          severity: "nudge",
          data: { what: "an identifiable person's SEN and health details", addresses: "kate.ashdown@gmail.com" },
        },
      ],
    },
    {
      name: "encrypted mail to a parent's Gmail is still worth a look",
      draft: { subject: "[secure] Oliver", body: senBody, to: parentGmail },
      errors: [
        {
          messageId: "webmail",
          location: "recipients",
          severity: "info",
          data: { what: "an identifiable person's SEN and health details", addresses: "kate.ashdown@gmail.com" },
        },
      ],
    },
  ],
});

describe("personal-data-to-external severity", () => {
  const pack = packFor("delius");
  const severityOf = (draft: DraftInput) => runRule(rule, draft, pack).findings.map((finding) => finding.severity);

  it("nudges for unencrypted personal data to personal webmail", () => {
    expect(severityOf({ subject: "Oliver", body: senBody, to: parentGmail })).toEqual(["nudge"]);
  });

  it("is a tip once the mail is encrypted, or when it goes to an organisation", () => {
    expect(severityOf({ subject: "[secure] Oliver", body: senBody, to: parentGmail })).toEqual(["info"]);
    expect(severityOf({ subject: "Referral", body: nhsBody, to: partner })).toEqual(["info"]);
  });
});

describe("personal-data-to-external: trusted partners and the list of addresses", () => {
  const trusting = packFor("delius", { recipients: { trustedDomains: ["county.gov.uk"] } });
  const found = (to: { address: string }[], pack = packFor("delius"), subject = "Referral") =>
    runRule(rule, { subject, body: nhsBody, to }, pack).findings.map((finding) => [
      finding.messageId,
      finding.data?.addresses,
    ]);

  it.each([
    ["a subdomain of a trusted partner is trusted", [{ address: "x@social.county.gov.uk" }], []],
    ["another organisation is not", [{ address: "x@other.org.uk" }], [["external", "x@other.org.uk"]]],
    [
      "a domain that only ends with the partner's name is not",
      [{ address: "x@badcounty.gov.uk" }],
      [["external", "x@badcounty.gov.uk"]],
    ],
  ])("%s", (_what, to, expected) => {
    expect(found(to, trusting)).toEqual(expected);
  });

  const orgs = (...names: string[]) => names.map((name) => ({ address: `${name}@other.org.uk` }));
  it.each([
    [orgs("a", "b"), "a@other.org.uk, b@other.org.uk"],
    [orgs("a", "b", "c"), "a@other.org.uk, b@other.org.uk, c@other.org.uk"],
    [orgs("a", "b", "c", "d"), "a@other.org.uk, b@other.org.uk, c@other.org.uk and 1 more"],
    [orgs("a", "b", "c", "d", "e"), "a@other.org.uk, b@other.org.uk, c@other.org.uk and 2 more"],
  ])("lists %j as %s", (to, addresses) => {
    expect(found(to)).toEqual([["external", addresses]]);
  });

  it("names the kind of detail found in an attachment's name", () => {
    const draft = {
      subject: "Files",
      body: "Dear Sam,\n\nPlease see attached.\n\nKind regards,\nJo",
      to: partner,
      attachments: [{ name: "Oliver Ashdown EHCP.pdf", size: 1000 }],
    };
    expect(runRule(rule, draft, packFor("delius")).findings.map((finding) => finding.data)).toEqual([
      { what: "an identifiable person's SEN details", addresses: "case.worker@county.gov.uk" },
    ]);
  });

  it("nothing for encrypted mail to an organisation", () => {
    expect(found(partner, packFor("delius"), "[secure] Referral")).toEqual([]);
  });
});
