import { describe, expect, it } from "vitest";
import { loadPolicy } from "../pack/load.js";
import { analyzeDraft } from "./analyze.js";
import { applyFix } from "./fix.js";
import type { DraftInput } from "./draft.js";
import type { Fix } from "./types.js";

describe("applyFix", () => {
  const base = {
    subject: "Trip",
    body: "Dear all",
    bodyType: "text" as const,
    to: [{ address: "a@gmail.com" }, { address: "jo@delius-school.sch.uk" }],
    cc: [{ address: "b@gmail.com" }],
  };

  it("moves addresses to Bcc, case-insensitively, without duplicates", () => {
    const fixed = applyFix(
      { ...base, bcc: [{ address: "a@gmail.com" }] },
      { kind: "move-to-bcc", addresses: ["A@gmail.com", "b@gmail.com"] },
    );
    expect(fixed.to.map((r) => r.address)).toEqual(["jo@delius-school.sch.uk"]);
    expect(fixed.cc).toEqual([]);
    expect(fixed.bcc.map((r) => r.address.toLowerCase()).sort()).toEqual(["a@gmail.com", "b@gmail.com"]);
  });

  it("prefixes the subject", () => {
    expect(applyFix(base, { kind: "prefix-subject", text: "Personal:" }).subject).toMatch(/^Personal:\s*Trip$/);
  });

  it("applies a subject-tag encryption mechanism", () => {
    expect(
      applyFix(base, { kind: "apply-encryption", mechanism: { kind: "subject-tag", tag: "[secure]" } }).subject,
    ).toContain("[secure]");
  });

  it("appends the disclaimer, escaped in HTML", () => {
    expect(applyFix(base, { kind: "append-disclaimer", text: "Confidential." }).body).toBe("Dear all\n\nConfidential.");
    expect(applyFix({ ...base, bodyType: "html" }, { kind: "append-disclaimer", text: "A & B" }).body).toContain(
      "A &amp; B",
    );
  });

  it("does not mutate its input", () => {
    const input = JSON.parse(JSON.stringify(base)) as typeof base;
    applyFix(input, { kind: "move-to-bcc", addresses: ["a@gmail.com"] });
    expect(input).toEqual(base);
  });
});

/**
 * Fixes that fix: for every kind of fix, a draft whose finding offers it; applying the fix and analysing
 * again with every rule removes that finding and raises nothing that was not there before. The record is
 * keyed by Fix["kind"], so a new kind does not compile until it has its case here.
 */
describe("every fix kind clears its finding and raises nothing new", () => {
  const regards = "\n\nKind regards,\nJo Hart";
  const cases: Record<Fix["kind"], { policy: string; rule: string; draft: DraftInput }> = {
    "prefix-subject": {
      policy: "st-dunstans",
      rule: "personal-use",
      draft: {
        subject: "Saturday",
        body: `Hi Sam,\n\nAre you still up for the wedding on Saturday? My sister is getting married and we have a spare seat at the reception.${regards}`,
        to: [{ name: "Sam Reed", address: "sam.reed@gmail.com" }],
      },
    },
    "apply-encryption": {
      policy: "delius",
      rule: "unencrypted-personal-data",
      draft: {
        subject: "Referral",
        body: `Dear Ms Lee,\n\nOliver Reid in Year 3 has an EHCP and a diagnosis of autism.${regards}`,
        to: [{ name: "Sam Lee", address: "sam.lee@county.gov.uk" }],
      },
    },
    "move-to-bcc": {
      policy: "st-john-payne",
      rule: "external-recipients-visible",
      draft: {
        subject: "Trip",
        body: `Dear parents,\n\nThe trip is on Friday.${regards}`,
        to: [1, 2, 3, 4, 5].map((n) => ({ address: `parent${n}@gmail.com` })),
      },
    },
    "remove-subject-spans": {
      policy: "st-john-payne",
      rule: "personal-data-in-subject",
      draft: {
        subject: "Year 3 trip to the zoo - Mia Patel medication",
        body: `Dear colleagues,\n\nThe trip is on Friday.${regards}`,
        to: [{ address: "office@st-john-payne.sch.uk" }],
      },
    },
    "replace-subject": {
      policy: "st-john-payne",
      rule: "personal-data-in-subject",
      draft: {
        subject: "Ellie Thompson 7C - epilepsy care plan, DOB 14/03/2012",
        body: `Dear colleagues,\n\nPlease see the attached care plan.${regards}`,
        to: [{ address: "office@st-john-payne.sch.uk" }],
      },
    },
    "append-disclaimer": {
      policy: "palfrey",
      rule: "missing-disclaimer",
      draft: {
        subject: "Trip",
        body: `Dear colleagues,\n\nThe trip is on Friday.${regards}`,
        to: [{ address: "office@palfrey-infant.sch.uk" }],
      },
    },
    "add-cc": {
      policy: "st-john-payne",
      rule: "required-cc",
      draft: {
        subject: "Re: Detention",
        body: `Dear Mrs Khan,\n\nI am sorry you feel the need to make a formal complaint about the detention. I will look into it.${regards}`,
        to: [{ name: "Ayesha Khan", address: "ayesha.khan@gmail.com" }],
      },
    },
    "remove-attachments": {
      policy: "st-john-payne",
      rule: "blocked-attachment",
      draft: {
        subject: "Setup",
        body: `Dear colleagues,\n\nThe installer is attached.${regards}`,
        to: [{ address: "office@st-john-payne.sch.uk" }],
        attachments: [{ name: "setup.exe", size: 20_000 }],
      },
    },
    "append-line": {
      policy: "st-john-payne",
      rule: "unencrypted-personal-data",
      draft: {
        subject: "Referral",
        body: `Dear Ms Lee,\n\nOliver Reid in Year 3 has an EHCP and a diagnosis of autism.${regards}`,
        to: [{ name: "Sam Lee", address: "sam.lee@county.gov.uk" }],
      },
    },
  };

  const key = (finding: { rule: string; messageId: string; message: string }) =>
    `${finding.rule}|${finding.messageId}|${finding.message}`;

  it.each(Object.keys(cases) as Fix["kind"][])("%s", (kind) => {
    const { policy, rule, draft } = cases[kind];
    const pack = loadPolicy(policy);
    const before = analyzeDraft(draft, pack);
    const finding = before.findings.find((entry) => entry.rule === rule && entry.fix?.kind === kind);
    expect(finding, `${rule} offers ${kind}`).toBeDefined();
    if (!finding?.fix) return;
    const after = analyzeDraft(applyFix(draft, finding.fix), pack);
    expect(after.findings.map(key)).not.toContain(key(finding));
    const earlier = new Set(before.findings.map(key));
    expect(after.findings.filter((entry) => !earlier.has(key(entry))).map(key)).toEqual([]);
  });
});
