import { defaultCitation, defineRule } from "../define.js";
import { allRecipients } from "../../engine/draft.js";

export default defineRule({
  meta: {
    id: "too-many-recipients",
    category: "recipients",
    defaultSeverity: "info",
    clause: "too-many-recipients",
    fallbackCitation: defaultCitation(
      "E-mail etiquette",
      "Messages should be directed only to relevant individuals on a need to know basis.",
    ),
    docs: "More recipients than the pack's maximum: e-mail goes to those who need to know.",
    messages: { many: "This goes to {{count}} people. Does everyone need it?" },
  },
  check({ draft, pack }) {
    // Not the sender, who often puts themself in To with the list in Bcc (a new user's trial: "This goes
    // to 121 people" for 120 parents).
    const sender = draft.from?.address.toLowerCase();
    const count = allRecipients(draft).filter((recipient) => recipient.address.toLowerCase() !== sender).length;
    return count > pack.etiquette.maxRecipients ? [{ messageId: "many", data: { count }, location: "recipients" }] : [];
  },
});
