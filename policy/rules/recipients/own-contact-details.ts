import { defaultCitation, defineRule } from "../define.js";
import { findAll, phrasePattern, spansByKind } from "../text.js";
import { domainOf, type Message } from "../../engine/message.js";
import type { PolicyPack } from "../../pack/schema.js";
import { isOnDomain } from "../../pack/validators.js";
import type { Span } from "../../engine/types.js";
import { PHONE } from "../../data/personal-data/patterns.js";
import { OWN_PHONE_CONTEXT } from "../../data/personal-data/lexicon.js";
import { PUPIL_SUBDOMAINS, SOCIAL_CONTACT_PHRASES, WORK_PHONE_WORDS } from "../../data/recipients/pupils.js";
import { nationalDigits, packFacts } from "../../detectors/pack-facts.js";
import { UK_MOBILE } from "../../detectors/phone-number.js";
import { hasPhrase, windowBefore } from "../../detectors/text.js";
import { inTextOrder } from "../../engine/text-order.js";

const SOCIAL_CONTACT = phrasePattern(SOCIAL_CONTACT_PHRASES);
/**
 * The "@" and domain of an e-mail address in running text (its domain is checked against the pack's personal
 * webmail domains); the local part before it is walked back to by hand, as a regex over it backtracks.
 */
const AT_DOMAIN = /@([\w-]+(?:\.[\w-]+)+)/g;

/**
 * Is `address` a pupil's mailbox: on one of the pack's `pupilDomains` (or a subdomain of one), or on a
 * subdomain of the school's own domain that Microsoft 365 Education tenants give pupils ("students.…",
 * `PUPIL_SUBDOMAINS`)?
 */
export function isPupilAddress(address: string, pack: PolicyPack): boolean {
  const domain = domainOf(address);
  if (domain.length === 0) return false;
  const within = (own: string) => isOnDomain(domain, own);
  if (pack.recipients.pupilDomains.some(within)) return true;
  const dot = domain.indexOf(".");
  return (
    dot !== -1 &&
    PUPIL_SUBDOMAINS.indexOf(domain.slice(0, dot)) !== -1 &&
    pack.school.emailDomains.some((own) => within(own) && domain !== own)
  );
}

/**
 * Where the sender's own words give their own contact details: a UK mobile they introduce as theirs ("text
 * me on", "my mobile"; not one of the school's numbers, not a work mobile), an address on a personal webmail
 * domain, or a way to reach them on social media ("add me on Snapchat"). Spans index `message.own`, ascending.
 */
export function ownContactDetails(message: Message, pack: PolicyPack): { spans: Span[]; kinds: string[] } {
  const own = message.own;
  const lower = own.toLowerCase();
  const school = packFacts(pack).ownPhones;
  const { spans, kinds, add: note } = spansByKind();
  for (const match of findAll(PHONE, own)) {
    const number = nationalDigits(match.text);
    if (!UK_MOBILE.test(number) || school.has(number)) continue;
    // Introduced as the sender's own ("text me on", "my mobile is"): not a father's or a work placement's
    // ("his mobile is"), and not a phone the school gives staff ("my work mobile"): a new user's trial.
    const before = windowBefore(lower, match.start, 30);
    if (hasPhrase(before, OWN_PHONE_CONTEXT) && !hasPhrase(before, WORK_PHONE_WORDS))
      note("mobile number", match.start, match.end);
  }
  const webmail = pack.recipients.personalWebmailDomains;
  for (const match of findAll(AT_DOMAIN, own)) {
    if (webmail.indexOf(match.text.slice(1).toLowerCase()) === -1) continue;
    let start = match.start;
    while (start > 0 && /[\w.+-]/.test(own.charAt(start - 1))) start--;
    if (start < match.start) note("personal email address", start, match.end);
  }
  for (const match of findAll(SOCIAL_CONTACT, own)) note("social media", match.start, match.end);
  inTextOrder(spans);
  return { spans, kinds };
}

/**
 * A member of staff giving pupils their own contact details: St John Payne's Staff Acceptable Use
 * Agreement ("I will not give out my own personal details, such as mobile phone number, personal e-mail
 * address and social networking identities to pupils"), St Dunstan's ("…to pupils or parents"). Pupils are
 * known by their mailboxes' domain (`isPupilAddress`); parents cannot be told from other outside
 * addresses, so mail to parents is not judged.
 */
export default defineRule({
  meta: {
    id: "own-contact-details",
    category: "pupil-contact",
    defaultSeverity: "nudge",
    clause: "own-details",
    fallbackCitation: defaultCitation(
      "Contact with pupils",
      "Do not give pupils your personal contact details: keep contact to school channels.",
    ),
    docs: "The sender's own mobile number, personal e-mail address or social media given to pupils (recipients on the school's pupil domain).",
    messages: {
      own: "This gives a pupil your own {{what}}. The school asks staff to keep contact with pupils to school channels.",
    },
  },
  check({ pack, message }) {
    if (!message.recipients.some((entry) => isPupilAddress(entry.recipient.address, pack))) return [];
    const { spans, kinds } = ownContactDetails(message, pack);
    if (spans.length === 0) return [];
    return [{ messageId: "own", data: { what: kinds.join(" and ") }, location: "body", spans }];
  },
});
