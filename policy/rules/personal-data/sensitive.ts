import type { Entity, EntityType, PolicyPack, Recipient, RuleContext } from "../../engine/types.js";
import { domainOf } from "../../engine/draft.js";
import { SENSITIVE_TERMS } from "../../data/personal-data/lexicon.js";
import { SENSITIVE_CATEGORIES, type SensitiveCategory } from "../../pack/vocabulary.js";

/**
 * Entity types that make a message carry personal data worth encrypting. A name alone is not
 * (every letter to a parent names someone); a bare email address never is.
 */
export const ENCRYPT_WORTHY_TYPES = [
  "nhs-number",
  "ni-number",
  "upn",
  "uln",
  "date-of-birth",
  "postal-address",
  "phone-number",
  "bank-details",
  "passport-number",
  "driving-licence",
  "special-category",
] as const satisfies readonly EntityType[];
const ENCRYPT_WORTHY = new Set<EntityType>(ENCRYPT_WORTHY_TYPES);

/** The entities worth encrypting (`ENCRYPT_WORTHY_TYPES`), in `location` if given, in their order. */
export function sensitiveEntities(entities: readonly Entity[], location?: Entity["location"]): readonly Entity[] {
  return entities.filter((entity) => ENCRYPT_WORTHY.has(entity.type) && (!location || entity.location === location));
}

const TYPE_WORDS: Readonly<Record<EntityType, string>> = {
  "nhs-number": "an NHS number",
  "ni-number": "a National Insurance number",
  upn: "a UPN",
  uln: "a ULN",
  "date-of-birth": "a date of birth",
  "postal-address": "a home address",
  "phone-number": "a phone number",
  "bank-details": "bank details",
  "passport-number": "a passport number",
  "driving-licence": "a driving licence number",
  "person-name": "a name",
  "special-category": "sensitive details (health, SEN, safeguarding…)",
};

/** The texts entities index into, so a message can say which kind of sensitive detail it saw. */
export interface EntityTexts {
  readonly subject: string;
  readonly body: string;
  /** Attachment names joined by "\n" (as the detectors index them). */
  readonly attachments: string;
}

const CATEGORY_WORDS: Readonly<Record<SensitiveCategory, string>> = {
  health: "health",
  sen: "SEN",
  safeguarding: "safeguarding",
  "looked-after": "looked-after",
  "free-school-meals": "free school meals",
  // The lexicon's exclusion group also holds attendance enforcement (persistent absence, penalty notices).
  exclusion: "exclusion or attendance",
  ethnicity: "ethnicity",
  religion: "religion",
  "sexual-orientation": "sexual orientation",
  criminal: "police or offending",
  financial: "financial circumstances",
  employment: "HR casework",
};

const TERM_CATEGORY = new Map<string, SensitiveCategory>();
for (const category of SENSITIVE_CATEGORIES)
  for (const term of SENSITIVE_TERMS[category]) TERM_CATEGORY.set(term, category);

/** "SEN and health": the kinds of sensitive detail the special-category entities cover. */
function sensitiveKinds(entities: readonly Entity[], texts: EntityTexts): string {
  const kinds: string[] = [];
  for (const entity of entities) {
    if (entity.type !== "special-category") continue;
    const term = texts[entity.location].slice(entity.start, entity.end).toLowerCase();
    const category = TERM_CATEGORY.get(term);
    const word = category === undefined ? undefined : CATEGORY_WORDS[category];
    if (word !== undefined && kinds.indexOf(word) === -1) kinds.push(word);
  }
  return joinWords(kinds.slice(0, 3));
}

function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? "";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1] as string}`;
}

/**
 * "an NHS number and an identifiable person's SEN and health details" — for messages a teacher reads at a
 * glance. With the texts, special-category details are named by kind; without, in general words.
 */
export function describeEntities(entities: readonly Entity[], texts?: EntityTexts): string {
  const words: string[] = [];
  // Worked out once: per entity it would be quadratic on a long list of pupils (issue 10, linear time).
  const kinds = texts === undefined ? "" : sensitiveKinds(entities, texts);
  for (const entity of entities) {
    let word = TYPE_WORDS[entity.type];
    if (entity.type === "special-category" && kinds !== "") word = `an identifiable person's ${kinds} details`;
    if (words.indexOf(word) === -1) words.push(word);
  }
  return words.length === 0 ? "personal data" : joinWords(words);
}

/** The texts entities index into: the subject, the body as the engine read it, the attachments' names. */
export function entityTexts(subject: string, body: string, attachmentNames: readonly string[]): EntityTexts {
  return { subject, body, attachments: attachmentNames.join("\n") };
}

/** A rule's texts, for describeEntities: its draft's subject, the body it read and the attachments' names. */
export function contextTexts({ draft, bodyText }: Pick<RuleContext, "draft" | "bodyText">): EntityTexts {
  return entityTexts(
    draft.subject,
    bodyText,
    draft.attachments.map((attachment) => attachment.name),
  );
}

/** "a@x.com, b@y.com, c@z.com and 2 more": the first three addresses, then how many more. */
export function listAddresses(recipients: readonly Recipient[]): string {
  const addresses = recipients.map((recipient) => recipient.address);
  return addresses.length <= 3
    ? addresses.join(", ")
    : `${addresses.slice(0, 3).join(", ")} and ${addresses.length - 3} more`;
}

/** "a@x.com and b@y.com", or "a@x.com and 4 more": the first address, then how many more, past two. */
export function listTwoAddresses(recipients: readonly Recipient[]): string {
  const addresses = recipients.map((recipient) => recipient.address);
  return addresses.length <= 2 ? addresses.join(" and ") : `${addresses[0] as string} and ${addresses.length - 1} more`;
}

/** The recipients at one of the pack's personal webmail domains (Gmail, Hotmail…). */
export function personalWebmailOf(recipients: readonly Recipient[], pack: PolicyPack): Recipient[] {
  const domains = pack.recipients.personalWebmailDomains;
  return recipients.filter((recipient) => domains.indexOf(domainOf(recipient.address)) !== -1);
}
