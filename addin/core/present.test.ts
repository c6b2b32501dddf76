import { describe, expect, it } from "vitest";
import type { Analysis, Finding } from "../../policy/engine/types.js";
import { fingerprintDraft } from "./fingerprint.js";
import { TASKPANE_COMMAND_ID } from "./ids.js";
import { clip, composeNudgeMessages, decideSend, ERROR_MESSAGE_MAX, summaryText } from "./present.js";

const finding = (overrides: Partial<Finding>): Finding => ({
  rule: "tone-hostile",
  category: "tone",
  severity: "nudge",
  message: "This reads as if written in the heat of the moment.",
  messageId: "hostile",
  policyRef: { section: "6.1 Email etiquette", quote: "Emails must never be sent in the heat of the moment." },
  location: "body",
  ...overrides,
});
const analysis = (findings: Finding[]): Analysis => ({
  verdict: findings.some((entry) => entry.severity === "block") ? "block" : findings.length ? "nudge" : "ok",
  findings,
  personalData: [],
});

describe("decideSend", () => {
  it("lets the message go when there is nothing, or only tips", () => {
    expect(decideSend(analysis([]))).toEqual({ allowEvent: true });
    expect(decideSend(analysis([finding({ severity: "info" })]))).toEqual({ allowEvent: true });
  });

  it("prompts (send anyway allowed) when every finding is a nudge", () => {
    const decision = decideSend(analysis([finding({})]));
    expect(decision).toMatchObject({
      allowEvent: false,
      sendModeOverride: "promptUser",
      commandId: TASKPANE_COMMAND_ID,
    });
    expect(decision.errorMessage).toContain("heat of the moment. (Email etiquette)");
    expect(decision.cancelLabel!.length).toBeLessThanOrEqual(20);
    expect(JSON.parse(decision.contextData!)).toEqual({ source: "send", rules: ["tone-hostile"] });
  });

  it("keeps the soft block (no override) when a finding is block-level, and puts it first", () => {
    const decision = decideSend(
      analysis([
        finding({}),
        finding({
          rule: "personal-data-unencrypted",
          category: "personal-data",
          severity: "block",
          message: "Personal data must go encrypted.",
        }),
      ]),
    );
    expect(decision.allowEvent).toBe(false);
    expect(decision).not.toHaveProperty("sendModeOverride");
    const lines = decision.errorMessage!.split("\n");
    expect(lines[1]).toContain("Personal data must go encrypted.");
    expect(decision.errorMessageMarkdown).toContain("**School Policy Guard: please fix before sending.**");
  });

  it("cites the innermost section heading in a few words", () => {
    const decision = decideSend(
      analysis([finding({ policyRef: { section: "eSafety Policy — 4.2 Sending e-Mails", quote: "q" } })]),
    );
    expect(decision.errorMessage).toContain("(Sending e-Mails)");
  });

  it("names our own guidance as ours, and a long heading by its title", () => {
    const ours = decideSend(
      analysis([finding({ policyRef: { section: "School Policy Guard defaults — E-mail etiquette", quote: "q" } })]),
    );
    expect(ours.errorMessage).toContain("(this add-in's advice, not school policy)");
    expect(ours.errorMessage).not.toContain("E-mail etiquette");
    const long = decideSend(
      analysis([
        finding({
          policyRef: {
            section: "eSafety Policy — Acceptable Use Agreement: Staff, Governors and Visitors",
            quote: "q",
          },
        }),
      ]),
    );
    expect(long.errorMessage).toContain("(Acceptable Use Agreement)");
  });

  it("keeps both messages within 500 characters and says how many more there are", () => {
    const many = Array.from({ length: 12 }, (_, index) =>
      finding({ rule: `r${index}`, message: `Finding number ${index} `.repeat(6) }),
    );
    const decision = decideSend(analysis(many));
    expect(decision.errorMessage!.length).toBeLessThanOrEqual(ERROR_MESSAGE_MAX);
    expect(decision.errorMessageMarkdown!.length).toBeLessThanOrEqual(ERROR_MESSAGE_MAX);
    expect(decision.errorMessage).toMatch(/and \d+ more in the pane\.$/);
    expect(decision.errorMessageMarkdown).toMatch(/and \d+ more in the pane\.$/);
  });

  it("leads with the most important instruction in full and counts the rest", () => {
    const instruction =
      "This email contains an NHS number and an identifiable person's SEN and health details. The school requires it to go encrypted: apply the [secure] tag.";
    const decision = decideSend(
      analysis([
        finding({ category: "closing", message: "Add a closing, such as 'Kind regards'." }),
        finding({ category: "punctuation", message: "Repeated punctuation (!!!) reads as rude. " + "x".repeat(300) }),
        finding({ category: "personal-data", severity: "block", message: instruction }),
        finding({ category: "tone", message: "This wording reads as abusive. " + "y".repeat(300) }),
      ]),
    );
    const lines = decision.errorMessage!.split("\n");
    expect(lines[1]).toBe(`• ${instruction} (Email etiquette)`);
    expect(lines[lines.length - 1]).toBe("…and 3 more in the pane.");
    expect(decision.errorMessage!.length).toBeLessThanOrEqual(ERROR_MESSAGE_MAX);
    expect(decision.errorMessageMarkdown).toContain("apply the \\[secure\\] tag.");
    expect(decision.errorMessageMarkdown!.length).toBeLessThanOrEqual(ERROR_MESSAGE_MAX);
    expect(decision.errorMessage).not.toContain("…\n");
  });

  it("orders tone before recipients and etiquette at equal severity", () => {
    const decision = decideSend(
      analysis([
        finding({ rule: "required-cc", category: "recipients", message: "Copy the Headteacher." }),
        finding({ rule: "punctuation", category: "punctuation", message: "!!! reads as rude." }),
        finding({ rule: "hostile-wording", category: "tone", message: "This wording reads as abusive." }),
      ]),
    );
    expect(JSON.parse(decision.contextData!)).toEqual({
      source: "send",
      rules: ["hostile-wording", "required-cc", "punctuation"],
    });
  });
});

describe("composeNudgeMessages", () => {
  it("shows at most three short lines, most severe first, Bcc findings as a question", () => {
    const lines = composeNudgeMessages(
      analysis([
        finding({ message: "x".repeat(400) }),
        finding({
          category: "recipients",
          severity: "block",
          fix: { kind: "move-to-bcc", addresses: ["a@x.com", "b@x.com", "c@x.com"] },
        }),
        finding({}),
        finding({}),
      ]),
    );
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("3 people are visible to each other — move them to Bcc?");
    expect(lines.every((line) => line.length <= 150)).toBe(true);
  });
});

describe("summaryText", () => {
  const entity = (type: "date-of-birth" | "person-name", location: "subject" | "body") =>
    ({ type, location, start: 0, end: 4, confidence: 0.9 }) as const;
  it("says no issues only when nothing personal is left", () => {
    expect(summaryText(analysis([]))).toBe("No policy issues found in this draft.");
    expect(summaryText({ ...analysis([]), personalData: [entity("person-name", "body")] })).toBe(
      "No policy issues found in this draft.",
    );
  });
  it("never says no issues while personal data is still found", () => {
    expect(summaryText({ ...analysis([]), personalData: [entity("date-of-birth", "body")] })).toContain(
      "still contains a date of birth",
    );
    expect(summaryText({ ...analysis([]), personalData: [entity("person-name", "subject")] })).toContain(
      "the subject still names someone",
    );
  });
  it("counts findings", () => {
    expect(summaryText(analysis([finding({}), finding({})]))).toBe("2 things to check before you send.");
  });
});

describe("fingerprintDraft", () => {
  const draft = { subject: "s", body: "b", bodyType: "text", to: [], cc: [], bcc: [], attachments: [] } as const;
  it("changes when any field changes, and does not contain the content", () => {
    const base = fingerprintDraft(draft);
    expect(fingerprintDraft({ ...draft, body: "c" })).not.toBe(base);
    expect(fingerprintDraft({ ...draft, to: [{ address: "a@b.com" }] })).not.toBe(base);
    expect(fingerprintDraft({ ...draft, attachments: [{ name: "f", size: 1 }] })).not.toBe(base);
    expect(fingerprintDraft({ ...draft, subject: "secret pupil name" })).not.toContain("secret");
    expect(fingerprintDraft({ ...draft, headers: { "x-school-secure": "1" } })).not.toBe(base);
  });

  it("changes when the sender changes: From is part of what the analysis reads", () => {
    const priya = fingerprintDraft({ ...draft, from: { name: "Priya Shah", address: "p.shah@school.example" } });
    expect(priya).not.toBe(fingerprintDraft(draft));
    expect(fingerprintDraft({ ...draft, from: { name: "Priya Shah", address: "p.shah@school.example" } })).toBe(priya);
    expect(fingerprintDraft({ ...draft, from: { name: "A Teacher", address: "p.shah@school.example" } })).not.toBe(
      priya,
    );
    expect(fingerprintDraft({ ...draft, from: { name: "Priya Shah", address: "office@school.example" } })).not.toBe(
      priya,
    );
  });
});

// A trial read banners cut mid-word ("…and ask for co…"): a cut ends a word where one ends past halfway.
describe("clip", () => {
  it.each([
    ["short enough: as it is", "Check the address.", 20, "Check the address."],
    [
      "at a word's end",
      "Check the address, and ask for confirmation of safe receipt.",
      40,
      "Check the address, and ask for…",
    ],
    ["spaces before the cut dropped", "Check the address   and ask", 20, "Check the address…"],
    ["one long word: cut inside it", "Supercalifragilisticexpialidocious", 10, "Supercali…"],
    [
      "a word end only in the first half: cut inside the last word",
      "Hi Extraordinarilylongword",
      20,
      "Hi Extraordinarilyl…",
    ],
  ])("%s", (_what, text, max, expected) => {
    expect(clip(text, max)).toBe(expected);
    expect(clip(text, max).length).toBeLessThanOrEqual(max);
  });
});
