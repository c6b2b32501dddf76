import { defaultCitation, defineRule } from "../define.js";
import { externalRecipients } from "../../engine/draft.js";
import { DISCLAIMER_OPENING_LENGTH, disclaimerPattern, squashSpaces } from "../../engine/disclaimer.js";

/**
 * The shortest start of a disclaimer that this rule's check reads as the whole: whose squashed text runs
 * past the DISCLAIMER_OPENING_LENGTH characters it searches for, or all of it. The send-time bundle embeds only this
 * (the full text is the task pane's fix, which the send handler never applies).
 */
export function disclaimerOpening(text: string): string {
  for (let end = DISCLAIMER_OPENING_LENGTH; end < text.length; end++)
    if (squashSpaces(text.slice(0, end)).length > DISCLAIMER_OPENING_LENGTH) return text.slice(0, end);
  return text;
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
    docs: "The school's standard disclaimer is missing where the pack requires it: a prompt at send when the message leaves the school, a line in the task pane when it goes to colleagues only.",
    messages: { missing: "The school's standard disclaimer is missing. Add it?" },
  },
  appliesTo: (pack) => pack.etiquette.disclaimer.required,
  check({ draft, pack, bodyText }) {
    const disclaimer = pack.etiquette.disclaimer;
    // Searched for in the body as written, its spaces as runs of whitespace and case ignored: squashing a
    // 1 MB body first copied it twice, a quarter of the time of a body of short lines.
    if (disclaimerPattern(disclaimer.text).test(bodyText)) return [];
    // To colleagues only, the pane still asks (the policy says every e-mail), but a prompt at every internal
    // send was the nagging a new user met on each reply to a colleague; outside the school is where a
    // confidentiality notice does its work. A school that wants the prompt everywhere sets the rule's
    // severity in its pack, which wins over this one.
    const internal =
      draft.to.length + draft.cc.length + draft.bcc.length > 0 && externalRecipients(draft, pack).length === 0;
    return [
      {
        messageId: "missing",
        location: "body",
        fix: { kind: "append-disclaimer", text: disclaimer.text },
        ...(internal ? { severity: "info" as const } : {}),
      },
    ];
  },
});
