import type { z } from "zod";
import { PolicyPackError } from "./errors.js";
import { deepFreeze } from "./freeze.js";
import { policyPackSchema, type PolicyPack } from "./schema.js";

/**
 * Validates a pack already in memory (the browser and Outlook bundles use this; no file system).
 * Returns a deeply frozen pack, or throws a PolicyPackError naming every invalid field.
 * `knownRuleIds`, when given, rejects severities for rules that do not exist.
 */
export function parsePolicy(input: unknown, source = "(inline)", knownRuleIds?: ReadonlySet<string>): PolicyPack {
  const result = policyPackSchema.safeParse(input);
  const problems = result.success ? [] : result.error.issues.map(describeIssue);
  // Read from the input itself, so an unknown rule id is named with every other problem, not in a second
  // round once those are fixed (a new user's trial).
  const rules = result.success ? result.data.rules : (input as { rules?: unknown } | null)?.rules;
  if (knownRuleIds && rules !== null && typeof rules === "object") {
    for (const ruleId of Object.keys(rules)) {
      if (!knownRuleIds.has(ruleId)) problems.push({ path: `rules.${ruleId}`, message: "no rule has this id" });
    }
  }
  if (!result.success || problems.length > 0) throw new PolicyPackError(source, problems);
  return deepFreeze(result.data);
}

function describeIssue(issue: z.core.$ZodIssue): { path: string; message: string } {
  const path = issue.path.map(String).join(".") || "(root)";
  if (issue.code === "unrecognized_keys") {
    return {
      path,
      message: `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((key) => `"${key}"`).join(", ")}`,
    };
  }
  return { path, message: issue.message };
}

export { deepFreeze };
