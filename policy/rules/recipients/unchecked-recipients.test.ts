import { describe, expect, it } from "vitest";
import { normalizeDraft } from "../../engine/draft.js";
import { applyFix } from "../../engine/fix.js";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./unchecked-recipients.js";

// The rule as it ships, at its default severity: St John Payne's own pack sets it to info (docs/deploy.md).
const pack = { ...loadPolicy("st-john-payne"), rules: {} };
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

describe("unchecked-recipients: how the entries are named", () => {
  const pack = loadPolicy("st-john-payne");
  const found = (input: Parameters<typeof runRule>[1]) =>
    runRule(rule, { subject: "Trip", body: "Dear all,\n\nThe trip is on Friday.", ...input }, pack).findings.map(
      (finding) => [finding.messageId, finding.data],
    );

  it("names up to three, then counts the rest", () => {
    const groups = ["Book club", "Choir", "Chess", "Drama"].map((name) => ({ name, address: name }));
    expect(found({ to: groups.slice(0, 3) })).toEqual([
      ["unchecked", { names: "Book club, Choir, Chess", reason: "no e-mail address (a contact group?)" }],
    ]);
    expect(found({ to: groups })).toEqual([
      ["unchecked", { names: "Book club, Choir, Chess and 1 more", reason: "no e-mail address (a contact group?)" }],
    ]);
  });

  it("shows the address when there is no name, and says when there is neither", () => {
    expect(found({ cc: [{ address: "Book club" }] })).toEqual([
      ["unchecked", { names: "Book club", reason: "no e-mail address (a contact group?)" }],
    ]);
    expect(found({ cc: [{ name: " ", address: "" }] })).toEqual([
      ["unchecked", { names: "(no name)", reason: "no address" }],
    ]);
  });

  it("a list of parents in To or Cc by its name or, without one, its address", () => {
    expect(found({ to: [{ name: "Year 6 Parents", address: "Year 6 Parents" }] })).toEqual([
      ["mayHideParents", { names: "Year 6 Parents" }],
    ]);
    expect(found({ to: [{ address: "PTA committee" }] })).toEqual([["mayHideParents", { names: "PTA committee" }]]);
    expect(found({ bcc: [{ name: "Year 6 Parents", address: "Year 6 Parents" }] })).toEqual([
      ["unchecked", { names: "Year 6 Parents", reason: "no e-mail address (a contact group?)" }],
    ]);
  });

  it("nothing when every address can be checked", () => {
    expect(found({ to: [{ address: "a@gmail.com" }] })).toEqual([]);
  });
});
