import { defaultCitation, defineRule } from "../define.js";
import { domainOf, externalRecipients, isEncrypted } from "../../engine/draft.js";
import type { PolicyPack } from "../../engine/types.js";
import { isOnDomain } from "../../pack/validators.js";
import { contextTexts, describeEntities, listAddresses, personalWebmailOf, sensitiveEntities } from "./sensitive.js";

function isTrusted(address: string, pack: PolicyPack): boolean {
  const domain = domainOf(address);
  return pack.recipients.trustedDomains.some((trusted) => isOnDomain(domain, trusted));
}

export default defineRule({
  meta: {
    id: "personal-data-to-external",
    // What the finding is about is the personal data; "recipients" is for who is visible and look-alikes.
    category: "personal-data",
    defaultSeverity: "nudge",
    clause: "personal-data",
    fallbackCitation: defaultCitation(
      "Data security",
      "Personal data is shared only with people who need it, and only through the school's own systems.",
    ),
    docs: "Personal data addressed outside the school: to a personal webmail account (nudge), or to an organisation that is not one of the school's trusted partners (a tip to check the address).",
    messages: {
      webmail:
        "This email contains {{what}} and goes to a personal email account ({{addresses}}). Check they should see it and that the address is right.",
      // Info only: reported at info, never at send (left out of launchevent.js).
      external:
        "This email contains {{what}} and goes outside the school ({{addresses}}). Check each address is right and that they need to see it.",
    },
  },
  check({ draft, pack, bodyText, personalData }) {
    const found = sensitiveEntities(personalData);
    if (found.length === 0) return [];
    // No encryption requirement: unencrypted-personal-data already nudges with the school's own steps
    // (check each address, fewer recipients, confirm safe receipt) or its named secure route; one nudge.
    if (!pack.encryption.required) return [];
    const outside = externalRecipients(draft, pack).filter((recipient) => !isTrusted(recipient.address, pack));
    if (outside.length === 0) return [];
    const webmail = personalWebmailOf(outside, pack);
    const what = describeEntities(found, contextTexts({ draft, bodyText }));
    if (webmail.length > 0) {
      // Encrypted mail to a parent's Gmail is the school's channel working; the address still deserves a look.
      const severity = isEncrypted(draft, pack) ? "info" : "nudge";
      return [
        { messageId: "webmail", data: { what, addresses: listAddresses(webmail) }, location: "recipients", severity },
      ];
    }
    // Encrypted to an organisation: the school's channel is doing its job; nothing more to say.
    if (isEncrypted(draft, pack)) return [];
    return [
      {
        messageId: "external",
        data: { what, addresses: listAddresses(outside) },
        location: "recipients",
        severity: "info",
      },
    ];
  },
});
