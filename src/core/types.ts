// Shared vocabulary of the engine. Every value here is plain JSON so it can
// cross extension messages, live in storage.session and be printed by a CLI.

/** What a company does for a site. `edge` covers every layer the browser talks to: CDN, reverse proxy, DDoS shield, WAF. */
export type Role = 'edge' | 'hosting' | 'dns' | 'email' | 'registrar';

export const ROLES: readonly Role[] = ['edge', 'hosting', 'dns', 'email', 'registrar'];

/** Response headers as the browser saw them: lower-case names, every value kept. */
export type HeaderMap = Record<string, string[]>;

/** What was seen of one host: everything the classifier may use, nothing more. */
export interface Observation {
  host: string;
  /** Addresses of the host; the first is the one the browser actually connected to, when it did. */
  ips?: string[];
  status?: number;
  headers?: HeaderMap;
  /** Names (never values) of cookies the response set. */
  cookieNames?: string[];
  /** The CNAME chain from the host, hop by hop. */
  cname?: string[];
  /** Name servers of the registrable domain. */
  ns?: string[];
  /** Mail exchangers of the registrable domain. */
  mx?: string[];
  /** TXT records of the registrable domain (SPF among them). */
  txt?: string[];
  /** TXT records of the domains the SPF record includes, where they were looked up: whose mail servers those name. */
  spfIncluded?: Record<string, string[]>;
  /** Addresses of the name-server and mail hosts above, when they were looked up: they say whose network runs them. */
  addresses?: Record<string, string[]>;
}

/** Why a provider is named: one concrete, checkable fact, with `detail` saying it in words. */
export type Evidence = { detail: string } & (
  | { kind: 'header'; name: string; value: string }
  | { kind: 'cookie'; name: string }
  | { kind: 'range'; ip: string; cidr: string; list: string }
  /** `host`: the name-server or mail host at that address, when it is not the site's own. */
  | { kind: 'asn'; ip: string; asn: number; org: string; host?: string }
  | { kind: 'host'; host: string; suffix: string }
  | { kind: 'cname'; name: string; suffix: string }
  | { kind: 'ns'; name: string; suffix: string }
  | { kind: 'mx'; name: string; suffix: string }
  | { kind: 'txt'; mechanism: string }
  | { kind: 'rdap'; url: string }
);

export type EvidenceKind = Evidence['kind'];

export interface ProviderResult {
  id: string;
  name: string;
  role: Role;
  service?: string;
  /** 0..1: how sure the evidence makes us. */
  confidence: number;
  evidence: Evidence[];
  /** For an `edge` layer that is not the one the browser reached: the id of the edge in front of it. */
  behind?: string;
}

/** What kind of address the browser connected to, when it is not a routable public one. */
export type SpecialAddress =
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'cgnat'
  | 'unspecified'
  | 'multicast'
  | 'reserved'
  | 'unique-local'
  | 'documentation';

export interface AddressInfo {
  ip: string;
  version: 4 | 6;
  special?: SpecialAddress;
}

export interface Report {
  host: string;
  address?: AddressInfo;
  /** Ordered: for `edge`, the one the browser reached comes first. */
  providers: ProviderResult[];
  /** True when an edge proxies the site and nothing names the server behind it. */
  originHidden: boolean;
  /** The response is the edge provider's own challenge, block or error page, not the site. */
  blockPage?: { provider: string; kind: 'challenge' | 'block' | 'error'; evidence: Evidence[] };
}
