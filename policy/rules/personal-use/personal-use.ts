import { defaultCitation, defineRule } from "../define.js";
import { NOT_A_LABEL_AFTER, PERSONAL_MARKERS, SCHOOL_BUSINESS_MARKERS } from "../../data/personal-use/markers.js";
import { findAll, phrasePattern } from "../text.js";

const PERSONAL = phrasePattern(PERSONAL_MARKERS);
const BUSINESS = phrasePattern(SCHOOL_BUSINESS_MARKERS);

/**
 * The subject carries the label as a label: at the start ("Personal: …", "Personal - …", "PERSONAL …")
 * or bracketed ("[Personal]", "(personal)"), never as in "Personal development plan".
 */
export function hasPersonalLabel(subject: string, label: string): boolean {
  const lower = subject.toLowerCase().trim();
  const wanted = label.toLowerCase();
  if (lower.indexOf(`[${wanted}]`) !== -1 || lower.indexOf(`(${wanted})`) !== -1) return true;
  const withoutPrefix = lower.replace(/^(?:(?:re|fw|fwd):\s*)+/, "");
  if (withoutPrefix.indexOf(wanted) !== 0) return false;
  const rest = withoutPrefix.slice(wanted.length);
  if (rest.length === 0) return true;
  if (/^[a-z]/.test(rest)) return false;
  const nextWord = /^[\s:–-]*([a-z]+)/.exec(rest);
  return !(nextWord && NOT_A_LABEL_AFTER.indexOf(nextWord[1] ?? "") !== -1 && /^\s/.test(rest));
}

/** Plainly personal: two distinct personal signs and no sign of school business. */
export function looksPersonal(subject: string, own: string): boolean {
  const text = `${subject}\n${own}`;
  if (findAll(BUSINESS, text).length > 0) return false;
  const distinct = new Set(findAll(PERSONAL, text).map((hit) => hit.text.toLowerCase()));
  return distinct.size >= 2;
}

export default defineRule({
  meta: {
    id: "personal-use",
    category: "personal-use",
    defaultSeverity: "nudge",
    clause: "personal-use",
    fallbackCitation: defaultCitation(
      "Personal use",
      "Occasional personal e-mail is allowed when it is labelled 'Personal' in the subject.",
    ),
    docs: "A plainly personal message: without the school's label in the subject where personal mail must be labelled, or at all where personal mail is prohibited.",
    messages: {
      unlabelled: "This looks like a personal email. Add '{{label}}' to the subject, as the school asks.",
      prohibited:
        "This looks like a personal email. The school's email is for work only: please use a personal account.",
    },
  },
  check({ draft, pack, message }) {
    const personalUse = pack.personalUse;
    if (personalUse.mode === "allowed") return [];
    if (personalUse.mode === "allowed-if-labelled" && hasPersonalLabel(draft.subject, personalUse.label)) return [];
    // The whole subject: a reply to a friend about a car sale is personal whoever wrote the subject.
    if (!looksPersonal(message.subject.text, message.own)) return [];
    if (personalUse.mode === "prohibited") return [{ messageId: "prohibited", location: "body" }];
    return [
      {
        messageId: "unlabelled",
        data: { label: personalUse.label },
        location: "subject",
        fix: { kind: "prefix-subject", text: `${personalUse.label}:` },
      },
    ];
  },
});
