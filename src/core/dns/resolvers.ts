/**
 * The default DoH resolver: Quad9's unfiltered service. A non-profit that
 * keeps no client addresses; unfiltered, because the sites people most need
 * to look up (the abusive ones) are the ones filtering resolvers hide; and not
 * a CDN or host itself, so it does not learn which of its own customers you
 * asked about.
 */
export const DEFAULT_RESOLVER = 'https://dns10.quad9.net/dns-query';

export const DEFAULT_TIMEOUT_MS = 4000;
