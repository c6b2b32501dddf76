import { defaultCitation, defineRule } from "../define.js";
import { domainOf, isInternalAddress } from "../../engine/draft.js";

export default defineRule({
  meta: {
    id: "external-recipients-visible",
    category: "recipients",
    defaultSeverity: "nudge",
    clause: "bcc",
    fallbackCitation: defaultCitation(
      "E-mail",
      "When e-mailing a group of parents or other external contacts, use Bcc so their addresses are not shared.",
    ),
    docs: "More external addresses than the pack's threshold visible to each other in To/Cc (a parent list that belongs in Bcc).",
    messages: {
      visible: "{{count}} people outside school can see each other's email addresses. Move them to Bcc?",
    },
  },
  check({ draft, pack }) {
    const trusted = pack.recipients.trustedDomains;
    const visible = [...draft.to, ...draft.cc].filter(
      (recipient) => !isInternalAddress(recipient.address, pack) && trusted.indexOf(domainOf(recipient.address)) === -1,
    );
    if (visible.length <= pack.recipients.bccThreshold) return [];
    return [
      {
        messageId: "visible",
        data: { count: visible.length },
        location: "recipients",
        fix: { kind: "move-to-bcc", addresses: visible.map((recipient) => recipient.address) },
      },
    ];
  },
});
