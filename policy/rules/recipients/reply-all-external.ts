import { defaultCitation, defineRule } from "../define.js";
import { externalOf } from "../../engine/message.js";
import type { Recipient } from "../../engine/types.js";
import { describeEntities, entityTexts, sensitiveEntities } from "../personal-data/sensitive.js";

const REPLY_SUBJECT = /^\s*(?:re|aw|sv|vs|antw)\s?(?:\[\d+\])?\s?:/i;

function mentioned(recipient: Recipient, thread: string): boolean {
  const address = recipient.address.trim().toLowerCase();
  if (address.length > 0 && thread.indexOf(address) !== -1) return true;
  const name = (recipient.name ?? "").trim().toLowerCase();
  return name.length >= 5 && name.indexOf(" ") !== -1 && thread.indexOf(name) !== -1;
}

/**
 * Replying to a thread about a pupil sends the whole history again. Two shapes of the same mistake: an
 * outside address that was not on the earlier messages is added to the reply, or "reply all" keeps
 * outside people on an internal discussion. Only when the thread carries personal data.
 */
export default defineRule({
  meta: {
    id: "reply-all-external",
    category: "recipients",
    defaultSeverity: "nudge",
    clause: "verify-recipient",
    fallbackCitation: defaultCitation(
      "E-mail",
      "Do not copy or forward the e-mail to any more recipients than is absolutely necessary.",
    ),
    docs: "A reply to a thread carrying personal data that adds an outside address not on the earlier messages, or replies to all with outside people on an internal discussion.",
    messages: {
      added:
        "{{addresses}} was not on this thread, which contains {{what}}: they will receive the whole history below. Check they should.",
      replyAll:
        "Replying to all sends this thread, which contains {{what}}, to {{addresses}} outside the school. Remove anyone who does not need it.",
    },
  },
  check({ draft, bodyText, personalData, message }) {
    const quoted = message.segments.filter((segment) => segment.kind === "quoted");
    if (quoted.length === 0 || message.segments.some((segment) => segment.kind === "forwarded")) return [];
    if (!REPLY_SUBJECT.test(draft.subject)) return [];
    const found = sensitiveEntities(personalData);
    if (found.length === 0) return [];
    const outside = externalOf(message);
    if (outside.length === 0) return [];
    const thread = quoted.map((segment) => message.body.lower.slice(segment.start, segment.end)).join("\n");
    const what = describeEntities(
      found,
      entityTexts(
        draft.subject,
        bodyText,
        draft.attachments.map((attachment) => attachment.name),
      ),
    );
    const list = (recipients: readonly Recipient[]) => {
      const addresses = recipients.map((recipient) => recipient.address);
      return addresses.length <= 2 ? addresses.join(" and ") : `${addresses[0] ?? ""} and ${addresses.length - 1} more`;
    };
    const added = outside.filter((recipient) => !mentioned(recipient, thread));
    // Only where the thread shows its recipients (an Outlook header block or "On … wrote:" with an address).
    const threadShowsAddresses = /@/.test(thread);
    if (added.length > 0 && threadShowsAddresses) {
      return [{ messageId: "added", data: { addresses: list(added), what }, location: "recipients" }];
    }
    const visible = message.recipients.filter((entry) => entry.field !== "bcc");
    const internal = visible.filter((entry) => entry.standing === "internal").length;
    if (visible.length >= 3 && internal >= 2 && internal > visible.length / 2) {
      return [{ messageId: "replyAll", data: { addresses: list(outside), what }, location: "recipients" }];
    }
    return [];
  },
});
