import { describe, expect, it } from "vitest";
import { normalizeDraft } from "../../engine/draft.js";
import { analyzeDraft } from "../../engine/analyze.js";
import { applyFix } from "../../engine/fix.js";
import { packFor, ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule, { NEUTRAL_SUBJECT } from "./personal-data-in-subject.js";

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: { subject: "Year 3 EHCP review dates", body: "Hello", bodyType: "text" } },
    { draft: { subject: "Meeting with Mrs Patel", body: "Hello", bodyType: "text" } },
    { draft: { subject: "Invoice 943 476 5918", body: "Hello", bodyType: "text" } },
  ],
  invalid: [
    {
      name: "named pupil and SEN",
      draft: { subject: "Oliver Reid EHCP and autism diagnosis", body: "Hello", bodyType: "text" },
      errors: [
        {
          messageId: "subject",
          location: "subject",
          data: { what: "a named person's SEN and health details" },
          spanTexts: ["EHCP", "autism", "diagnosis"],
        },
      ],
    },
    {
      name: "NHS number",
      draft: { subject: "NHS 943 476 5919 referral", body: "Hello", bodyType: "text" },
      errors: [
        { messageId: "subject", location: "subject", data: { what: "an NHS number" }, spanTexts: ["943 476 5919"] },
      ],
    },
    {
      name: "date of birth",
      draft: { subject: "Amelia Khan DOB 12/03/2016", body: "Hello", bodyType: "text" },
      errors: [
        { messageId: "subject", location: "subject", data: { what: "a date of birth" }, spanTexts: ["12/03/2016"] },
      ],
    },
  ],
});

describe("personal-data-in-subject fix removes the whole identifying phrase", () => {
  it.each([
    ["Ellie Thompson 7C - epilepsy care plan, DOB 14/03/2012", "Pupil matter"],
    ["Oliver Ashdown EHCP and autism diagnosis", "Pupil matter"],
    ["NHS 943 476 5919 referral", "Pupil matter"],
    ["Amelia Khan DOB 12/03/2016 - Mrs Carrow in hospital", "Pupil matter"],
    ["RE: Jayden Okoro - EHCP review", "RE: Pupil matter"],
    ["Year 3 trip to the zoo - Mia Patel medication", "Year 3 trip to the zoo"],
  ])("%s → %s, and nothing personal is left", (subject, expected) => {
    const pack = loadPolicy("st-john-payne");
    const draft = { subject, body: "Hello,\n\nSee attached.\n\nKind regards,\nJo", bodyType: "text" as const };
    const [finding] = runRule(rule, draft, pack).findings;
    expect(finding?.fix?.kind).toBe(expected.endsWith(NEUTRAL_SUBJECT) ? "replace-subject" : "remove-subject-spans");
    if (!finding?.fix) return;
    const fixed = applyFix(normalizeDraft(draft), finding.fix);
    expect(fixed.subject).toBe(expected);
    const after = analyzeDraft(fixed, pack);
    expect(after.findings.filter((f) => f.location === "subject")).toEqual([]);
    expect(after.personalData.filter((entity) => entity.location === "subject")).toEqual([]);
  });
});

describe("personal-data-in-subject: the subject its fix leaves", () => {
  const pack = loadPolicy("st-john-payne");
  const fixed = (subject: string) => {
    const draft = { subject, body: "Hello", bodyType: "text" as const };
    const [finding] = runRule(rule, draft, pack).findings;
    return finding?.fix ? applyFix(draft, finding.fix).subject : undefined;
  };

  it.each([
    // The identifying phrase goes with the class code and labels around it; the rest still says what it is.
    ["Year 3 trip to the zoo - Mia Patel medication", "Year 3 trip to the zoo"],
    ["9R: Amy Shaw EHCP review meeting on Friday", "review meeting on Friday"],
    ["Y3 Oliver Reid EHCP, review meeting on Friday", "review meeting on Friday"],
    ["Trip forms - Oliver Reid, EHCP - for Friday's visit", "Trip forms for Friday's visit"],
    // Nothing meaningful would be left: a neutral subject instead.
    ["Oliver Reid EHCP", "Pupil matter"],
  ])("%s → %s", (subject, after) => {
    expect(fixed(subject)).toBe(after);
  });

  it("blocks where the school blocks personal data in subjects, else nudges", () => {
    const draft = { subject: "Oliver Reid EHCP", body: "Hello", bodyType: "text" as const };
    expect(runRule(rule, draft, pack).findings[0]?.severity).toBe("block");
    const nudging = packFor("st-john-payne", { personalData: { blockInSubject: false } });
    expect(runRule(rule, draft, nudging).findings[0]?.severity).toBe("nudge");
  });
});
