import { defaultCitation, defineRule } from "../define.js";
import { externalOf } from "../../engine/message.js";
import { contextTexts, describeEntities, listTwoAddresses, sensitiveEntities } from "../personal-data/sensitive.js";
import { wasSentTo } from "./address-hash.js";

/**
 * Below this many remembered addresses the history is too young to say "never written to before": a
 * new install would otherwise nudge on every parent.
 */
export const MIN_HISTORY = 20;

/**
 * Personal data to an external address this sender has never written to before: the add-in keeps salted
 * hashes of the addresses it has sent to (on the device, never the addresses or any content) and passes
 * them as `draft.sentBefore`; without them, or with too short a history, the rule stays silent.
 */
export default defineRule({
  meta: {
    id: "new-external-recipient",
    category: "recipients",
    defaultSeverity: "nudge",
    clause: "verify-recipient",
    fallbackCitation: defaultCitation(
      "E-mail",
      "Verify the details, including the accurate e-mail address, of any intended recipient.",
    ),
    docs: "Personal data to an external address this sender has never written to before (salted hashes of past recipients, kept on the device).",
    messages: {
      first:
        "This email contains {{what}} and goes to {{addresses}}, an address you have not written to before. Check it is the right person before sending.",
    },
  },
  check({ draft, bodyText, personalData, message }) {
    const history = draft.sentBefore;
    if (history === undefined || history.hashes.length < MIN_HISTORY) return [];
    const found = sensitiveEntities(personalData);
    if (found.length === 0) return [];
    const fresh = externalOf(message).filter((recipient) => !wasSentTo(history, recipient.address));
    if (fresh.length === 0) return [];
    return [
      {
        messageId: "first",
        data: {
          what: describeEntities(found, contextTexts({ draft, bodyText })),
          addresses: listTwoAddresses(fresh),
        },
        location: "recipients",
      },
    ];
  },
});
