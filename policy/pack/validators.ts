/** Small validators the schema uses; kept free of regex backtracking risk. */

const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function isValidDomain(value: string): boolean {
  if (value.length > 253) return false;
  const labels = value.split(".");
  if (labels.length < 2) return false;
  const tld = labels[labels.length - 1] ?? "";
  return labels.every((label) => DOMAIN_LABEL.test(label)) && /^[a-z]{2,63}$/.test(tld);
}

// Outward code, space optional, inward code (e.g. "CV23 0PD", "SE6 4TY", "EC1A 1BB").
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i;

export function isValidUkPostcode(value: string): boolean {
  return UK_POSTCODE.test(value.trim());
}

/** Returns why a regular expression source cannot be compiled, or undefined if it can. */
export function regexSourceProblem(source: string, flags: string): string | undefined {
  try {
    new RegExp(source, flags);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Is `domain` the domain `own` or a subdomain of it (`admin.oak.sch.uk` is on `oak.sch.uk`, `noak.sch.uk`
 * is not)? Both lower case. The one test of it for the engine, the rules, the pack and the sweep.
 */
export function isOnDomain(domain: string, own: string): boolean {
  return domain === own || domain.endsWith(`.${own}`);
}

/**
 * Whether an address's domain is one of `domains` or a subdomain of one (`head@admin.oak.sch.uk` is on
 * `oak.sch.uk`), compared without case. `domains` are bare names as the pack holds them; an address with
 * no `@` is on none.
 */
export function isOnDomains(address: string, domains: readonly string[]): boolean {
  const at = address.lastIndexOf("@");
  if (at < 0) return false;
  const domain = address.slice(at + 1).toLowerCase();
  return domains.some((own) => isOnDomain(domain, own.trim().toLowerCase()));
}
