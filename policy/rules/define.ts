import type { Citation } from "../pack/citation.js";
import type { RuleModule } from "../engine/types.js";

/** Identity helper that checks a rule's shape at compile time and freezes it. */
export function defineRule<const R extends RuleModule>(rule: R): R {
  return Object.freeze(rule);
}

/** Cited only when a school's pack has no sentence of its own for the rule's clause. */
export function defaultCitation(section: string, quote: string): Citation {
  return { document: "School Policy Guard defaults", section, quote };
}
