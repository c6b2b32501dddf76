import { describe, expect, it } from "vitest";
import { ruleTester, runRule } from "../../engine/rule-tester.js";
import { loadPolicy } from "../../pack/load.js";
import rule, { disclaimerOpening } from "./missing-disclaimer.js";
import { PRESET_IDS } from "../../presets/index.js";

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
      name: "no recipients yet: a prompt, as nothing shows it stays inside the school",
      pack: loadPolicy("palfrey"),
      draft: { subject: "Hello", body: "Dear all", bodyType: "text" },
      errors: [{ messageId: "missing", location: "body", severity: "nudge" }],
    },
    {
      pack: loadPolicy("palfrey"),
      draft: { subject: "Hello", body: "<p>Dear all</p>", bodyType: "html" },
      errors: [{ messageId: "missing", location: "body" }],
    },
    {
      name: "to a parent: a prompt at send",
      pack: loadPolicy("lt2"),
      draft: { subject: "Trip", body: "Dear Mrs Khan", bodyType: "text", to: [{ address: "a.khan@gmail.com" }] },
      errors: [{ messageId: "missing", location: "body", severity: "nudge" }],
    },
    {
      name: "to a colleague and a parent: still a prompt",
      pack: loadPolicy("palfrey"),
      draft: {
        subject: "Trip",
        body: "Dear Mrs Khan",
        bodyType: "text",
        to: [{ address: "office@palfrey-infant.sch.uk" }, { address: "a.khan@gmail.com" }],
      },
      errors: [{ messageId: "missing", location: "body", severity: "nudge" }],
    },
    {
      name: "to colleagues only: a line in the task pane, no prompt",
      pack: loadPolicy("palfrey"),
      draft: {
        subject: "Rota",
        body: "Hi Sam",
        bodyType: "text",
        to: [{ address: "s.lee@palfrey-infant.sch.uk" }],
        cc: [{ address: "office@palfrey-infant.sch.uk" }],
      },
      errors: [{ messageId: "missing", location: "body", severity: "info" }],
    },
    {
      name: "to colleagues in Bcc only: a line in the task pane",
      pack: loadPolicy("palfrey"),
      draft: { subject: "Rota", body: "Hi all", bodyType: "text", bcc: [{ address: "s.lee@palfrey-infant.sch.uk" }] },
      errors: [{ messageId: "missing", location: "body", severity: "info" }],
    },
    {
      name: "to colleagues only, where the school's pack asks for the prompt everywhere",
      pack: { ...loadPolicy("palfrey"), rules: { "missing-disclaimer": "nudge" } },
      draft: { subject: "Rota", body: "Hi Sam", bodyType: "text", to: [{ address: "s.lee@palfrey-infant.sch.uk" }] },
      errors: [{ messageId: "missing", location: "body", severity: "nudge" }],
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

describe("disclaimerOpening: the start of a disclaimer the check reads as the whole", () => {
  const squashed = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim().slice(0, 60);

  it.each(PRESET_IDS)("%s: the check finds its opening in a body holding the full disclaimer", (preset) => {
    const pack = loadPolicy(preset);
    const text = pack.etiquette.disclaimer.text;
    const opening = disclaimerOpening(text);
    expect(text.startsWith(opening)).toBe(true);
    expect(squashed(opening)).toBe(squashed(text));
    const short = {
      ...pack,
      etiquette: { ...pack.etiquette, disclaimer: { ...pack.etiquette.disclaimer, text: opening } },
    };
    const run = (body: string) => runRule(rule, { subject: "Hello", body, bodyType: "text" }, short).findings;
    if (pack.etiquette.disclaimer.required) {
      expect(run(`Dear all\n\n${text}`)).toEqual([]);
      expect(run("Dear all")).toHaveLength(1);
    }
  });

  it("runs past the opening's whitespace, which squashing shrinks", () => {
    const text = `${"word   ".repeat(12)}and the rest of it`;
    const opening = disclaimerOpening(text);
    expect(opening.length).toBeLessThan(text.length);
    expect(squashed(opening)).toBe(squashed(text));
    expect(squashed(opening.slice(0, -1)).length).toBeLessThanOrEqual(60);
  });

  it("keeps a short disclaimer whole", () => {
    expect(disclaimerOpening("Confidential.")).toBe("Confidential.");
  });
});
