import type { Role } from '../types.js';
import type { LocalisedText } from '../locales.js';

// The provider catalogue is data (data/providers/*.json). These types are its
// schema; validate-provider.ts enforces them at build time.

export interface HeaderSignature {
  /** Lower-case header name. */
  header: string;
  /** Case-insensitive regular expression the value must match; absent means "present at all". */
  match?: string;
  role: Role;
  service?: string;
  confidence: number;
}

export interface CookieSignature {
  /** Case-insensitive regular expression over the cookie's name. */
  cookie: string;
  role: Role;
  service?: string;
  confidence: number;
}

export interface DomainSignature {
  /**
   * A domain the provider hands out to its customers or points them at, e.g. `github.io`,
   * `cloudfront.net`: matched against the host and every hop of its CNAME chain.
   */
  suffix: string;
  role: Role;
  service?: string;
  confidence: number;
}

/**
 * A name-server (NS) or mail-exchanger (MX) host the provider runs; the role is implied (dns, email).
 * Either a domain suffix, or, for names no suffix can describe (Route 53's ns-1.awsdns-01.org), a
 * case-insensitive regular expression over the whole name.
 */
export interface RecordSuffixSignature {
  suffix?: string;
  match?: string;
  service?: string;
  confidence: number;
}

/** A domain named by `include:` (or `redirect=`) in the SPF record: who may send the site's mail. */
export interface SpfSignature {
  include: string;
  service?: string;
  confidence: number;
}

/** An autonomous system the provider operates: an address announced by it is on the provider's network. */
export interface AsnSignature {
  asn: number;
  /** `edge` for networks that only carry the provider's edge (e.g. AS13335), `hosting` for networks customers' servers sit in. */
  role: Role;
  service?: string;
}

/**
 * A response that is the provider's own page rather than the site: a
 * challenge (prove you are human), a block (access denied by the provider's
 * firewall) or an error (the provider could not reach the site's server).
 * Matches when the status is one of `status` (if given) and the header is
 * present and matches `match` (if given).
 */
export interface BlockPageSignature {
  kind: 'challenge' | 'block' | 'error';
  status?: number[];
  header: string;
  match?: string;
}

/** A published range list. The most specific range decides; for the same range in two lists, the list named first wins. */
export interface RangeSource {
  /** File name in data/ranges/. */
  file: string;
  role: Role;
  service?: string;
}

export interface AbuseContact {
  url?: string;
  email?: string;
  /** Plain words on what the provider does with a report, in every locale. */
  note: LocalisedText;
  /**
   * The same, worded for one role where the general note would mislead: a
   * company that is mostly a proxy says something else when it only runs a
   * site's DNS.
   */
  roleNotes?: Partial<Record<Role, LocalisedText>>;
}

/** Where a fact in a provider file comes from: the provider's own documentation or a public real observation. */
export interface Source {
  url: string;
  /** What the page supports: a header, a suffix, an abuse contact. */
  about: string;
}

/** One provider as written in data/providers/<id>.json. */
export interface ProviderEntry {
  id: string;
  name: string;
  homepage: string;
  /** Up to 4 characters for the toolbar badge. */
  badge: string;
  /** Brand-ish colour for the badge and mark, #rrggbb. */
  color: string;
  roles: Role[];
  abuse: AbuseContact;
  headers?: HeaderSignature[];
  cookies?: CookieSignature[];
  domains?: DomainSignature[];
  ns?: RecordSuffixSignature[];
  mx?: RecordSuffixSignature[];
  spf?: SpfSignature[];
  asns?: AsnSignature[];
  ranges?: RangeSource[];
  blockPages?: BlockPageSignature[];
  /**
   * The provider hosts what it serves (a static host, a PaaS, a site builder):
   * reached as the edge, it is also the host, not a proxy in front of one.
   */
  hostsWhatItServes?: boolean;
  /** For a registrar: its IANA registrar ids, so a registry's RDAP record (which names it by id) links to this entry. */
  ianaRegistrarIds?: number[];
  /** Where every signature and the abuse contact come from. */
  sources?: Source[];
  /**
   * Providers whose networks this one's traffic sits in (Vercel and Netlify in AWS, GitHub
   * Pages in Fastly, Shopify in Cloudflare): seeing their network under this provider's
   * signatures is expected, not a conflict.
   */
  runsOn?: string[];
}

/** A published range list as catalogue.json ships it: its ranges are in published.bin, in catalogue order. */
export interface RangeListInfo {
  provider: string;
  file: string;
  role: Role;
  service?: string;
  /** How many ranges the list holds. */
  count: number;
}

/** A published range list resolved to its CIDRs (build time and tests). */
export interface CompiledRangeList extends RangeListInfo {
  cidrs: string[];
}

/** What build.mjs writes to catalogue.json: validated, the range lists without their ranges. */
export interface CatalogueFile {
  version: 1;
  providers: Omit<ProviderEntry, 'ranges'>[];
  ranges: RangeListInfo[];
  /** Every header name some signature reads, so the recorder keeps only those. */
  headerNames: string[];
  /** Versions of the third-party data compiled with it (set by the build), shown to users. */
  dataVersions?: { asn: string; rdapBootstrap?: string; publicSuffixes?: string };
}

/** The catalogue as compiled from data/, with every list's CIDRs (which the build turns into published.bin). */
export interface CompiledCatalogue extends CatalogueFile {
  ranges: CompiledRangeList[];
}
