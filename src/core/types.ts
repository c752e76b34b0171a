// Shared vocabulary of the engine. Every value here is plain JSON so it can
// cross extension messages, live in storage.session and be printed by a CLI.

/** What a company does for a site. `cdn` covers every edge the browser talks to: CDN, reverse proxy, DDoS shield, WAF. */
export type Role = 'cdn' | 'hosting' | 'dns' | 'email' | 'registrar';

export const ROLES: readonly Role[] = ['cdn', 'hosting', 'dns', 'email', 'registrar'];

/** Response headers as the browser saw them: lower-case names, every value kept. */
export type HeaderMap = Record<string, string[]>;

/** What was seen of one host: everything the classifier may use, nothing more. */
export interface Observation {
  host: string;
  /** The address the browser actually connected to, when known. */
  ip?: string;
  status?: number;
  headers?: HeaderMap;
  /** Names (never values) of cookies the response set. */
  cookieNames?: string[];
}

/** Why a provider is named: one concrete, checkable fact. */
export type Evidence =
  | { kind: 'header'; name: string; value: string }
  | { kind: 'cookie'; name: string }
  | { kind: 'range'; ip: string; cidr: string; list: string }
  | { kind: 'host'; host: string; suffix: string };

export interface ProviderResult {
  id: string;
  name: string;
  role: Role;
  service?: string;
  /** 0..1: how sure the evidence makes us. */
  confidence: number;
  evidence: Evidence[];
  /** For a `cdn` layer that is not the one the browser reached: the id of the edge in front of it. */
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
  | 'unique-local';

export interface AddressInfo {
  ip: string;
  version: 4 | 6;
  special?: SpecialAddress;
}

export interface Report {
  host: string;
  address?: AddressInfo;
  /** Ordered: for `cdn`, the edge the browser reached comes first. */
  providers: ProviderResult[];
  /** True when an edge proxies the site and nothing names the server behind it. */
  originHidden: boolean;
}
