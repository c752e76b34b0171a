import type { Role } from '../types.js';

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
  /** A hostname suffix the provider hands out to its customers, e.g. `github.io`. */
  suffix: string;
  role: Role;
  service?: string;
  confidence: number;
}

export interface RangeSource {
  /** File name in data/ranges/. */
  file: string;
  role: Role;
  service?: string;
}

export interface AbuseContact {
  url?: string;
  email?: string;
  /** Plain words on what the provider does with a report. */
  note: string;
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
  ranges?: RangeSource[];
}

/** A published range list resolved to its CIDRs. */
export interface CompiledRangeList {
  provider: string;
  file: string;
  role: Role;
  service?: string;
  cidrs: string[];
}

/** What build.mjs writes to catalogue.json: validated, with ranges inlined. */
export interface CompiledCatalogue {
  version: 1;
  providers: Omit<ProviderEntry, 'ranges'>[];
  ranges: CompiledRangeList[];
  /** Every header name some signature reads, so the recorder keeps only those. */
  headerNames: string[];
}
