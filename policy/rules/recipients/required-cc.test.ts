import { describe, expect, it } from "vitest";
import { normalizeDraft } from "../../engine/draft.js";
import { applyFix } from "../../engine/fix.js";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./required-cc.js";

const pack = loadPolicy("st-john-payne");
const head = { address: "headteacher@st-john-payne.sch.uk" };
const parent = [{ name: "Ayesha Khan", address: "akhan@gmail.com" }];
const routine = {
  subject: "Homework",
  body: "Dear Mrs Khan,\n\nThank you for letting me know. Zara can hand the homework in on Monday.\n\nKind regards,\nJo Hart",
  bodyType: "text" as const,
};
const complaint = {
  subject: "Re: Detention",
  body: "Dear Mrs Khan,\n\nI am sorry you feel the need to make a formal complaint about the detention. I will look into it.\n\nKind regards,\nJo Hart",
  bodyType: "text" as const,
};
const heated = {
  subject: "Zara",
  body: "Dear Mrs Khan,\n\nFrankly your attitude is pathetic and you are clearly incompetent as a parent.\n\nJo Hart",
  bodyType: "text" as const,
};
const sen = {
  subject: "Review",
  body: "Dear Mrs Khan,\n\nZara Khan's EHCP review is on Friday; her autism diagnosis will be discussed.\n\nKind regards,\nJo Hart",
  bodyType: "text" as const,
};

ruleTester(rule, {
  pack,
  valid: [
    { name: "a routine, courteous reply to one parent", draft: { ...routine, to: parent } },
    { name: "head copied on a complaint", draft: { ...complaint, to: parent, cc: [head] } },
    { name: "head in Bcc counts as copied", draft: { ...complaint, to: parent, bcc: [head] } },
    {
      name: "a complaint kept inside the school",
      draft: { ...complaint, to: [{ address: "deputy@st-john-payne.sch.uk" }] },
    },
    {
      name: "labelled personal, to a friend",
      draft: { ...heated, subject: "Personal: saturday", to: [{ address: "friend@hotmail.co.uk" }] },
    },
    {
      name: "a named pupil's SEN details in a referral to an agency",
      draft: { ...sen, to: [{ address: "referrals@county.gov.uk" }] },
    },
    { name: "school without the rule", pack: loadPolicy("st-dunstans"), draft: { ...complaint, to: parent } },
    {
      name: "no complaints here",
      draft: {
        ...routine,
        body: "Dear Mrs Khan,\n\nNo complaints at all: Zara had a lovely week.\n\nThanks,\nJo",
        to: parent,
      },
    },
    {
      name: "the head writing herself",
      draft: { ...complaint, from: { name: "Head", address: "headteacher@st-john-payne.sch.uk" }, to: parent },
    },
  ],
  invalid: [
    {
      name: "a complaint to a parent",
      draft: { ...complaint, to: parent },
      errors: [{ messageId: "missing", location: "recipients" }],
    },
    { name: "a heated reply to a parent", draft: { ...heated, to: parent }, errors: [{ messageId: "missing" }] },
    { name: "SEN details of a named pupil", draft: { ...sen, to: parent }, errors: [{ messageId: "missing" }] },
    {
      name: "a complaint to an outside organisation",
      draft: { ...complaint, to: [{ address: "admissions@county.gov.uk" }] },
      errors: [{ messageId: "missing" }],
    },
  ],
});

describe("required-cc says why it fired", () => {
  it.each([
    [complaint, "complaint", "a parent and it is about a complaint"],
    [heated, "tone", "its wording reads as heated"],
    [sen, "special-category", "safeguarding, SEN or health"],
  ] as const)("%#: %s", (draft, reason, words) => {
    const [finding] = runRule(rule, { ...draft, to: parent }, pack).findings;
    expect(finding?.data?.reason).toBe(reason);
    expect(finding?.message).toContain(words);
    expect(finding?.message).toContain("Headteacher");
  });

  it("adding the Cc clears it and nothing new appears", () => {
    const draft = { ...complaint, to: parent };
    const [finding] = runRule(rule, draft, pack).findings;
    expect(finding?.fix?.kind).toBe("add-cc");
    if (!finding?.fix) return;
    expect(runRule(rule, applyFix(normalizeDraft(draft), finding.fix), pack).findings).toEqual([]);
  });
});
