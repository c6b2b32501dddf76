import { describe, expect, it } from "vitest";
import { RuleTesterError, packFor, runRule, validateTable } from "./rule-tester.js";
import { defaultCitation, defineRule } from "../rules/define.js";
import shouting from "../rules/etiquette/shouting.js";
import type { Draft, RuleModule } from "./types.js";

const meta = {
  id: "test-rule",
  category: "tone",
  defaultSeverity: "nudge",
  clause: "tone",
  fallbackCitation: defaultCitation("Section", "A sentence long enough."),
  docs: "A rule written for this test only.",
  messages: { hit: "Found it." },
} as const;

const draft = { subject: "Hello", body: "Dear all", bodyType: "text" as const };

describe("rule tester refuses bad tables", () => {
  it("refuses a duplicate case", () => {
    expect(() => validateTable(shouting, { valid: [{ draft }, { draft }], invalid: [] })).toThrow(RuleTesterError);
  });

  it("refuses an unknown message id", () => {
    expect(() =>
      validateTable(shouting, { valid: [], invalid: [{ draft, errors: [{ messageId: "no-such-id" }] }] }),
    ).toThrow(/unknown message id/);
  });

  it("refuses an invalid case that expects no finding", () => {
    expect(() => validateTable(shouting, { valid: [], invalid: [{ draft, errors: [] }] })).toThrow(
      /expects no finding/,
    );
  });

  it("accepts the same draft under two different schools", () => {
    expect(() =>
      validateTable(shouting, { valid: [{ draft }, { draft, policy: "palfrey" }], invalid: [] }),
    ).not.toThrow();
  });
});

describe("rule tester catches a rule that mutates its input", () => {
  it("the draft is deep-frozen, so a write throws and is reported", () => {
    const mutating: RuleModule = defineRule({
      meta,
      check: ({ draft: frozen }) => {
        (frozen as { subject: string }).subject = "changed";
        return [];
      },
    });
    expect(() => runRule(mutating, draft, packFor())).toThrow(/mutate/);
  });

  it("a nested array write is caught too", () => {
    const pushing: RuleModule = defineRule({
      meta,
      check: ({ draft: frozen }) => {
        (frozen.to as Draft["to"][number][]).push({ address: "x@y.z" });
        return [];
      },
    });
    expect(() => runRule(pushing, { ...draft, to: [{ address: "a@b.c" }] }, packFor())).toThrow(RuleTesterError);
  });

  it("a well-behaved rule runs", () => {
    const fine: RuleModule = defineRule({ meta, check: () => [{ messageId: "hit", location: "body" }] });
    expect(runRule(fine, draft, packFor()).findings.map((finding) => finding.message)).toEqual(["Found it."]);
  });
});
