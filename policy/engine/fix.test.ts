import { describe, expect, it } from "vitest";
import { loadPolicy } from "../pack/load.js";
import { analyzeDraft } from "./analyze.js";
import { applyFix, removeSpans } from "./fix.js";
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

describe("applyFix: each kind, exactly", () => {
  const draft: DraftInput = {
    subject: "Trip",
    body: "Dear all",
    to: [{ address: "a@gmail.com" }],
    cc: [{ address: "B@gmail.com" }],
    attachments: [
      { name: "setup.exe", size: 10 },
      { name: "letter.pdf", size: 20 },
    ],
  };

  it("prefixes the subject once, whatever the case it is already in", () => {
    expect(applyFix(draft, { kind: "prefix-subject", text: "Personal:" }).subject).toBe("Personal: Trip");
    expect(
      applyFix({ ...draft, subject: "PERSONAL: Trip" }, { kind: "prefix-subject", text: "Personal:" }).subject,
    ).toBe("PERSONAL: Trip");
    expect(applyFix({ ...draft, subject: "" }, { kind: "prefix-subject", text: "Personal:" }).subject).toBe(
      "Personal:",
    );
  });

  it("applies each encryption mechanism", () => {
    const tag = { kind: "subject-tag", tag: "[secure]" } as const;
    expect(applyFix(draft, { kind: "apply-encryption", mechanism: tag }).subject).toBe("[secure] Trip");
    expect(applyFix({ ...draft, subject: "[Secure] Trip" }, { kind: "apply-encryption", mechanism: tag }).subject).toBe(
      "[Secure] Trip",
    );
    const label = {
      kind: "sensitivity-label",
      labelId: "9f3c1c52-3f5e-4a52-9f44-2b7f0c0a1d11",
      labelName: "Encrypt",
    } as const;
    const labelled = applyFix(draft, { kind: "apply-encryption", mechanism: label });
    expect(labelled.sensitivityLabelId).toBe("9f3c1c52-3f5e-4a52-9f44-2b7f0c0a1d11");
    expect(labelled.subject).toBe("Trip");
    const header = { kind: "header", name: "x-encrypt", value: "yes" } as const;
    expect(applyFix(draft, { kind: "apply-encryption", mechanism: header }).headers).toEqual({ "x-encrypt": "yes" });
    expect(
      applyFix({ ...draft, headers: { "x-other": "1" } }, { kind: "apply-encryption", mechanism: header }).headers,
    ).toEqual({ "x-other": "1", "x-encrypt": "yes" });
  });

  it("appends a disclaimer or a line after a blank line, HTML-escaped in an HTML body", () => {
    for (const kind of ["append-disclaimer", "append-line"] as const) {
      expect(applyFix(draft, { kind, text: "A & B <x>\nC" }).body).toBe("Dear all\n\nA & B <x>\nC");
      expect(
        applyFix({ ...draft, body: "<p>Dear all</p>", bodyType: "html" }, { kind, text: "A & B <x>\nC" }).body,
      ).toBe("<p>Dear all</p><p>A &amp; B &lt;x&gt;<br>C</p>");
      expect(
        applyFix({ ...draft, body: "<html><body><p>Dear all</p></body></html>", bodyType: "html" }, { kind, text: "A" })
          .body,
      ).toBe("<html><body><p>Dear all</p><p>A</p></body></html>");
    }
  });

  // A second trial: "Please confirm…" landed under "Kind regards, Rachel Green, SENCO", reading as a
  // postscript. The sender's line goes above the sign-off; the disclaimer still under the signature.
  it.each<[string, "text" | "html", string, string, string]>([
    [
      "a text body's sign-off and signature",
      "text",
      "Dear Mrs Doyle,\n\nHis plan is attached.\n\nKind regards,\nRachel Green\nSENCO",
      "Dear Mrs Doyle,\n\nHis plan is attached.\n\nPlease confirm.\n\nKind regards,\nRachel Green\nSENCO",
      "Dear Mrs Doyle,\n\nHis plan is attached.\n\nKind regards,\nRachel Green\nSENCO\n\nPlease confirm.",
    ],
    [
      "a text reply: above the sign-off, not the history",
      "text",
      "Thanks, noted.\n\nBest wishes,\nJo\n\nFrom: Sam\nSent: Monday\nTo: Jo\n\nOld",
      "Thanks, noted.\n\nPlease confirm.\n\nBest wishes,\nJo\n\nFrom: Sam\nSent: Monday\nTo: Jo\n\nOld",
      "Thanks, noted.\n\nBest wishes,\nJo\n\nPlease confirm.\n\nFrom: Sam\nSent: Monday\nTo: Jo\n\nOld",
    ],
    [
      "an HTML sign-off in its own paragraph, bold",
      "html",
      "<p>Dear Mrs Doyle,</p><p>His plan is attached.</p><p><b>Kind regards,</b><br>Rachel</p>",
      "<p>Dear Mrs Doyle,</p><p>His plan is attached.</p><p>Please confirm.</p><p><b>Kind regards,</b><br>Rachel</p>",
      "<p>Dear Mrs Doyle,</p><p>His plan is attached.</p><p><b>Kind regards,</b><br>Rachel</p><p>Please confirm.</p>",
    ],
    [
      "an HTML message that is only 'Thanks': nothing to put it above",
      "html",
      "<p>Thanks</p>",
      "<p>Thanks</p><p>Please confirm.</p>",
      "<p>Thanks</p><p>Please confirm.</p>",
    ],
  ])("a line goes above the sign-off: %s", (_what, bodyType, body, withLine, withDisclaimer) => {
    const sent = { ...draft, body, bodyType };
    expect(applyFix(sent, { kind: "append-line", text: "Please confirm." }).body).toBe(withLine);
    expect(applyFix(sent, { kind: "append-disclaimer", text: "Please confirm." }).body).toBe(withDisclaimer);
  });

  // A new user's trial: the line landed under the whole history, where it read as the quoted sender's and the
  // engine (which reads the sender's own words) still asked for it.
  it.each([
    [
      "an Outlook text reply",
      "text",
      "Thanks, see attached.\nJo\n\nFrom: Sam Lee\nSent: 02 March 2026 10:00\nTo: Jo Hart\nSubject: Report\n\nCan you send it?",
      "Thanks, see attached.\nJo\n\nPlease confirm.\n\nFrom: Sam Lee\nSent: 02 March 2026 10:00\nTo: Jo Hart\nSubject: Report\n\nCan you send it?",
    ],
    ["a '>' quoted tail", "text", "Yes, fine.\n\n> Is Friday ok?", "Yes, fine.\n\nPlease confirm.\n\n> Is Friday ok?"],
    [
      "an Outlook HTML reply",
      "html",
      '<html><body><p>Thanks</p><hr style="display:inline-block"><div id="divRplyFwdMsg"><b>From:</b> Sam</div><p>Old</p></body></html>',
      '<html><body><p>Thanks</p><p>Please confirm.</p><hr style="display:inline-block"><div id="divRplyFwdMsg"><b>From:</b> Sam</div><p>Old</p></body></html>',
    ],
    [
      "a Gmail HTML forward",
      "html",
      '<div>See below</div><div class="gmail_quote">---------- Forwarded message ---------</div>',
      '<div>See below</div><p>Please confirm.</p><div class="gmail_quote">---------- Forwarded message ---------</div>',
    ],
  ] as const)("adds the line above the history in %s", (_what, bodyType, body, expected) => {
    expect(applyFix({ ...draft, body, bodyType }, { kind: "append-line", text: "Please confirm." }).body).toBe(
      expected,
    );
  });

  it("adds Cc recipients once, whatever their case", () => {
    const fixed = applyFix(draft, {
      kind: "add-cc",
      recipients: [{ address: "b@GMAIL.com" }, { address: "head@school.sch.uk" }, { address: "HEAD@school.sch.uk" }],
    });
    expect(fixed.cc.map((recipient) => recipient.address)).toEqual(["B@gmail.com", "head@school.sch.uk"]);
  });

  it("removes the named attachments only", () => {
    expect(applyFix(draft, { kind: "remove-attachments", names: ["setup.exe"] }).attachments).toEqual([
      { name: "letter.pdf", size: 20 },
    ]);
  });

  it("replaces the subject", () => {
    expect(applyFix(draft, { kind: "replace-subject", text: "Confidential matter" }).subject).toBe(
      "Confidential matter",
    );
  });

  it("removes subject spans", () => {
    expect(
      applyFix(
        { ...draft, subject: "Re: Olivia, EHCP" },
        { kind: "remove-subject-spans", spans: [{ start: 4, end: 10 }] },
      ).subject,
    ).toBe("Re: EHCP");
  });
});

describe("removeSpans", () => {
  it.each([
    ["a name and the comma after it", "Re: Olivia, EHCP", [[4, 10]], "Re: EHCP"],
    ["a name at the start and the dash it leaves", "Olivia Smith - EHCP review", [[0, 12]], "EHCP review"],
    ["a name in brackets, and the brackets", "EHCP review (Olivia Smith)", [[13, 25]], "EHCP review"],
    ["a name at the end and the dash before it", "Trip \u2013 Mia", [[7, 10]], "Trip"],
    [
      "two names, given in either order",
      "Mia Patel; Tom Ash: trip",
      [
        [0, 9],
        [11, 18],
      ],
      "trip",
    ],
    [
      "two names, the later first",
      "Mia Patel; Tom Ash: trip",
      [
        [11, 18],
        [0, 9],
      ],
      "trip",
    ],
    ["a span past the end", "Trip", [[2, 99]], "Tr"],
    ["a span before the start", "Trip", [[-5, 2]], "ip"],
    ["nothing, tidying double spaces", "Mia  and  Tom", [], "Mia and Tom"],
    ["a name between semicolons", "Trip; Mia; Friday", [[6, 9]], "Trip; Friday"],
    ["a name with a space before the comma after it", "Re: Olivia , EHCP", [[4, 10]], "Re: EHCP"],
    ["a name, and empty brackets already there", "Olivia: Trip ()", [[0, 6]], "Trip"],
    // A joining word left at an edge goes with the span it joined; one inside stays.
    ["a name and the 'for' before it", "Trip forms for Olivia", [[15, 21]], "Trip forms"],
    ["a detail and the 'for' after it", "Medication for Harry", [[0, 10]], "Harry"],
    ["after a reply prefix", "RE: Olivia and the trip forms", [[4, 10]], "RE: trip forms"],
    ["inside, kept", "Olivia: forms for Friday", [[0, 6]], "forms for Friday"],
    ["a subject of joining words alone keeps its last", "Olivia for the", [[0, 6]], "the"],
    ["a word that only ends like one stays", "Olivia: school photo", [[0, 6]], "school photo"],
    ["a time is no reply prefix", "Olivia: 10:30 and the meeting", [[0, 6]], "10:30 and the meeting"],
  ] as const)("%s", (_what, subject, spans, expected) => {
    expect(
      removeSpans(
        subject,
        spans.map(([start, end]) => ({ start, end })),
      ),
    ).toBe(expected);
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
        to: Array.from({ length: 12 }, (_, i) => ({ address: `parent${i + 1}@gmail.com` })),
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
    // Nothing new that asks anything of the sender: information may stay ("you have asked for
    // confirmation of safe receipt; check each address"), as issue 11 wants a line wherever personal data is.
    const raised = after.findings.filter((entry) => !earlier.has(key(entry)) && entry.severity !== "info");
    expect(raised.map(key)).toEqual([]);
  });
});

describe("applyFix: recipients added to Cc", () => {
  it("drops an address already there in another case, and keeps two addresses that only fold alike in capitals", () => {
    const fixed = applyFix(
      { subject: "Trip", body: "Dear all", cc: [{ address: "strasse@example.de" }] },
      { kind: "add-cc", recipients: [{ address: "STRASSE@example.de" }, { address: "straße@example.de" }] },
    );
    expect(fixed.cc.map((recipient) => recipient.address)).toEqual(["strasse@example.de", "straße@example.de"]);
  });
});
