import { describe, expect, it } from "vitest";
import { normalizeDraft } from "../../engine/draft.js";
import { analyzeDraft } from "../../engine/analyze.js";
import { applyFix } from "../../engine/fix.js";
import { packFor, ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import type { Entity } from "../../engine/types.js";
import rule, { NEUTRAL_SUBJECT, identifyingPhrase, subjectWithout } from "./personal-data-in-subject.js";

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: { subject: "Year 3 EHCP review dates", body: "Hello", bodyType: "text" } },
    { draft: { subject: "Meeting with Mrs Patel", body: "Hello", bodyType: "text" } },
    // A word heading the subject that the body writes too is the subject's topic, not a surname; one above a
    // body that names nobody is no one's.
    {
      name: "a topic heading the subject, the body writing it",
      draft: {
        subject: "Census - ethnicity correction",
        body: "Hi Jo,\n\nAmy Shaw's line in the census return needs correcting.\n\nSam",
        bodyType: "text",
      },
    },
    {
      name: "a word heading the subject above a body naming no one",
      draft: {
        subject: "Begum - hearing aid",
        body: "Hi Jo,\n\nThe spare hearing aid batteries are in the office.\n\nSam",
        bodyType: "text",
      },
    },
    { draft: { subject: "Invoice 943 476 5918", body: "Hello", bodyType: "text" } },
    // HR procedures with no one's case: the policy, a training course, a server's capability.
    { draft: { subject: "Disciplinary policy - annual review", body: "Hello", bodyType: "text" } },
    { draft: { subject: "Grievance procedure training for governors", body: "Hello", bodyType: "text" } },
    { draft: { subject: "Tom Reid - capability of the new server", body: "Hello", bodyType: "text" } },
    // A count after the term is a data summary's, not a person's.
    { draft: { subject: "SEN support: 41", body: "Hello", bodyType: "text" } },
    // Capitals before a class are a subject's, not initials, unless the body names them as a person.
    {
      draft: {
        subject: "MFL Y7 - asthma inhalers",
        body: "Hi Tom, inhalers for Y7 must come to every MFL trip from Monday.",
        bodyType: "text",
      },
    },
    // Capitals after a lower-case word in the body ("the TAC") are an acronym, not a person written so.
    {
      draft: {
        subject: "TAC - looked after",
        body: "Hi Tom, I have updated the TAC template for next term.",
        bodyType: "text",
      },
    },
  ],
  invalid: [
    {
      // Development part AE: a year group's bare number after the name ("Corey Mitchell 7").
      name: "a name with its year group's number after it",
      draft: { subject: "re: EHCP annual review - Corey Mitchell 7 - autism", body: "Hello", bodyType: "text" },
      errors: [{ messageId: "subject", location: "subject", spanTexts: ["EHCP", "annual review", "autism"] }],
    },
    ...[
      ["URGENT - LEO FRANKLIN - NO BUCCAL IN BAG!!!", "BUCCAL"],
      ["Jordan P - remanded, leavers destination", "remanded"],
      ["Fwd: Harley Stone - religious diet", "religious diet"],
      ["Twins in Reception - EHA", "EHA"],
      // Development part BG: a family's early-help meeting, a pupil's Friday prayers, an address change.
      ["RE: TAF meeting Mon - Riley Evans Y1", "TAF meeting"],
      ["Yusuf Khan Y8 - Jummah prayers - release from period 5", "Jummah"],
      ["Dylan Ackroyd - 54 Thornton Rd BD8 - transport address change", "54 Thornton Rd"],
      ["Re: RE: Kian McDonagh - medical needs", "medical needs"],
      // Development parts BG, BI and BN: a member of staff's HR casework.
      ["Hugo L - disciplinary investigation outcome", "disciplinary"],
      ["Grievance - Dean Hale", "Grievance"],
      ["Mrs Okafor capability meeting - stage 2", "capability meeting"],
    ].map(([subject, span]) => ({
      // Development part AM: staff shorthand for a medicine, custody, faith and early help.
      name: `shorthand in a subject: ${String(subject)}`,
      draft: { subject: String(subject), body: "Hello", bodyType: "text" as const },
      errors: [{ messageId: "subject", location: "subject" as const, spanTexts: [String(span)] }],
    })),
    // Development part BI: a surname or initials heading the subject, the body naming the pupil otherwise.
    {
      name: "a surname heading the subject, the body giving the pupil's given name",
      draft: {
        subject: "Begum - hearing aid",
        body: "Hi Ruth,\n\nRuqayyah's hearing aid has stopped working again.\n\nSam",
        bodyType: "text",
      },
      errors: [{ messageId: "subject", location: "subject", spanTexts: ["hearing aid"] }],
    },
    {
      name: "initials heading the subject",
      draft: {
        subject: "JT – CP concern",
        body: "Karen,\n\nJake came in with a mark on his neck this morning.\n\nSam",
        bodyType: "text",
      },
      errors: [{ messageId: "subject", location: "subject", spanTexts: ["CP concern"] }],
    },
    {
      // Development part S: initials the body names as a person ("MK (Class 9, 15) was…").
      name: "initials in capitals that the body names as a person",
      draft: {
        subject: "MK - police",
        body: "Julie,\n\nThe police called this morning - MK (Class 9, 15) was arrested last night with cannabis.\n\nSaima",
        bodyType: "text",
      },
      errors: [{ messageId: "subject", location: "subject", spanTexts: ["police"] }],
    },
    {
      // A number after "Year" is the class, not a count of seizures; the name is quoted.
      name: "a quoted given name before its year group, the body naming the same person",
      draft: {
        subject: "Seizure – 'Bea' Year 3",
        body: "Hi Sarah,\n\nBea in 3M had a seizure in swimming at 11.20. Mum has collected her.\n\nBridget",
        bodyType: "text",
      },
      errors: [{ messageId: "subject", location: "subject", spanTexts: ["Seizure"] }],
    },
    {
      name: "a diabetic's hypo plan beside their name",
      draft: { subject: "Hypo plan update - Kwabena Mensah-Bonsu", body: "Hello", bodyType: "text" },
      errors: [{ messageId: "subject", location: "subject", spanTexts: ["Hypo"] }],
    },
    {
      name: "named pupil and SEN",
      draft: { subject: "Oliver Reid EHCP and autism diagnosis", body: "Hello", bodyType: "text" },
      errors: [
        {
          messageId: "subject",
          location: "subject",
          data: { what: "an identifiable person's SEN and health details" },
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
    ["Ellie Thompson 7C - epilepsy care plan, DOB 14/03/2012", "Confidential matter"],
    ["Oliver Ashdown EHCP and autism diagnosis", "Confidential matter"],
    ["NHS 943 476 5919 referral", "Confidential matter"],
    ["Amelia Khan DOB 12/03/2016 - Mrs Carrow in hospital", "Confidential matter"],
    ["RE: Jayden Okoro - EHCP review", "RE: Confidential matter"],
    ["Year 3 trip to the zoo - Mia Patel medication", "Year 3 trip to the zoo"],
    // A teacher's trial: taking the detail out left "Maisie pump", the given name and a fragment.
    ["Maisie - asthma pump", "Confidential matter"],
  ])("%s → %s, and nothing personal is left", (subject, expected) => {
    const pack = loadPolicy("st-john-payne");
    const draft = {
      subject,
      body: "Hello,\n\nMaisie has left her pump in class.\n\nKind regards,\nJo",
      bodyType: "text" as const,
    };
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
    ["Oliver Reid EHCP", "Confidential matter"],
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

describe("identifyingPhrase: the words holding personal data, widened over the labels beside them", () => {
  const at = (start: number, end: number): Entity => ({
    type: "special-category",
    location: "subject",
    start,
    end,
    confidence: 1,
  });
  // "ehcp" is marked in each; the phrase is given by hand as [start, end) of the folded subject.
  it.each<[string, Entity[], { start: number; end: number }]>([
    // A class code before, a label after; a plain word stops it either side.
    ["trip 7c ehcp form notes", [at(8, 12)], { start: 5, end: 17 }],
    // Class codes and year groups: one or two digits and up to two letters, or Y and one or two digits.
    ["trip 10 ehcp", [at(8, 12)], { start: 5, end: 12 }],
    ["trip 10b ehcp", [at(9, 13)], { start: 5, end: 13 }],
    ["trip 7cd ehcp", [at(9, 13)], { start: 5, end: 13 }],
    ["trip y10 ehcp", [at(9, 13)], { start: 5, end: 13 }],
    // Punctuation alone, or a label with a comma, colon or semicolon after it.
    ["trip ; ehcp", [at(7, 11)], { start: 5, end: 11 }],
    ["trip dob: ehcp", [at(10, 14)], { start: 5, end: 14 }],
    // Not labels: a letter before the digits, more than two letters after them, anything after Y's digits,
    // punctuation before a label.
    ["trip ab7c ehcp", [at(10, 14)], { start: 10, end: 14 }],
    ["trip 7cde ehcp", [at(10, 14)], { start: 10, end: 14 }],
    ["trip xy6 ehcp", [at(9, 13)], { start: 9, end: 13 }],
    ["trip y6x ehcp", [at(9, 13)], { start: 9, end: 13 }],
    ["trip ,dob ehcp", [at(10, 14)], { start: 10, end: 14 }],
    // A word the entity only touches is not marked.
    ["trip ehcp notes", [at(4, 9)], { start: 5, end: 9 }],
    ["trip ehcp notes", [at(5, 10)], { start: 5, end: 9 }],
    // A space before the first word: the phrase starts at the word.
    [" ehcp notes", [at(1, 5)], { start: 1, end: 5 }],
    // No word marked: an empty phrase, even beside a label.
    ["dob notes", [], { start: 0, end: 0 }],
  ])("%s %j", (folded, entities, phrase) => {
    expect(identifyingPhrase(folded, entities)).toEqual(phrase);
  });
});

describe("subjectWithout: at least two words of three letters must be left", () => {
  it.each([
    ["Oliver Reid trip forms", "trip forms"],
    ["Oliver Reid on 3rd day", undefined],
    ["Oliver Reid on a trip", undefined],
    // Words that only join others do not count: "for" and "the" are three letters, not a subject.
    ["Oliver Reid for the trip", undefined],
    ["Oliver Reid and the trip forms", "trip forms"],
  ])("%s without the name → %s", (subject, rest) => {
    expect(subjectWithout(subject, { start: 0, end: "Oliver Reid".length })).toBe(rest);
  });

  it("'Medication for Harry' without 'Medication' is no subject: a neutral one instead", () => {
    expect(subjectWithout("Medication for Harry", { start: 0, end: "Medication".length })).toBeUndefined();
  });
});

describe("personal-data-in-subject reads only the subject's personal data", () => {
  const pack = loadPolicy("st-john-payne");
  const nhsFirst = "943 476 5919 is the NHS number on the form.";

  it("nothing when the personal data is only in the body", () => {
    expect(runRule(rule, { subject: "Trip forms", body: nhsFirst, bodyType: "text" }, pack).findings).toEqual([]);
  });

  it("the body's personal data does not widen the subject's phrase", () => {
    const draft = {
      subject: "Trip forms - Oliver Reid, EHCP - for Friday's visit",
      body: nhsFirst,
      bodyType: "text" as const,
    };
    const [finding] = runRule(rule, draft, pack).findings;
    expect(finding?.fix && applyFix(draft, finding.fix).subject).toBe("Trip forms for Friday's visit");
  });
});

describe("personal-data-in-subject: the school's own words", () => {
  const draft = { subject: "Amelia Jones (Y7) - ADHD diagnosis", body: "See attached.", bodyType: "text" as const };

  it("cites the school's subject-line clause where its policy has one (St John Payne)", () => {
    const [finding] = runRule(rule, draft, loadPolicy("st-john-payne")).findings;
    expect(finding?.policyRef.quote).toBe("Do not identify such information in the subject line of any e-mail");
  });

  // A new user's report: Palfrey's block cited "School Policy Guard defaults", though its policy forbids
  // sending confidential information carelessly. A second trial read the gross-misconduct list quoted
  // there as a threat on routine mail: the sentence on what to do (need to know) is quoted instead.
  it("cites the school's personal-data clause where its pack has no clause on subject lines", () => {
    const lt2 = loadPolicy("lt2");
    const { "personal-data-in-subject": _subject, ...clauses } = lt2.clauses;
    const pack = { ...lt2, clauses };
    const [finding] = runRule(rule, draft, pack).findings;
    expect(finding?.policyRef.quote).toBe(pack.clauses["personal-data"]?.quote);
    expect(finding?.policyRef.note).toBeUndefined();
  });

  // LT2's policy has no sentence on subject lines: its pack cites the need-to-know sentence and says how it
  // is read (a new user's trial found the bare sentence did not explain the block).
  it("cites LT2's need-to-know sentence with the pack's note on how it is read", () => {
    const [finding] = runRule(rule, draft, loadPolicy("lt2")).findings;
    expect(finding?.policyRef.quote).toMatch(/directed only to relevant individuals on a need to know basis\.$/);
    expect(finding?.policyRef.note).toMatch(
      /^The policy has no sentence on subject lines; read as: a subject is shown/,
    );
  });

  // Palfrey's and St Dunstan's policies say those monitoring mail read the subject heading only: why a
  // subject is not private.
  it.each(["palfrey", "st-dunstans"])("cites %s's sentence on who reads subject headings", (id) => {
    const pack = loadPolicy(id);
    const [finding] = runRule(rule, draft, pack).findings;
    expect(finding?.severity).toBe("block");
    expect(finding?.policyRef.quote).toMatch(
      /^When monitoring incoming or outgoing emails, .*the subject heading only/,
    );
    expect(finding?.policyRef.note).toMatch(/^The policy has no sentence on subject lines/);
  });

  it("carries no note where the school's sentence is plain (St John Payne)", () => {
    const [finding] = runRule(rule, draft, loadPolicy("st-john-payne")).findings;
    expect(finding?.policyRef.quote).toBe("Do not identify such information in the subject line of any e-mail");
    expect(finding?.policyRef.note).toBeUndefined();
  });
});
