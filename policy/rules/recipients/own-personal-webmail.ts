import { defaultCitation, defineRule } from "../define.js";
import { isPersonalMail } from "./contentious.js";
import { allRecipients, domainOf } from "../../engine/draft.js";
import type { Recipient } from "../../engine/types.js";

function letters(text: string): string {
  return text.toLowerCase().replace(/[^a-z]/g, "");
}

/** The recipient looks like the sender themself at a personal webmail account. */
function isSendersOwnAccount(recipient: Recipient, from: Recipient): boolean {
  const senderName = letters(from.name ?? "");
  if (senderName.length < 4) return false;
  if (recipient.name && letters(recipient.name) === senderName) return true;
  const local = letters(recipient.address.slice(0, recipient.address.indexOf("@")));
  const parts = (from.name as string)
    .toLowerCase()
    .split(/\s+/)
    .map(letters)
    .filter((part) => part.length > 1);
  if (parts.length < 2) return false;
  const given = parts[0] as string;
  const surname = parts[parts.length - 1] as string;
  // A short form of the given name ("Cath Ward" <cathward.home@…> for Catherine Ward): the surname, and the
  // given name's first four letters at the start of the address or of the name shown.
  const shown = (recipient.name ?? "").toLowerCase().split(/\s+/).map(letters);
  const shortGiven = given.slice(0, 4);
  const byShortForm =
    given.length > 4 &&
    (local.indexOf(shortGiven) === 0
      ? local.indexOf(surname) !== -1
      : (shown[0] as string).indexOf(shortGiven) === 0 && shown[shown.length - 1] === surname);
  return byShortForm || parts.every((part) => local.indexOf(part) !== -1);
}

export default defineRule({
  meta: {
    id: "own-personal-webmail",
    category: "recipients",
    defaultSeverity: "nudge",
    clause: "webmail",
    fallbackCitation: defaultCitation(
      "E-mail",
      "School business must be conducted through school e-mail accounts, not personal ones.",
    ),
    docs: "School mail sent to the sender's own personal webmail account (Gmail, Hotmail...).",
    messages: {
      own: "{{address}} looks like your personal account. School business should stay in your school email.",
    },
  },
  check(context) {
    const { draft, pack } = context;
    const from = draft.from;
    // Personal mail to one's own webmail is not school business leaving the school.
    if (!from || isPersonalMail(context)) return [];
    const webmail = pack.recipients.personalWebmailDomains;
    return allRecipients(draft)
      .filter(
        (recipient) => webmail.indexOf(domainOf(recipient.address)) !== -1 && isSendersOwnAccount(recipient, from),
      )
      .map((recipient) => ({
        messageId: "own",
        data: { address: recipient.address },
        location: "recipients" as const,
      }));
  },
});
