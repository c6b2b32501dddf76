import { describe, expect, it } from "vitest";
import { packFor, ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule from "./sensitive-file-name.js";

const draft = (name: string) => ({
  subject: "Files",
  body: "Attached",
  bodyType: "text" as const,
  attachments: [{ name, size: 1000 }],
});

ruleTester(rule, {
  pack: loadPolicy("st-john-payne"),
  valid: [
    { draft: draft("EHCP guidance 2025.pdf") },
    { draft: draft("Year 3 reading list.docx") },
    { draft: draft("MARF_form_blank.docx") },
  ],
  invalid: [
    { draft: draft("Oliver Reid EHCP autism.pdf"), errors: [{ messageId: "name", location: "attachments" }] },
    { draft: draft("NHS 9434765919 referral.pdf"), errors: [{ messageId: "name", location: "attachments" }] },
    // A multi-agency referral form, as local authorities name it.
    { draft: draft("MARF_Tyler_Bishop_Nov26.pdf"), errors: [{ messageId: "name", location: "attachments" }] },
  ],
});

describe("sensitive-file-name: what it says and marks", () => {
  const pack = loadPolicy("st-john-payne");
  it.each([
    ["Oliver Reid EHCP autism.pdf", "sensitive details (health, SEN, safeguarding…)", ["EHCP", "autism"]],
    ["NHS 9434765919 referral.pdf", "an NHS number", ["9434765919"]],
  ])("%s", (name, what, marked) => {
    const [finding] = runRule(rule, draft(name), pack).findings;
    expect(finding?.data).toEqual({ what });
    expect((finding?.spans ?? []).map((span) => name.slice(span.start, span.end))).toEqual(marked);
  });

  it("not when the school does not check file names", () => {
    const off = packFor("st-john-payne", { attachments: { sensitiveFileNames: false } });
    expect(runRule(rule, draft("NHS 9434765919 referral.pdf"), off).findings).toEqual([]);
  });
});
