import { defaultCitation, defineRule } from "../define.js";
import { allRecipients, domainOf } from "../../engine/draft.js";

export default defineRule({
  meta: {
    id: "required-cc",
    category: "recipients",
    defaultSeverity: "nudge",
    clause: "recipients",
    fallbackCitation: defaultCitation("E-mail", "Copy your line manager on e-mail to parents where appropriate."),
    docs: "External mail to parents (personal webmail addresses) without the copy the school asks for (head or line manager).",
    messages: { missing: "Emails to parents should copy {{who}}. Add them to Cc?" },
  },
  check({ draft, pack }) {
    const rule = pack.recipients.ccOnExternalToParents;
    if (!rule.required) return [];
    const recipients = allRecipients(draft);
    const webmail = pack.recipients.personalWebmailDomains;
    const toParents = recipients.some((recipient) => webmail.indexOf(domainOf(recipient.address)) !== -1);
    if (!toParents) return [];
    const present = new Set(recipients.map((recipient) => recipient.address.toLowerCase()));
    const missing = rule.cc.filter((person) => !present.has(person.address.toLowerCase()));
    if (missing.length === 0) return [];
    const who = missing.map((person) => person.name ?? person.address).join(" and ");
    return [
      { messageId: "missing", data: { who }, location: "recipients", fix: { kind: "add-cc", recipients: missing } },
    ];
  },
});
