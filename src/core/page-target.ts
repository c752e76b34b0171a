import { registrableDomain } from './registrable-domain.js';
import { parseIp } from './ip/parse-ip.js';
import { MAX_INPUT } from './limits.js';

export type UninspectableReason = 'browser-page' | 'local-file' | 'extension-page' | 'web-store' | 'inline-content' | 'invalid-url' | 'hidden-url';

export type PageTarget =
  | { kind: 'site'; host: string; isIp: boolean }
  | { kind: 'uninspectable'; reason: UninspectableReason };

/** A host to look up, with its registrable domain when it has one. */
export interface HostTarget {
  host: string;
  domain?: string;
  isIp: boolean;
}

/** Adds the registrable domain (which needs the Public Suffix List loaded): the badge and the recorder never need it. */
export function withDomain(target: { host: string; isIp: boolean }): HostTarget {
  const domain = target.isIp ? undefined : registrableDomain(target.host);
  return domain === undefined ? { host: target.host, isIp: target.isIp } : { host: target.host, domain, isIp: target.isIp };
}

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
  return { kind: 'site', host, isIp: parseIp(host) !== undefined };
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

/** Why typed or selected text cannot be looked up. */
export type LookupRefusal = 'empty' | 'too-long' | 'spaces' | 'not-web' | 'single-label' | 'label-too-long' | 'name-too-long' | 'bad-characters';

export type LookupTarget = ({ ok: true } & Omit<Extract<PageTarget, { kind: 'site' }>, 'kind'>) | { ok: false; reason: LookupRefusal };

/** The refusals in plain words, for the CLI (the popup has them in _locales). */
export const LOOKUP_REFUSALS: Record<LookupRefusal, string> = {
  empty: 'nothing to look up',
  'too-long': 'longer than any web address can be',
  spaces: 'a host name cannot contain spaces',
  'not-web': 'not a web address (only http and https sites are served by hosting companies)',
  'single-label': 'a single word is not a host name (add its domain, e.g. example.com)',
  'label-too-long': 'a part of the name is longer than 63 characters, the DNS limit',
  'name-too-long': 'the name is longer than 253 characters, the DNS limit',
  'bad-characters': 'the name contains characters a host name cannot have',
};

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/**
 * Reads what a person typed or selected as a host to look up: a bare host, a
 * URL (scheme, port, path and user-info ignored), an IDN (turned into
 * punycode) or an IP literal (brackets and zone ignored). Gives the
 * normalised host, or why there is none.
 */
export function lookupTarget(input: string): LookupTarget {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > MAX_INPUT) return { ok: false, reason: 'too-long' };
  if (/\s/.test(text)) return { ok: false, reason: 'spaces' };
  const bareIp = parseIp(text.replace(/%[^\]]*(\]?)$/, '$1'));
  if (bareIp !== undefined) return { ok: true, host: bareIp.text, isIp: true };
  // "scheme:" not followed by a port number is a URL already (https://…, mailto:…); anything else is a bare host.
  const withScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text) ? text : `http://${text}`;
  let target: PageTarget;
  try {
    target = pageTarget(withScheme);
  } catch {
    return { ok: false, reason: 'bad-characters' };
  }
  if (target.kind !== 'site') return { ok: false, reason: target.reason === 'invalid-url' ? 'bad-characters' : 'not-web' };
  const { kind: _k, ...site } = target;
  if (site.isIp) return { ok: true, ...site };
  if (site.host.length > 253) return { ok: false, reason: 'name-too-long' };
  const labels = site.host.split('.');
  if (labels.some((l) => l.length > 63)) return { ok: false, reason: 'label-too-long' };
  if (!labels.every((l) => LABEL.test(l))) return { ok: false, reason: 'bad-characters' };
  if (labels.length === 1 && site.host !== 'localhost') return { ok: false, reason: 'single-label' };
  return { ok: true, ...site };
}
