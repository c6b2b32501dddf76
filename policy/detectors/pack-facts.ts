import type { PolicyPack } from "../pack/schema.js";
import type { EntityType } from "../engine/types.js";
import { compileCustomIdentifiers, type CustomIdentifierMatcher } from "./custom-identifiers.js";
import { compileSensitiveTerms, type SensitiveTermIndex } from "./special-category.js";

/** What the detectors need from a pack, worked out once per pack (packs are frozen, so memoised by identity). */
export interface PackFacts {
  readonly allowed: ReadonlySet<EntityType>;
  readonly threshold: number;
  /** The school's own postcode, compact and upper case. */
  readonly ownPostcode: string;
  /** The school's own phone numbers, as national digits ("01632960202"). */
  readonly ownPhones: ReadonlySet<string>;
  /** The school's own address lines, lower case: "1 example avenue" is the school, not a home. */
  readonly ownAddressLines: readonly string[];
  readonly sensitiveTerms: SensitiveTermIndex;
  readonly customIdentifiers: readonly CustomIdentifierMatcher[];
}

const cache = new WeakMap<PolicyPack, PackFacts>();

export function packFacts(pack: PolicyPack): PackFacts {
  let facts = cache.get(pack);
  if (facts === undefined) {
    facts = {
      allowed: new Set<EntityType>([...pack.personalData.identifiers, "special-category"]),
      threshold: pack.personalData.confidenceThreshold,
      ownPostcode: compactPostcode(pack.school.address.postcode),
      ownPhones: new Set(pack.school.phones.map(nationalDigits)),
      ownAddressLines: pack.school.address.lines.map((line) => line.trim().toLowerCase()),
      sensitiveTerms: compileSensitiveTerms(pack.personalData.sensitiveCategories),
      customIdentifiers: compileCustomIdentifiers(pack.personalData.customIdentifiers),
    };
    cache.set(pack, facts);
  }
  return facts;
}

export function compactPostcode(value: string): string {
  return value.replace(/\s/g, "").toUpperCase();
}

/** "+44 (0)1632 960202" and "01632 960202" → "01632960202". */
export function nationalDigits(value: string): string {
  const digits = value.replace(/\D/g, "");
  if (digits.indexOf("440") === 0) return "0" + digits.slice(3);
  if (digits.indexOf("44") === 0) return "0" + digits.slice(2);
  return digits;
}
