/**
 * Closed vocabularies shared by the pack, the engine and the surfaces.
 * Kept as `as const` tuples so zod enums and TypeScript unions come from one list.
 */

export const SEVERITIES = ["off", "info", "nudge", "block"] as const;
export type SeveritySetting = (typeof SEVERITIES)[number];

export const IDENTIFIER_TYPES = [
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
  "person-name",
] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

export const SENSITIVE_CATEGORIES = [
  "health",
  "sen",
  "safeguarding",
  "looked-after",
  "free-school-meals",
  "exclusion",
  "ethnicity",
  "religion",
  "sexual-orientation",
  "criminal",
  "financial",
  "employment",
] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

export const AUDIENCES = ["staff", "governors", "visitors", "contractors"] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Kinds of personal use the detectors tell apart (policy/data/personal-use/topics.ts). */
export const PERSONAL_USE_KINDS = [
  "selling",
  "side-business",
  "gambling",
  "finance",
  "house-move",
  "wedding",
  "holiday",
  "family",
  "social",
] as const;
export type PersonalUseKind = (typeof PERSONAL_USE_KINDS)[number];
