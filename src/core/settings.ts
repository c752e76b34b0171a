import { DEFAULT_RESOLVER } from './dns/resolvers.js';

/** What a person can change on the options page. Stored in storage.local; validated whenever read. */
export interface Settings {
  /** DNS-over-HTTPS resolver for live lookups. */
  resolver: string;
  /** Whether the popup looks hosts up in DNS at all. Off: offline answers only, nothing sent. */
  dnsLookups: boolean;
  /** Whether a link looked up from the context menu, never opened, is asked for its response headers (one HEAD, no cookies). */
  headerProbe: boolean;
  /** Whether the registries are asked (RDAP) who the registrar and the network are. */
  rdap: boolean;
  /** One RDAP server to ask instead of the registries (a private or local one); empty for the registries. */
  rdapServer: string;
  /** Whether to remember, in this browser only, when the companies serving a site change. */
  history: boolean;
}

export const DEFAULT_SETTINGS: Settings = { resolver: DEFAULT_RESOLVER, dnsLookups: true, headerProbe: true, rdap: true, rdapServer: '', history: true };

/** Resolvers offered on the options page; their names are in _locales as `preset_<id>`. */
export const RESOLVER_PRESETS: readonly { id: 'quad9' | 'mullvad' | 'cloudflare' | 'google'; url: string }[] = [
  { id: 'quad9', url: DEFAULT_RESOLVER },
  { id: 'mullvad', url: 'https://dns.mullvad.net/dns-query' },
  { id: 'cloudflare', url: 'https://cloudflare-dns.com/dns-query' },
  { id: 'google', url: 'https://dns.google/dns-query' },
];

/**
 * Why a resolver (or RDAP server) URL is not acceptable, or undefined when it
 * is. Encrypted (https) only, except a server on this machine, which never
 * leaves it.
 */
export function resolverProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) return undefined;
  return 'must be an https:// address (or http:// on this computer)';
}

/** Settings as stored, repaired field by field: a damaged value falls back to its default, others are kept. */
export function readSettings(stored: unknown): Settings {
  const s = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    resolver: typeof s.resolver === 'string' && resolverProblem(s.resolver) === undefined ? s.resolver : DEFAULT_SETTINGS.resolver,
    dnsLookups: typeof s.dnsLookups === 'boolean' ? s.dnsLookups : DEFAULT_SETTINGS.dnsLookups,
    headerProbe: typeof s.headerProbe === 'boolean' ? s.headerProbe : DEFAULT_SETTINGS.headerProbe,
    rdap: typeof s.rdap === 'boolean' ? s.rdap : DEFAULT_SETTINGS.rdap,
    rdapServer: typeof s.rdapServer === 'string' && (s.rdapServer === '' || resolverProblem(s.rdapServer) === undefined) ? s.rdapServer : DEFAULT_SETTINGS.rdapServer,
    history: typeof s.history === 'boolean' ? s.history : DEFAULT_SETTINGS.history,
  };
}
