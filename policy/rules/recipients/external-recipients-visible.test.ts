import { describe, expect, it } from "vitest";
import { packFor, ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./external-recipients-visible.js";

const parents = (n: number) => Array.from({ length: n }, (_, i) => ({ address: `parent${i + 1}@gmail.com` }));
const draft = { subject: "Trip", body: "Dear parents", bodyType: "text" as const };

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { name: "parents in Bcc", draft: { ...draft, bcc: parents(30) } },
    { name: "at the threshold (nine: the corpus README flags ten or more)", draft: { ...draft, to: parents(9) } },
    {
      name: "colleagues",
      draft: { ...draft, to: Array.from({ length: 9 }, (_, i) => ({ address: `t${i}@st-john-payne.sch.uk` })) },
    },
  ],
  invalid: [
    {
      name: "parents in To",
      draft: { ...draft, to: parents(12) },
      errors: [{ messageId: "visible", location: "recipients" }],
    },
    {
      name: "parents in Cc",
      draft: { ...draft, to: [{ address: "office@st-john-payne.sch.uk" }], cc: parents(10) },
      errors: [{ messageId: "visible", location: "recipients" }],
    },
  ],
});

describe("external-recipients-visible: the count and the fix", () => {
  it("counts the outside addresses in To and Cc and offers to move exactly those to Bcc", () => {
    const [finding] = runRule(
      rule,
      { ...draft, to: [{ address: "office@st-john-payne.sch.uk" }, ...parents(2)], cc: parents(10).slice(2) },
      loadPolicy("st-john-payne"),
    ).findings;
    expect(finding?.data).toEqual({ count: 10 });
    expect(finding?.fix).toEqual({
      kind: "move-to-bcc",
      addresses: Array.from({ length: 10 }, (_, i) => `parent${i + 1}@gmail.com`),
    });
  });

  it("leaves a trusted partner's addresses out of the count", () => {
    const pack = packFor("st-john-payne", { recipients: { trustedDomains: ["county.gov.uk"] } });
    const partners = Array.from({ length: 5 }, (_, i) => ({ address: `worker${i}@county.gov.uk` }));
    expect(runRule(rule, { ...draft, to: [...partners, ...parents(9)] }, pack).findings).toEqual([]);
    expect(runRule(rule, { ...draft, to: [...partners, ...parents(10)] }, pack).findings).toHaveLength(1);
  });
});
