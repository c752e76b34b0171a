import { parseIp } from '../ip/parse-ip.js';

// The rule behind "never into the person's network", for a platform that
// must check each request itself (Firefox has no Local Network Access; see
// background/network-guard.ts). A request the extension makes may go to a
// public address only, with one exception the person chose: the first URL of
// a request may be this very computer (a resolver or registry they run
// locally) when its URL names it literally (127.0.0.1, [::1], localhost), as
// Chromium allows a request declared `loopback`. A redirect there, or
// anywhere inside, is refused.

export type Verdict = 'allow' | 'refuse' | 'resolve';

const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/** What a URL's host alone decides; 'resolve' when only its addresses can tell. */
export function hostVerdict(url: string, firstHop: boolean): Verdict {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'allow'; // not a network request
    host = u.hostname.toLowerCase();
  } catch {
    return 'refuse';
  }
  const ip = parseIp(host);
  if (ip !== undefined) {
    if (ip.special === undefined) return 'allow';
    return firstHop && ip.special === 'loopback' ? 'allow' : 'refuse';
  }
  if (isLocalhostName(host)) return firstHop ? 'allow' : 'refuse';
  return 'resolve';
}

/**
 * Whether a name's addresses keep the request outside the person's network:
 * every one must be public. A name gets no exception, as in Chromium, where
 * only a literal loopback URL is declared `loopback`.
 */
export function addressesVerdict(addresses: readonly string[]): Exclude<Verdict, 'resolve'> {
  return addresses.some((a) => parseIp(a)?.special !== undefined) ? 'refuse' : 'allow';
}
