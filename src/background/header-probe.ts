import { ext as browser } from '../native-browser.js';
import type { WebRequest } from 'webextension-polyfill';
import { ProbeRefused, ProbeTimedOut, probe, type ProbeRequest, type ProbeResult } from '../core/probe.js';
import { refusedSince } from './network-guard.js';
import { lookupRequestInit } from './lookup-fetch.js';
import { isOwnRequest } from './platform.js';
import { setNewest } from '../core/set-newest.js';

// The header probe for a link the person looks up without opening it: one
// HEAD (GET if refused) from the worker, without cookies, through the same
// guarded fetch as every lookup request. The browser follows redirects itself
// and fetch() does not say which address answered, so the address comes from
// webRequest, which sees the extension's own requests.

const PROBE_TIMEOUT_MS = 5000;
const MAX_REMEMBERED = 32;
/** How long fetch() may run ahead of the webRequest event carrying the address. */
const ADDRESS_WAIT_MS = 200;
const answeredBy = new Map<string, string>();
const waiting = new Map<string, (ip: string) => void>();

/** Called for every response whose tabId is -1: keeps the address of the extension's own probe responses. */
export function noteOwnResponse(details: WebRequest.OnResponseStartedDetailsType): void {
  if (details.ip === undefined || !isOwnRequest(details, browser.runtime.getURL(''))) return;
  setNewest(answeredBy, details.url, details.ip, MAX_REMEMBERED);
  waiting.get(details.url)?.(details.ip);
}

/** The address that answered `url`, waiting briefly for its event if the response arrived first. */
function addressOf(url: string): Promise<string | undefined> {
  const known = answeredBy.get(url);
  if (known !== undefined) return Promise.resolve(known);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(url);
      resolve(undefined);
    }, ADDRESS_WAIT_MS);
    waiting.set(url, (ip) => {
      clearTimeout(timer);
      waiting.delete(url);
      resolve(ip);
    });
  });
}

const request: ProbeRequest = async (url, method) => {
  let res: Response;
  const start = Date.now();
  try {
    res = await fetch(url, lookupRequestInit(url, { method, signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) }));
  } catch (err) {
    if ((err as Error).name === 'TimeoutError') throw new ProbeTimedOut(`no answer within ${PROBE_TIMEOUT_MS} ms`);
    if (refusedSince(start)) throw new ProbeRefused('not asked: the name leads into your own network');
    throw err;
  }
  void res.body?.cancel(); // headers are all we want
  const headers = [...res.headers].map(([name, value]) => ({ name, value }));
  const ip = await addressOf(res.url);
  return ip === undefined ? { status: res.status, headers } : { status: res.status, headers, ip };
};

/** What the site at `url` answers, as the core probe reads it. */
export function probeSite(url: string, headerNames: ReadonlySet<string>): Promise<ProbeResult> {
  return probe(url, request, headerNames);
}
