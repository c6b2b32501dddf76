import type { Entity, EntityType } from "../../engine/types.js";

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

export function sensitiveEntities(entities: readonly Entity[], location?: Entity["location"]): Entity[] {
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

/** "an NHS number and a date of birth" — for messages a teacher reads at a glance. */
export function describeEntities(entities: readonly Entity[]): string {
  const words: string[] = [];
  for (const entity of entities) {
    const word = TYPE_WORDS[entity.type];
    if (words.indexOf(word) === -1) words.push(word);
  }
  if (words.length <= 1) return words[0] ?? "personal data";
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
