import type { PolicyPack } from "../pack/schema.js";
import { forEachMatch, type Scan, inSignature } from "./text.js";

export interface CustomIdentifierMatcher {
  readonly id: string;
  readonly label: string;
  readonly pattern: RegExp;
}

export interface CustomIdentifierMatch {
  readonly id: string;
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

/**
 * The school's own identifier patterns (pack.personalData.customIdentifiers, e.g. the MIS admission
 * number), compiled once per pack (the caller memoises by pack). The schema has already checked that
 * each compiles; a global flag is added so scanning can walk every match.
 */
export function compileCustomIdentifiers(
  list: PolicyPack["personalData"]["customIdentifiers"],
): CustomIdentifierMatcher[] {
  const matchers: CustomIdentifierMatcher[] = [];
  for (const entry of list) {
    const flags = entry.flags.indexOf("g") === -1 ? entry.flags + "g" : entry.flags;
    try {
      matchers.push({ id: entry.id, label: entry.label, pattern: new RegExp(entry.pattern, flags) });
    } catch {
      // A pack that bypassed validation: skip the pattern rather than stop the analysis.
    }
  }
  return matchers;
}

export function findCustomIdentifiers(
  scan: Scan,
  matchers: readonly CustomIdentifierMatcher[],
): CustomIdentifierMatch[] {
  const found: CustomIdentifierMatch[] = [];
  for (const matcher of matchers) {
    forEachMatch(matcher.pattern, scan.text, (match) => {
      if (inSignature(scan, match.index) || match[0].length === 0) return;
      found.push({ id: matcher.id, label: matcher.label, start: match.index, end: match.index + match[0].length });
    });
  }
  return found;
}
