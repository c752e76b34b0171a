// Companies the catalogue does not describe are still named: a network by its
// ASN (`as13335`), a DNS, mail or hosting company by the registrable domain its
// servers sit under (`domain:example-dns.net`). Both ids say they are not
// catalogue entries, so nothing downstream mistakes them for one.

const DOMAIN_PREFIX = 'domain:';

export function unlistedCompanyId(domain: string): string {
  return `${DOMAIN_PREFIX}${domain}`;
}

/** The domain a `domain:` id names, or undefined for any other id. */
export function unlistedDomainOf(id: string): string | undefined {
  return id.startsWith(DOMAIN_PREFIX) ? id.slice(DOMAIN_PREFIX.length) : undefined;
}

/** A network the catalogue does not know, named by its ASN. */
export function isUnlistedNetwork(id: string): boolean {
  return /^as\d+$/.test(id);
}
