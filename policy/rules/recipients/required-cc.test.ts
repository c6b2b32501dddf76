import { describe, expect, it } from "vitest";
import { normalizeDraft } from "../../engine/draft.js";
import { applyFix } from "../../engine/fix.js";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./required-cc.js";

const pack = loadPolicy("st-john-payne");
const head = { address: "headteacher@st-john-payne.sch.uk" };
const parent = [{ name: "Ayesha Khan", address: "akhan@gmail.com" }];
/** Both of a pupil's parents: heat or a child's details sent to more than one person outside school. */
const parents = [...parent, { name: "Daniyal Khan", address: "dkhan@hotmail.co.uk" }];
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
    // The README's "routine reply to one parent": her own child's plan, told to her.
    { name: "SEN details of a pupil, to that one parent", draft: { ...sen, to: parent } },
    // The tone nudge already speaks about heat aimed at one person; a second nudge on the same mail nags.
    { name: "a heated reply to one parent (the tone nudge speaks)", draft: { ...heated, to: parent } },
    { name: "head copied on a complaint", draft: { ...complaint, to: parent, cc: [head] } },
    { name: "head in Bcc counts as copied", draft: { ...complaint, to: parent, bcc: [head] } },
    {
      name: "a complaint kept inside the school",
      draft: { ...complaint, to: [{ address: "deputy@st-john-payne.sch.uk" }] },
    },
    {
      name: "personal mail by its content (a dispute with a builder), not school business",
      draft: {
        ...heated,
        subject: "Re: our extension",
        body: "Dear Mr Cole,\n\nYou are useless. Our builder has still not finished my kitchen and I want my deposit back.\n\nJo",
        to: parent,
      },
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
      errors: [{ messageId: "missing", location: "recipients", data: { who: "the Headteacher" } }],
    },
    { name: "a heated reply to both parents", draft: { ...heated, to: parents }, errors: [{ messageId: "missing" }] },
    {
      // A new user's trial: the parent threatens the governors in capitals, with no word "complaint".
      name: "a courteous reply to a parent's quoted threat to go to the governors",
      draft: {
        subject: "Re: Detention",
        body: "Dear Mrs Okafor,\n\nThank you for your email. Could you call the school office to arrange a time?\n\nKind regards,\nJo Hart\n\n-----Original Message-----\nFrom: Grace Okafor <grace.okafor@example.com>\nSent: 12 March 2025 21:14\nTo: Jo Hart\nSubject: Detention\n\nTHIS IS A DISGRACE!!! I will be going to the governors if this is not sorted out TOMORROW.",
        bodyType: "text" as const,
        to: parent,
      },
      errors: [{ messageId: "missing" }],
    },
    {
      name: "SEN details of a named pupil, to both parents",
      draft: { ...sen, to: parents },
      errors: [{ messageId: "missing" }],
    },
    {
      name: "a complaint to an outside organisation",
      draft: { ...complaint, to: [{ address: "admissions@county.gov.uk" }] },
      errors: [{ messageId: "missing" }],
    },
  ],
});

describe("required-cc says why it fired", () => {
  it.each([
    [complaint, parent, "complaint", "a parent and it is about a complaint"],
    [heated, parents, "tone", "its wording reads as heated"],
    [sen, parents, "special-category", "safeguarding, SEN or health"],
  ] as const)("%#: %s", (draft, to, reason, words) => {
    const [finding] = runRule(rule, { ...draft, to }, pack).findings;
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

describe("required-cc: the words of a complaint", () => {
  const about = (sentence: string) => ({
    subject: "Trip",
    body: `Dear Mrs Khan,\n\n${sentence} I will look into it this week.\n\nKind regards,\nJo Hart`,
    to: parent,
  });

  it.each([
    ["complaint", "Thank you for your complaint about the trip."],
    ["complaints procedure", "I attach our complaints procedure."],
    ["complain", "Parents may complain to the governors."],
    ["complained", "Mrs Khan complained about the coach."],
    ["complaining", "I understand you are complaining about the coach."],
    ["grievance", "I understand this is now a grievance."],
    ["ombudsman", "You may also write to the ombudsman."],
    ["solicitor", "Your solicitor has written to us."],
    ["solicitors", "Your solicitors have written to us."],
    ["legal action", "Your letter mentions legal action."],
    ["tribunal", "I note the date of the tribunal."],
    ["appeal against", "I have your appeal against the decision."],
    ["unacceptable", "You wrote that the delay was unacceptable."],
    ["deeply unhappy", "I am sorry you are deeply unhappy with the decision."],
    ["very unhappy", "I am sorry you are very unhappy with the decision."],
    ["extremely disappointed", "I am sorry you are extremely disappointed with the decision."],
    ["very disappointed", "I am sorry you are very disappointed with the decision."],
    ["not good enough", "You feel the response was not good enough."],
    ["disgusted", "You wrote that you were disgusted by the delay."],
  ])("%s", (_phrase, sentence) => {
    const findings = runRule(rule, about(sentence), pack).findings;
    expect(findings.map((finding) => finding.data?.reason)).toEqual(["complaint"]);
  });

  it("in the parent's message being answered, which the tone check does not read", () => {
    const reply = {
      subject: "RE: Coach",
      body: "Dear Mrs Khan,\n\nI will look into it this week.\n\nKind regards,\nJo Hart\n\n-----Original Message-----\nFrom: Ayesha Khan\nSent: 11 March 2025\nTo: Jo Hart\n\nThe delay is disgraceful.",
      to: parent,
    };
    expect(runRule(rule, reply, pack).findings.map((finding) => finding.data?.reason)).toEqual(["complaint"]);
  });

  it.each([
    ["no complaints", "We have had no complaints about the coach."],
    ["not a complaint", "This is not a complaint, you said, just a question."],
    ["no complaint", "There was no complaint from the other parents."],
  ])("not when it says %s", (_phrase, sentence) => {
    expect(runRule(rule, about(sentence), pack).findings).toEqual([]);
  });

  it("a complaint named as well as negated is still one", () => {
    const findings = runRule(
      rule,
      about("There was no complaint before, but this is a formal complaint now."),
      pack,
    ).findings;
    expect(findings.map((finding) => finding.data?.reason)).toEqual(["complaint"]);
  });

  it("reads the subject, but not a subject someone else wrote", () => {
    const quiet = "Thank you for your note about the coach.";
    expect(runRule(rule, { ...about(quiet), subject: "Complaint about the coach" }, pack).findings).toHaveLength(1);
    expect(runRule(rule, { ...about(quiet), subject: "RE: Complaint about the coach" }, pack).findings).toEqual([]);
  });
});

describe("required-cc: personal data, and mail marked personal", () => {
  it("personal data that is not a special category is a reason too", () => {
    const draft = {
      subject: "Form",
      body: "Dear Mrs Khan,\n\nZara Khan's date of birth on the form is 04/07/2016, DOB as on her certificate.\n\nKind regards,\nJo Hart",
      to: parents,
    };
    expect(runRule(rule, draft, pack).findings.map((finding) => finding.data?.reason)).toEqual(["personal-data"]);
  });

  it.each([
    ["a word containing the label", "Impersonal tone"],
    ["the label running on into a word", "Personalised gifts"],
  ])("not marked personal: %s", (_what, subject) => {
    expect(runRule(rule, { ...heated, subject, to: parents }, pack).findings).toHaveLength(1);
  });

  // One plainly personal sign ("for sale", weight 2) and no sign of school business: personal at the threshold.
  it.each([
    ["Bike for sale", 0],
    ["Bike", 1],
  ])("personal by its content at the threshold: %s", (subject, findings) => {
    const draft = {
      subject,
      body: "Dear Mr Cole,\n\nFrankly your attitude is pathetic.\n\nJo",
      bodyType: "text" as const,
      to: parents,
    };
    expect(runRule(rule, draft, pack).findings).toHaveLength(findings);
  });

  it("marked personal with the label anywhere in the subject, in any case", () => {
    expect(runRule(rule, { ...heated, subject: "Saturday (PERSONAL)", to: parents }, pack).findings).toEqual([]);
  });
});

describe("required-cc: who is copied, to whom, and which wording", () => {
  const deputy = { address: "deputy@st-john-payne.sch.uk" };
  /** The school's rule with other people to copy, or switched off. */
  const withCc = (cc: { name?: string; address: string }[], required = true) => ({
    ...pack,
    recipients: { ...pack.recipients, ccOnExternalToParents: { required, cc } },
  });
  const data = (draft: Parameters<typeof runRule>[1], policy = pack) =>
    runRule(rule, draft, policy).findings.map((finding) => finding.data);
  const org = (name: string) => ({ address: `${name}@county.gov.uk` });
  const complaintWhy = "it is about a complaint";

  it("not when the school does not require the copy, even with people named", () => {
    expect(data({ ...complaint, to: parent }, withCc([head], false))).toEqual([]);
  });

  it.each([
    ["one parent", parent, "a parent"],
    ["two parents", [...parent, { address: "dkhan@hotmail.co.uk" }], "parents"],
    ["one organisation", [org("admissions")], "an outside organisation"],
    ["two organisations", [org("admissions"), org("transport")], "outside organisations"],
    ["a parent and an organisation", [...parent, org("admissions")], "parents and outside organisations"],
  ])("the audience: %s", (_what, to, audience) => {
    expect(data({ ...complaint, to })).toEqual([
      { audience, why: complaintWhy, who: "the Headteacher", reason: "complaint" },
    ]);
  });

  it.each([
    ["an address when there is no name", [deputy], "deputy@st-john-payne.sch.uk"],
    ["a person's name as it is", [{ name: "Rachel Okafor", address: deputy.address }], "Rachel Okafor"],
    ["a role after 'the', even with a space after it", [{ name: "Deputy ", address: deputy.address }], "the Deputy "],
    [
      "everyone missing, joined by 'and'",
      [head, deputy],
      "headteacher@st-john-payne.sch.uk and deputy@st-john-payne.sch.uk",
    ],
  ])("who to copy: %s", (_what, cc, who) => {
    expect(data({ ...complaint, to: parent }, withCc(cc))).toEqual([
      { audience: "a parent", why: complaintWhy, who, reason: "complaint" },
    ]);
  });

  it("an address copied with spaces around it counts as copied", () => {
    expect(data({ ...complaint, to: parent, cc: [{ address: " headteacher@st-john-payne.sch.uk " }] })).toEqual([]);
  });

  it("a sender who is not among those to copy still needs the copy", () => {
    expect(
      data({ ...complaint, from: { name: "Jo Hart", address: "jo.hart@st-john-payne.sch.uk" }, to: parent }),
    ).toHaveLength(1);
  });

  it("a sender who is any one of those to copy needs no copy", () => {
    const draft = { ...complaint, from: { name: "Deputy", address: deputy.address }, to: parent };
    expect(data(draft, withCc([head, deputy]))).toEqual([]);
  });

  it("personal data sent to an organisation (not a parent) is routine work", () => {
    const draft = {
      subject: "Form",
      body: "Dear Sir or Madam,\n\nZara Khan's date of birth on the form is 04/07/2016, DOB as on her certificate.\n\nKind regards,\nJo Hart",
      bodyType: "text" as const,
      to: [org("admissions")],
    };
    expect(data(draft)).toEqual([]);
  });
});

describe("required-cc: the school's own label for personal mail", () => {
  const labelled = (label: string): typeof pack => ({
    ...pack,
    personalUse: { mode: "allowed-if-labelled", label, forbiddenKinds: [] },
  });
  const prohibited = { ...pack, personalUse: loadPolicy("palfrey").personalUse };
  const count = (subject: string, policy: typeof pack) =>
    runRule(rule, { ...heated, subject, to: parents }, policy).findings.length;

  it.each([
    ["the school's own label marks it personal", "Private: saturday", labelled("Private"), 0],
    ["the word 'personal' is not that school's label", "Personal: saturday", labelled("Private"), 1],
    ["with no label of its own, 'personal' still marks it", "Personal: saturday", prohibited, 0],
    ["with no label of its own, other words do not", "Private: saturday", prohibited, 1],
  ])("%s", (_what, subject, policy, findings) => {
    expect(count(subject, policy)).toBe(findings);
  });
});

describe("required-cc: a complaint before a 'no complaints'", () => {
  it("is still a complaint", () => {
    const draft = {
      subject: "Trip",
      body: "Dear Mrs Khan,\n\nThis is a formal complaint, although there were no complaints before.\n\nKind regards,\nJo Hart",
      bodyType: "text" as const,
      to: parent,
    };
    expect(runRule(rule, draft, pack).findings.map((finding) => finding.data?.reason)).toEqual(["complaint"]);
  });
});
