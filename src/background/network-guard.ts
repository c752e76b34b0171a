import { ext as browser } from '../native-browser.js';
import type { WebRequest } from 'webextension-polyfill';
import { addressesVerdict, hostVerdict } from '../core/net/inside-network.js';
import { isOwnRequest } from './platform.js';
import { setNewest } from '../core/set-newest.js';

// Firefox has no Local Network Access (Chromium refuses a request declared
// `targetAddressSpace: 'public'` that reaches inside; lookup-fetch.ts), so
// there the extension checks its own requests (DoH, RDAP, the header probe)
// before each is sent, redirects included: a private or loopback literal is
// refused, and a name is resolved with the browser's own resolver (whose
// cache the request then uses, which defeats DNS rebinding) and refused if
// any address is inside. Only requests outside tabs (tabId -1) pass through
// here, so pages never wait on it.

interface DnsApi {
  resolve(host: string): Promise<{ addresses: string[] }>;
}

const MAX_TRACKED = 256;
/** Requests already let through once: a redirect fires again under the same id. */
const started = new Map<string, true>();
let lastRefusal = 0;

/** Whether the guard refused one of the extension's requests at or after `since` (ms): the probe says why it failed. */
export function refusedSince(since: number): boolean {
  return lastRefusal >= since;
}

async function verdict(details: WebRequest.OnBeforeRequestDetailsType, dns: DnsApi): Promise<WebRequest.BlockingResponse> {
  const firstHop = !started.has(details.requestId);
  setNewest(started, details.requestId, true, MAX_TRACKED);
  let decided = hostVerdict(details.url, firstHop);
  if (decided === 'resolve') {
    try {
      decided = addressesVerdict((await dns.resolve(new URL(details.url).hostname)).addresses);
    } catch {
      // The browser cannot resolve it either (offline, or a proxy resolves names): the request fails or goes through the proxy.
      decided = 'allow';
    }
  }
  if (decided === 'allow') return {};
  lastRefusal = Date.now();
  return { cancel: true };
}

/** Installs the guard where the browser needs it (Firefox, which has `dns`); elsewhere does nothing. */
export function guardOwnRequests(): void {
  const dns = (browser as unknown as { dns?: DnsApi }).dns;
  if (dns === undefined) return;
  const root = browser.runtime.getURL('');
  browser.webRequest.onBeforeRequest.addListener(
    (details) => (isOwnRequest(details, root) ? verdict(details, dns) : {}),
    { urls: ['<all_urls>'], tabId: -1 },
    ['blocking'],
  );
}
