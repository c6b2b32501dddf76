import { isX500 } from "../../policy/engine/message.js";
import { isOnDomain } from "../../policy/pack/validators.js";

/**
 * Who is inside the school. Internal means the tenant's verified domains (from Graph) and the
 * pack's own domains, subdomains included; an Exchange X500 address (a legacyExchangeDN such as
 * "/o=ExchangeLabs/ou=…/cn=Recipients/cn=…", or its "IMCEAEX-" encapsulation) names a recipient in
 * the organisation's own directory and can never leave it.
 */
export { isX500 };

export function domainOf(address: string): string | undefined {
  const at = address.lastIndexOf("@");
  if (at < 1 || at === address.length - 1) return undefined;
  return address
    .slice(at + 1)
    .trim()
    .toLowerCase()
    .replace(/\.$/, "");
}

export function internalAddressTest(domains: Iterable<string>): (address: string) => boolean {
  const inside = [...new Set([...domains].map((domain) => domain.trim().toLowerCase()).filter(Boolean))];
  return (address) => {
    if (isX500(address)) return true;
    const domain = domainOf(address);
    if (!domain) return false;
    return inside.some((candidate) => isOnDomain(domain, candidate));
  };
}
