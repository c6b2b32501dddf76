import { describe, expect, it } from "vitest";
import { loadPolicy } from "../pack/load.js";
import { analyzeDraft, formatMessage } from "./analyze.js";
import type { RuleModule } from "./types.js";

const pack = loadPolicy("st-john-payne");

function rule(
  id: string,
  check: RuleModule["check"],
  severity: RuleModule["meta"]["defaultSeverity"] = "nudge",
): RuleModule {
  return {
    meta: {
      id,
      category: "tone",
      defaultSeverity: severity,
      clause: "no-such-clause",
      fallbackCitation: { document: "Test", section: "1", quote: "Be kind." },
      docs: "test rule",
      messages: { hit: "Found {{what}} here." },
    },
    check,
  };
}

const draft = { subject: "Hello", body: "Dear all,\n\nThanks.\n\nKind regards,\nJo", bodyType: "text" as const };

describe("analyzeDraft", () => {
  it("formats findings from rule reports, with the fallback citation", () => {
    const analysis = analyzeDraft(draft, pack, {
      rules: [
        rule("t1", () => [
          { messageId: "hit", data: { what: "this" }, location: "body", spans: [{ start: 0, end: 4 }] },
        ]),
      ],
    });
    expect(analysis.findings).toEqual([
      {
        rule: "t1",
        category: "tone",
        severity: "nudge",
        message: "Found this here.",
        messageId: "hit",
        data: { what: "this" },
        policyRef: { section: "Test — 1", quote: "Be kind." },
        location: "body",
        spans: [{ start: 0, end: 4 }],
      },
    ]);
    expect(analysis.verdict).toBe("nudge");
  });

  it("is ok with no findings", () => {
    expect(analyzeDraft(draft, pack, { rules: [rule("t1", () => [])] }).verdict).toBe("ok");
  });

  it("a rule's raised severity makes the verdict block, and block findings sort first", () => {
    const analysis = analyzeDraft(draft, pack, {
      rules: [
        rule("a", () => [{ messageId: "hit", data: { what: "a" }, location: "body" }], "info"),
        rule("b", () => [{ messageId: "hit", data: { what: "b" }, location: "body", severity: "block" }]),
      ],
    });
    expect(analysis.findings.map((f) => f.severity)).toEqual(["block", "info"]);
    expect(analysis.verdict).toBe("block");
  });

  it("skips rules that are off and goes on when a rule throws, telling the caller", () => {
    const errors: string[] = [];
    const analysis = analyzeDraft(draft, pack, {
      rules: [
        rule("off", () => [{ messageId: "hit", location: "body" }], "off"),
        rule("boom", () => {
          throw new Error("bad rule");
        }),
        rule("fine", () => [{ messageId: "hit", data: { what: "c" }, location: "subject" }]),
        rule("unfilled", () => [{ messageId: "hit", location: "body" }]),
      ],
      onRuleError: (id) => errors.push(id),
    });
    // A message whose placeholder has no data is a rule bug: reported, never shown as "{{what}}".
    expect(errors).toEqual(["boom", "unfilled"]);
    expect(analysis.findings.map((f) => f.rule)).toEqual(["fine"]);
  });

  it("gives rules the HTML body as text, and the draft frozen", () => {
    let seen = "";
    let frozen = false;
    analyzeDraft({ ...draft, body: "<p>Dear all,</p><p>Fish &amp; chips</p>", bodyType: "html" }, pack, {
      rules: [
        rule("look", ({ bodyText, draft: given }) => {
          seen = bodyText;
          frozen = Object.isFrozen(given);
          return [];
        }),
      ],
    });
    expect(seen).toContain("Fish & chips");
    expect(seen).not.toContain("<p>");
    expect(frozen).toBe(true);
  });

  it("refuses an unknown message id", () => {
    expect(() =>
      formatMessage(
        rule("x", () => []),
        { messageId: "nope", location: "body" },
      ),
    ).toThrow(/no message/);
  });

  it("orders findings by severity, then by harm: personal data and tone before etiquette", () => {
    const ruleOf = (id: string, category: RuleModule["meta"]["category"]): RuleModule => {
      const base = rule(id, () => [{ messageId: "hit", data: { what: id }, location: "body" }]);
      return { ...base, meta: { ...base.meta, category } };
    };
    const analysis = analyzeDraft(draft, pack, {
      rules: [ruleOf("c", "closing"), ruleOf("p", "punctuation"), ruleOf("t", "tone"), ruleOf("d", "personal-data")],
    });
    expect(analysis.findings.map((f) => f.category)).toEqual(["personal-data", "tone", "punctuation", "closing"]);
  });

  it("maps spans found in folded text back to the draft's characters", () => {
    // "&#160;" and a zero-width space are folded away for matching; the span must still cover "AB".
    const body = "x\u200b\u00a0AB";
    let seen = "";
    const analysis = analyzeDraft({ ...draft, body }, pack, {
      rules: [
        rule("find", ({ bodyText }) => {
          seen = bodyText;
          const at = bodyText.indexOf("AB");
          return [{ messageId: "hit", data: { what: "AB" }, location: "body", spans: [{ start: at, end: at + 2 }] }];
        }),
      ],
    });
    expect(seen).toBe("x AB");
    const span = analysis.findings[0]?.spans?.[0];
    expect(span && body.slice(span.start, span.end)).toBe("AB");
  });

  it("analyses with the registered rules by default", () => {
    const analysis = analyzeDraft(
      { ...draft, body: "Dear all,\n\nWHY IS THE PRINTER ALWAYS BROKEN ON MONDAYS???\n\nThanks,\nJo" },
      pack,
    );
    expect(analysis.findings.map((f) => f.category)).toEqual(expect.arrayContaining(["shouting", "punctuation"]));
  });
});
