import type { RuleModule } from "../engine/types.js";

/** Every rule, sorted by id. Explicit on purpose: nothing is discovered by scanning folders. */
export const rules: readonly RuleModule[] = [];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.meta.id));
