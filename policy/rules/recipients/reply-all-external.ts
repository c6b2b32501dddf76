import { defaultCitation, defineRule } from "../define.js";
import { externalOf } from "../../engine/message.js";
import type { Recipient } from "../../engine/types.js";
import { contextTexts, describeEntities, listTwoAddresses, sensitiveEntities } from "../personal-data/sensitive.js";

const REPLY_SUBJECT = /^\s*(?:re|aw|sv|vs|antw)\s?(?:\[\d+\])?\s?:/i;

/**
 * Whether the earlier messages show this recipient: their address, their display name ("Kate Ashdown"),
 * or the name their address spells ("kate.ashdown@" → "kate ashdown", as "On …, Kate Ashdown wrote:").
 */
function mentioned(recipient: Recipient, thread: string): boolean {
  const address = recipient.address.trim().toLowerCase();
  if (address.length > 0 && thread.indexOf(address) !== -1) return true;
  const at = address.indexOf("@");
  // Stryker disable next-line StringLiteral: only outside recipients are checked and every one has an "@" (classifyRecipient), so at is never -1
  const localName = (at === -1 ? "" : address.slice(0, at))
    .split(/[^a-z]+/)
    .filter((part) => part.length > 1)
    .join(" ");
  for (const name of [(recipient.name ?? "").trim().toLowerCase(), localName]) {
    if (name.length >= 5 && name.indexOf(" ") !== -1 && thread.indexOf(name) !== -1) return true;
  }
  return false;
}

/**
 * Replying to a thread about a pupil sends the whole history again. An outside address the earlier
 * messages never show (not in their headers, not by name) is on the reply: added by hand, or kept by
 * "reply all" on an internal discussion (the wording says which). Only when the thread carries personal data.
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
    const thread = quoted.map((segment) => message.body.lower.slice(segment.start, segment.end)).join("\n");
    const what = describeEntities(found, contextTexts({ draft, bodyText }));
    // Outsiders the earlier messages never show: someone new receives the whole history.
    const added = outside.filter((recipient) => !mentioned(recipient, thread));
    if (added.length === 0) return [];
    const visible = message.recipients.filter((entry) => entry.field !== "bcc");
    const internal = visible.filter((entry) => entry.standing === "internal").length;
    // At least three visible and more than half inside: at least two inside.
    const replyAll = visible.length >= 3 && internal > visible.length / 2;
    return [
      {
        messageId: replyAll ? "replyAll" : "added",
        data: { addresses: listTwoAddresses(added), what },
        location: "recipients",
      },
    ];
  },
});
