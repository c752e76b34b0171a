import type { Zone } from '../../helpers/doh-server.js';
import { domainObject, networkObject } from '../../helpers/rdap-server.js';

// Sites as they commonly are, for the popup's design test and the documentation
// screenshots: a name at a registrar, DNS and mail at other companies, and the
// site behind a CDN, on a hosting network, or on a platform. Addresses are the
// companies' real public ones; only the local DoH and RDAP servers know these names.

const registrar = (domain: string) => domainObject(domain, { name: 'Example Registrar, Inc.', ianaId: '9999', abuseEmail: 'abuse@registrar.example' });

export const WORLD_ZONE: Zone = {
  // A plain origin on Hetzner, with DNS at Hetzner and mail at OVH.
  'origin.example': { A: ['88.198.1.1'], NS: ['hydrogen.ns.hetzner.com', 'oxygen.ns.hetzner.com'], MX: ['mx01.mail.ovh.net'], TXT: ['v=spf1 include:mx.ovh.com ~all'] },
  // Behind CloudFront, with DNS at Route 53 and mail at Google.
  'www.proxied.example': { CNAME: 'd333333abcdef8.cloudfront.net' },
  'd333333abcdef8.cloudfront.net': { A: ['13.32.1.9'] },
  'proxied.example': { NS: ['ns-1234.awsdns-56.org'], MX: ['aspmx.l.google.com'], TXT: ['v=spf1 include:_spf.google.com ~all'] },
  // The local test sites' own domains, as a real site's would be.
  'cf-site.test': { NS: ['ada.ns.cloudflare.com', 'bob.ns.cloudflare.com'], MX: ['aspmx.l.google.com'], TXT: ['v=spf1 include:_spf.google.com ~all'] },
  'platform.test': { NS: ['ns1.vercel-dns.com', 'ns2.vercel-dns.com'] },
  // A resolver having a bad day: the domain's questions fail.
  'www.errors.example': { A: ['88.198.1.2'] },
};

export const WORLD_REGISTRY: Record<string, unknown> = {
  'domain/origin.example': registrar('origin.example'),
  'domain/proxied.example': registrar('proxied.example'),
  'ip/13.32.1.9': networkObject('13.32.0.0', '13.33.255.255', 'AMAZON-CF', 'Amazon.com, Inc.', 'abuse@amazonaws.com'),
  'ip/88.198.1.1': networkObject('88.198.0.0', '88.198.255.255', 'HETZNER-RZ-FSN', 'Hetzner Online GmbH', 'abuse@hetzner.com'),
};

/** The names whose questions the resolver fails (SERVFAIL). */
export const WORLD_SERVFAIL = ['errors.example'];
