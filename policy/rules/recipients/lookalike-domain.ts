import { defaultCitation, defineRule } from "../define.js";
import { allRecipients, domainOf, isInternalAddress } from "../../engine/draft.js";
import { isOnDomain } from "../../pack/validators.js";

// Characters that pass for others at a glance (rn → m, 0 → o, 1/I → l, vv → w).
const HOMOGLYPHS: readonly (readonly [string, string])[] = [
  ["rn", "m"],
  ["vv", "w"],
  ["0", "o"],
  ["1", "l"],
  ["i", "l"],
  ["5", "s"],
];

function skeleton(domain: string): string {
  let out = domain.toLowerCase();
  for (const [from, to] of HOMOGLYPHS) out = out.split(from).join(to);
  return out;
}

/** Optimal string alignment distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const previous = rows[i - 1] as number[];
      const cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
      let value = Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      // A transposition needs two characters each side: charAt(-1) is "", never equal to a character, so
      // the comparisons are false at i = 1 or j = 1.
      if (a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(value);
      if (value < best) best = value;
    }
    // Row 0's best is 0, never past a limit that got through the length check (limit >= 0).
    if (best > limit) return limit + 1;
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The known domain `domain` imitates, if any: a near-miss spelling or a homoglyph of it, the same with a
 * label added after it ("st-john-payne.sch.uk.co"), or a subdomain of a near-miss ("students.st-jonh-payne.sch.uk":
 * a new user's trial). A known domain's own subdomains imitate nothing.
 */
export function imitatedDomain(domain: string, known: readonly string[]): string | undefined {
  const parent = domain.slice(domain.indexOf(".") + 1);
  for (const genuine of known) {
    if (parent === genuine || isOnDomain(domain, genuine)) return undefined;
  }
  for (const genuine of known) {
    if (domain.startsWith(`${genuine}.`)) return genuine;
    const limit = genuine.length >= 12 ? 2 : genuine.length >= 6 ? 1 : 0;
    for (const candidate of [domain, parent]) {
      if (skeleton(candidate) === skeleton(genuine)) return genuine;
      // With limit 0 only an identical domain would pass, and that returned undefined above.
      if (editDistance(candidate, genuine, limit) <= limit) return genuine;
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: "lookalike-domain",
    category: "recipients",
    defaultSeverity: "nudge",
    clause: "lookalike-domain",
    fallbackCitation: defaultCitation("E-mail", "Check the recipients before sending an e-mail."),
    docs: "A recipient's domain that imitates the school's own or a trusted partner's (e.g. schooI.org.uk, schoo1.org.uk).",
    messages: {
      lookalike: "{{address}} looks like {{genuine}} but is not. Check the address before sending.",
    },
  },
  check({ draft, pack }) {
    const known = [...pack.school.emailDomains, ...pack.recipients.trustedDomains];
    const reports = [];
    for (const recipient of allRecipients(draft)) {
      if (isInternalAddress(recipient.address, pack)) continue;
      const genuine = imitatedDomain(domainOf(recipient.address), known);
      if (genuine) {
        reports.push({
          messageId: "lookalike",
          data: { address: recipient.address, genuine },
          location: "recipients" as const,
        });
      }
    }
    return reports;
  },
});
