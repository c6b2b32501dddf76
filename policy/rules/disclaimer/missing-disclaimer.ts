import { defaultCitation, defineRule } from "../define.js";

function squash(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

export default defineRule({
  meta: {
    id: "missing-disclaimer",
    category: "disclaimer",
    defaultSeverity: "nudge",
    clause: "disclaimer",
    fallbackCitation: defaultCitation(
      "E-mail etiquette",
      "The school's standard disclaimer should be used on every e-mail.",
    ),
    docs: "The school's standard disclaimer is missing where the pack requires it.",
    messages: { missing: "The school's standard disclaimer is missing. Add it?" },
  },
  check({ pack, bodyText }) {
    const disclaimer = pack.etiquette.disclaimer;
    if (!disclaimer.required) return [];
    // The first sentence identifies the disclaimer; mail systems reflow the rest.
    const opening = squash(disclaimer.text).slice(0, 60);
    // Searched for in the body as written, its spaces as runs of whitespace and case ignored: squashing a
    // 1 MB body first copied it twice, a quarter of the time of a body of short lines.
    const pattern = new RegExp(opening.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"), "i");
    if (pattern.test(bodyText)) return [];
    return [{ messageId: "missing", location: "body", fix: { kind: "append-disclaimer", text: disclaimer.text } }];
  },
});
