import { describe, expect, it } from "vitest";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./missing-disclaimer.js";

const disclaimer = loadPolicy("palfrey").etiquette.disclaimer.text;

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { pack: loadPolicy("palfrey"), draft: { subject: "Hello", body: `Dear all\n\n${disclaimer}`, bodyType: "text" } },
    {
      name: "not required",
      pack: loadPolicy("st-dunstans"),
      draft: { subject: "Hello", body: "Dear all", bodyType: "text" },
    },
  ],
  invalid: [
    {
      pack: loadPolicy("palfrey"),
      draft: { subject: "Hello", body: "Dear all", bodyType: "text" },
      errors: [{ messageId: "missing", location: "body" }],
    },
    {
      pack: loadPolicy("palfrey"),
      draft: { subject: "Hello", body: "<p>Dear all</p>", bodyType: "html" },
      errors: [{ messageId: "missing", location: "body" }],
    },
  ],
});

describe("missing-disclaimer: what counts as the disclaimer being there", () => {
  const pack = loadPolicy("palfrey");
  const findings = (body: string) => runRule(rule, { subject: "Hello", body, bodyType: "text" }, pack).findings;
  // Its first 60 characters: "This email and any attachments are confidential and intended".
  const opening = disclaimer.slice(0, 60);

  it("its opening, reflowed by a mail system and in another case, is enough", () => {
    expect(findings(`Dear all\n\n${opening.toUpperCase().replace(/ /g, "\n  ")} …`)).toEqual([]);
  });

  it("not one character short of the opening", () => {
    expect(findings(`Dear all\n\n${opening.slice(0, 59)}`)).toHaveLength(1);
  });

  it("reads the symbols of the opening as themselves, not as a pattern", () => {
    const text = "Private (and confidential)? See www.example.sch.uk/terms [v2] + $1 notes* for the rest of it.";
    const own = { ...pack, etiquette: { ...pack.etiquette, disclaimer: { ...pack.etiquette.disclaimer, text } } };
    const run = (body: string) => runRule(rule, { subject: "Hello", body, bodyType: "text" }, own).findings;
    expect(run(`Dear all\n\n${text}`)).toEqual([]);
    expect(run(`Dear all\n\n${text.replace(/\./g, "x")}`)).toHaveLength(1);
  });

  it("offers to append the school's own text", () => {
    expect(findings("Dear all")[0]?.fix).toEqual({ kind: "append-disclaimer", text: disclaimer });
  });
});
