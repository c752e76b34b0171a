// The IANA RDAP bootstrap for domains (RFC 9224): which server answers for
// which top-level domain. Compiled at build time from a snapshot; refreshed by
// `npm run update-data`.

/** Top-level domain → RDAP base URL (ending in /). */
export type DnsBootstrap = Record<string, string>;

/** Reads the services array of IANA's dns.json (`[[tlds], [urls]]` pairs); prefers https URLs. Throws when the shape is wrong. */
export function compileDnsBootstrap(services: unknown): DnsBootstrap {
  if (!Array.isArray(services)) throw new Error('RDAP bootstrap: expected a list of services');
  const out: DnsBootstrap = {};
  services.forEach((service, i) => {
    if (!Array.isArray(service) || !Array.isArray(service[0]) || !Array.isArray(service[1])) throw new Error(`RDAP bootstrap: service ${i} is not [[tlds], [urls]]`);
    const urls = (service[1] as unknown[]).filter((u): u is string => typeof u === 'string' && /^https?:\/\//.test(u));
    const url = urls.find((u) => u.startsWith('https://')) ?? urls[0];
    if (url === undefined) return;
    for (const tld of service[0] as unknown[]) if (typeof tld === 'string') out[tld.toLowerCase()] = url.endsWith('/') ? url : `${url}/`;
  });
  if (Object.keys(out).length === 0) throw new Error('RDAP bootstrap: no services');
  return out;
}

/** The RDAP server for a domain, by its top-level domain; undefined when the registry runs none. */
export function rdapBaseFor(bootstrap: DnsBootstrap, domain: string): string | undefined {
  const tld = domain.toLowerCase().replace(/\.$/, '').split('.').pop() ?? '';
  return Object.hasOwn(bootstrap, tld) ? bootstrap[tld] : undefined;
}
