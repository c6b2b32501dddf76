import { defaultCitation, defineRule } from "../define.js";
import { domainOf } from "../../engine/draft.js";
import { externalOf } from "../../engine/message.js";
import { CONTENTION_WORDS, contentionOf, isPersonalMail } from "./contentious.js";

/**
 * The copy the school asks for on mail to parents or outside organisations "where appropriate" (St John
 * Payne): only when the mail is contentious or sensitive — a heated tone, a complaint, a named person's
 * special-category details, personal data — never on routine courteous mail or mail labelled personal.
 */
export default defineRule({
  meta: {
    id: "required-cc",
    category: "recipients",
    defaultSeverity: "nudge",
    clause: "required-cc",
    fallbackCitation: defaultCitation(
      "E-mail",
      "Copy your line manager on contentious or sensitive e-mail to parents or outside organisations.",
    ),
    docs: "Contentious or sensitive mail without the copy the school asks for (head or line manager): to parents, a heated tone, a complaint, safeguarding/SEN/health details or personal data; to outside organisations, a heated tone or a complaint.",
    messages: {
      missing:
        "This email goes to {{audience}} and {{why}}. The school asks you to copy {{who}} on such mail. Add them to Cc?",
    },
  },
  appliesTo: (pack) => pack.recipients.ccOnExternalToParents.required,
  check(context) {
    const { draft, pack, message } = context;
    const rule = pack.recipients.ccOnExternalToParents;
    const outside = externalOf(message);
    if (outside.length === 0 || isPersonalMail(context)) return [];
    const present = new Set(message.recipients.map((entry) => entry.recipient.address.trim().toLowerCase()));
    const missing = rule.cc.filter((person) => !present.has(person.address.toLowerCase()));
    // The sender is the person the school asks to be copied (the head writing herself).
    const from = draft.from?.address.toLowerCase();
    if (missing.length === 0 || (from !== undefined && rule.cc.some((person) => person.address === from))) return [];
    const contention = contentionOf(context);
    if (contention === undefined) return [];
    const webmail = pack.recipients.personalWebmailDomains;
    const parents = outside.filter((recipient) => webmail.indexOf(domainOf(recipient.address)) !== -1).length;
    // Sharing a named pupil's details with an agency (a referral, the local authority) is routine professional
    // work; with organisations only a heated tone or a complaint makes the copy appropriate.
    if (parents === 0 && (contention === "special-category" || contention === "personal-data")) return [];
    // One parent told about their own child, the SEN plan or the care plan included, is a routine reply
    // (the corpus README: "a routine, courteous reply to one parent" is not a reason to copy the Head).
    if (parents === 1 && outside.length === 1 && (contention === "special-category" || contention === "personal-data"))
      return [];
    // Heated mail to one person already gets the tone nudge, which asks the sender to stop and reread; a
    // second nudge about the same mail nags. The copy stays asked for when the heat goes to several.
    if (outside.length === 1 && contention === "tone") return [];
    const audience =
      parents === outside.length
        ? parents === 1
          ? "a parent"
          : "parents"
        : parents === 0
          ? outside.length === 1
            ? "an outside organisation"
            : "outside organisations"
          : "parents and outside organisations";
    // "the Headteacher" for a role, "Mrs Khan" for a person, the address when there is no name.
    const who = missing
      .map((person) =>
        person.name === undefined ? person.address : /\s/.test(person.name.trim()) ? person.name : `the ${person.name}`,
      )
      .join(" and ");
    return [
      {
        messageId: "missing",
        data: { audience, why: CONTENTION_WORDS[contention], who, reason: contention },
        location: "recipients",
        fix: { kind: "add-cc", recipients: missing },
      },
    ];
  },
});
