import type { z } from "zod";
import { PolicyPackError } from "./errors.js";
import { deepFreeze } from "./freeze.js";
import { policyPackSchema, type PolicyPack } from "./schema.js";
import { isOnDomains } from "./validators.js";

/**
 * Validates a pack already in memory (the browser and Outlook bundles use this; no file system).
 * Returns a deeply frozen pack, or throws a PolicyPackError naming every invalid field.
 * `knownRuleIds`, when given, rejects severities for rules that do not exist. Beyond the schema, every
 * `recipients.ccOnExternalToParents.cc[].address` must be on `school.emailDomains` (or a subdomain).
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
  problems.push(...ccOutsideSchoolProblems(result.success ? result.data : input));
  if (!result.success || problems.length > 0) throw new PolicyPackError(source, problems);
  return deepFreeze(result.data);
}

/**
 * The Head's Cc on external mail to parents must be a school mailbox: a pack started from a preset
 * that keeps the preset's address (headteacher@st-john-payne.sch.uk) would copy every parent's mail
 * to another school (a new user's trial). Read leniently from the input, like the rule ids above, so
 * it is named with the schema's problems; a field of the wrong shape is the schema's to report.
 * Returns one problem per address on none of `school.emailDomains` nor a subdomain of one.
 */
function ccOutsideSchoolProblems(input: unknown): { path: string; message: string }[] {
  const pack = input as {
    school?: { emailDomains?: unknown };
    recipients?: { ccOnExternalToParents?: { cc?: unknown } };
  } | null;
  const domains = pack?.school?.emailDomains;
  const cc = pack?.recipients?.ccOnExternalToParents?.cc;
  if (!Array.isArray(domains) || !Array.isArray(cc)) return [];
  const own = domains.filter((domain): domain is string => typeof domain === "string" && domain.trim() !== "");
  if (own.length === 0) return [];
  const problems: { path: string; message: string }[] = [];
  cc.forEach((entry: unknown, index) => {
    const address = (entry as { address?: unknown } | null)?.address;
    if (typeof address !== "string" || !address.includes("@") || isOnDomains(address, own)) return;
    problems.push({
      path: `recipients.ccOnExternalToParents.cc.${index}.address`,
      message:
        `"${address}" is not on the school's mail domains (${own.join(", ")}): ` +
        "the Cc on external mail to parents must be a school mailbox, such as the Head's; put your own here",
    });
  });
  return problems;
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
