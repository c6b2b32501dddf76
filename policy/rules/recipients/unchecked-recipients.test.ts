import { describe, expect, it } from "vitest";
import { normalizeDraft } from "../../engine/draft.js";
import { applyFix } from "../../engine/fix.js";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./unchecked-recipients.js";

const pack = loadPolicy("st-john-payne");
const draft = {
  subject: "Trip",
  body: "Dear all,\n\nThe trip is on Friday.\n\nThanks,\nJo",
  bodyType: "text" as const,
};

ruleTester(rule, {
  pack,
  valid: [
    {
      name: "ordinary addresses",
      draft: { ...draft, to: [{ address: "a@gmail.com" }, { address: "b@st-john-payne.sch.uk" }] },
    },
    {
      name: "an X500 address is inside the school",
      draft: {
        ...draft,
        to: [{ name: "Jo Hart", address: "/o=ExchangeLabs/ou=Exchange Administrative Group/cn=Recipients/cn=jhart" }],
      },
    },
  ],
  invalid: [
    {
      name: "a contact group of parents in To",
      draft: { ...draft, to: [{ name: "7C Parents", address: "7C Parents" }] },
      errors: [{ messageId: "mayHideParents", location: "recipients" }],
    },
    {
      name: "a contact group of parents already in Bcc is only unchecked",
      draft: { ...draft, bcc: [{ name: "7C Parents", address: "7C Parents" }] },
      errors: [{ messageId: "unchecked", location: "recipients" }],
    },
    {
      name: "an unresolved name",
      draft: { ...draft, to: [{ name: "Jo Hart", address: "Jo Hart" }] },
      errors: [{ messageId: "unchecked" }],
    },
    {
      name: "both",
      draft: { ...draft, to: [{ name: "Year 3 families", address: "Year 3 families" }], cc: [{ address: "" }] },
      errors: [{ messageId: "mayHideParents" }, { messageId: "unchecked" }],
    },
  ],
});

describe("unchecked-recipients", () => {
  it("nudges for a parent list in To and is info otherwise", () => {
    const severities = runRule(
      rule,
      { ...draft, to: [{ name: "7C Parents", address: "7C Parents" }], cc: [{ address: "Sam" }] },
      pack,
    ).findings.map((finding) => finding.severity);
    expect(severities).toEqual(["nudge", "info"]);
  });

  it("moving the group to Bcc leaves only the tip that it cannot be checked", () => {
    const input = { ...draft, to: [{ name: "7C Parents", address: "7C Parents" }] };
    const [finding] = runRule(rule, input, pack).findings;
    if (!finding?.fix) throw new Error("no fix");
    const after = runRule(rule, applyFix(normalizeDraft(input), finding.fix), pack).findings;
    expect(after.map((f) => [f.messageId, f.severity])).toEqual([["unchecked", "info"]]);
  });
});
