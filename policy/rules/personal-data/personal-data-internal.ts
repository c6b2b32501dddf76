import { defaultCitation, defineRule } from "../define.js";
import type { Span } from "../../engine/types.js";
import { contextTexts, describeEntities, sensitiveEntities } from "./sensitive.js";

/**
 * Personal data in mail that stays inside the school, where the school asks nothing more than care: an
 * info finding in the task pane quoting the school's own clause (verify the address, keep recipients to
 * the minimum, no personal data in the subject, ask for confirmation of safe receipt). Info never prompts
 * at send. Mail with any recipient outside the school is left to the encryption and external rules, so a
 * draft gets one personal-data finding, not two.
 */
export default defineRule({
  meta: {
    id: "personal-data-internal",
    category: "personal-data",
    defaultSeverity: "info",
    clause: "personal-data-internal",
    fallbackCitation: defaultCitation(
      "Data security",
      "Personal data is shared only with the people who need it: check the address and keep recipients to the minimum.",
    ),
    docs: "A tip, never a prompt: the draft carries personal data (identifiers, a date of birth, a home address or phone number, bank details, or special-category details about an identifiable person) and goes only to people inside the school.",
    messages: {
      internal:
        "This email contains {{what}}. It stays inside the school, but check each address and that everyone copied needs it.",
    },
  },
  check({ draft, pack, message, bodyText, personalData }) {
    // Where the school encrypts internal mail too, the encryption rule speaks for this draft.
    if (pack.encryption.required && pack.encryption.internalToo) return [];
    if (message.recipients.some((entry) => entry.standing !== "internal")) return [];
    const found = sensitiveEntities(personalData);
    if (found.length === 0) return [];
    // Which details and where, as the rules for outside mail say it (a new user's trial: the tip named no
    // kind and pointed at no words). A tip only: nothing here reaches the send bundle.
    const what = describeEntities(found, contextTexts({ draft, bodyText }));
    const spans: readonly Span[] = found.filter((entity) => entity.location === "body");
    return [{ messageId: "internal", data: { what }, location: "body", ...(spans.length > 0 ? { spans } : {}) }];
  },
});
