import type { FetchInit, FetchLike, FetchResponse } from '../core/net/fetch-like.js';

// Every request a lookup makes (DoH, RDAP, the header probe) goes through
// here: no cookies, no HTTP cache (the resolver has its own TTL cache), and
// never into the person's own network. The browser, not this code, resolves
// names, so only the browser can refuse to connect: the request declares that
// it targets the public address space, and Chromium fails it (before sending
// a byte) when the name, a redirect or a rebinding DNS answer leads to a
// private, link-local or loopback address. A server the person configured on
// this very computer (a local resolver, http://127.0.0.1) is declared loopback.

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The address space a request to `url` is allowed to reach. */
export function targetAddressSpace(url: string): 'public' | 'loopback' {
  try {
    return LOOPBACK_HOSTS.has(new URL(url).hostname) ? 'loopback' : 'public';
  } catch {
    return 'public';
  }
}

/** Options for the browser's fetch; `targetAddressSpace` is Chromium's Local Network Access option, ignored elsewhere. */
export function lookupRequestInit(url: string, init: { method: string; headers?: Record<string, string>; body?: Uint8Array; signal?: AbortSignal }): RequestInit {
  return { ...init, credentials: 'omit', cache: 'no-store', redirect: 'follow', targetAddressSpace: targetAddressSpace(url) } as RequestInit;
}

export const lookupFetch: FetchLike = async (url: string, init: FetchInit): Promise<FetchResponse> => fetch(url, lookupRequestInit(url, init)) as Promise<FetchResponse>;
