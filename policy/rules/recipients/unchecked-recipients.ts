import { defaultCitation, defineRule } from "../define.js";
import type { RuleReport } from "../../engine/types.js";

/** Display names that suggest a list of families rather than one person or a colleague. */
const PARENT_LIST = /\b(?:parents?|carers?|families|family|guardians?|class|year|form|group|list|contacts|pta)\b/i;

function label(name: string | undefined, address: string): string {
  const shown = (name ?? address).trim();
  return shown.length > 0 ? shown : "(no name)";
}

function listOf(labels: readonly string[]): string {
  return labels.length <= 3 ? labels.join(", ") : `${labels.slice(0, 3).join(", ")} and ${labels.length - 3} more`;
}

/**
 * Recipients Outlook gives without a checkable address (a personal contact group, an unresolved entry):
 * inside or outside the school cannot be told, so the other recipient checks cannot vouch for them. A tip
 * in the pane; a nudge to use Bcc where such an entry in To or Cc looks like a list of parents.
 */
export default defineRule({
  meta: {
    id: "unchecked-recipients",
    category: "recipients",
    defaultSeverity: "info",
    clause: "unchecked-recipients",
    fallbackCitation: defaultCitation(
      "E-mail",
      "When e-mailing a group of parents or other external contacts, use Bcc so their addresses are not shared.",
    ),
    docs: "Recipients with no checkable address (a contact group, an unresolved name): a tip that they cannot be checked, and a nudge to Bcc a group that may hide parents.",
    messages: {
      // Info only: reported at info, never at send (left out of launchevent.js).
      unchecked:
        "{{names}} could not be checked: Outlook gives no email address ({{reason}}). Check who is in it before sending.",
      mayHideParents:
        "{{names}} in To/Cc looks like a group of parents: everyone in it would see each other's addresses. Move it to Bcc?",
    },
  },
  check({ message }) {
    const unknown = message.recipients.filter((entry) => entry.standing === "unknown");
    const reports: RuleReport[] = [];
    const visibleLists = unknown.filter(
      (entry) => entry.field !== "bcc" && PARENT_LIST.test(entry.recipient.name ?? entry.recipient.address),
    );
    if (visibleLists.length > 0) {
      reports.push({
        messageId: "mayHideParents",
        data: { names: listOf(visibleLists.map((entry) => label(entry.recipient.name, entry.recipient.address))) },
        location: "recipients",
        severity: "nudge",
        fix: { kind: "move-to-bcc", addresses: visibleLists.map((entry) => entry.recipient.address) },
      });
    }
    const others = unknown.filter((entry) => visibleLists.indexOf(entry) === -1);
    if (others.length > 0) {
      reports.push({
        messageId: "unchecked",
        data: {
          names: listOf(others.map((entry) => label(entry.recipient.name, entry.recipient.address))),
          reason: (others[0] as (typeof others)[number]).reason,
        },
        location: "recipients",
      });
    }
    return reports;
  },
});
