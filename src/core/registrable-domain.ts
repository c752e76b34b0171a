import { getDomain } from 'tldts';

/**
 * The registrable domain of a host name (`shop.example.co.uk` → `example.co.uk`)
 * by the ICANN section of the Public Suffix List, or undefined for an IP, a
 * bare suffix or a name with no known suffix. Private-section suffixes such
 * as github.io are left out on purpose: the company behind github.io is GitHub.
 */
export function registrableDomain(host: string): string | undefined {
  return getDomain(host, { allowPrivateDomains: false }) ?? undefined;
}
