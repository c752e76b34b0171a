import { getDomain } from 'tldts';
import { parseIp } from './ip/parse-ip.js';

export type UninspectableReason = 'browser-page' | 'local-file' | 'extension-page' | 'web-store' | 'inline-content' | 'invalid-url' | 'hidden-url';

export type PageTarget =
  | { kind: 'site'; host: string; domain?: string; isIp: boolean }
  | { kind: 'uninspectable'; reason: UninspectableReason };

const BROWSER_SCHEMES = new Set(['about:', 'chrome:', 'edge:', 'brave:', 'opera:', 'vivaldi:', 'view-source:', 'devtools:', 'chrome-search:', 'chrome-untrusted:', 'resource:']);
const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'extension:', 'safari-web-extension:']);
const INLINE_SCHEMES = new Set(['data:', 'blob:', 'javascript:', 'filesystem:']);

// Browsers keep extensions away from their own add-on stores, so nothing
// about these pages can be observed.
const STORES: [host: string, path: string][] = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

/** Normalises a hostname for lookups: lower case, no trailing dot, no IPv6 brackets. */
export function normaliseHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
}

function siteFor(hostname: string): PageTarget {
  const host = normaliseHost(hostname);
  const isIp = parseIp(host) !== undefined;
  const domain = isIp ? null : getDomain(host, { allowPrivateDomains: false });
  const target: PageTarget = { kind: 'site', host, isIp };
  if (domain !== null) target.domain = domain;
  return target;
}

/** Says whether the page at `url` can be inspected, and if so which host serves it. */
export function pageTarget(url: string): PageTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'uninspectable', reason: 'invalid-url' };
  }
  const scheme = parsed.protocol;
  if (scheme === 'file:') return { kind: 'uninspectable', reason: 'local-file' };
  if (EXTENSION_SCHEMES.has(scheme)) return { kind: 'uninspectable', reason: 'extension-page' };
  if (INLINE_SCHEMES.has(scheme)) return { kind: 'uninspectable', reason: 'inline-content' };
  if (BROWSER_SCHEMES.has(scheme) || (scheme !== 'http:' && scheme !== 'https:')) return { kind: 'uninspectable', reason: 'browser-page' };
  if (parsed.hostname === '') return { kind: 'uninspectable', reason: 'invalid-url' };
  const host = normaliseHost(parsed.hostname);
  if (STORES.some(([h, path]) => host === h && parsed.pathname.startsWith(path))) return { kind: 'uninspectable', reason: 'web-store' };
  return siteFor(host);
}

/**
 * Reads what a person typed or selected as a host to look up: a bare host, a
 * URL or an IP literal. Returns undefined when it names no host.
 */
export function lookupTarget(input: string): Extract<PageTarget, { kind: 'site' }> | undefined {
  const text = input.trim();
  if (text === '' || text.length > 2048 || /\s/.test(text)) return undefined;
  const bareIp = parseIp(text);
  if (bareIp !== undefined) return { kind: 'site', host: bareIp.text, isIp: true };
  // "scheme:" not followed by a port number is a URL already (https://…, mailto:…); anything else is a bare host.
  const withScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text) ? text : `http://${text}`;
  const target = pageTarget(withScheme);
  if (target.kind !== 'site') return undefined;
  // A single label ("foo") is a word, not a host, unless it is localhost.
  if (!target.isIp && !target.host.includes('.') && target.host !== 'localhost') return undefined;
  return target;
}
