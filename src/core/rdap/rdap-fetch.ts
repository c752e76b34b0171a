import type { FetchLike } from '../net/fetch-like.js';
import { BodyTooLarge, readCapped } from '../net/fetch-like.js';
import { withDeadline } from '../deadline.js';

export type RdapStatus = 'ok' | 'not-found' | 'rate-limited' | 'no-rdap' | 'http-error' | 'timeout' | 'malformed' | 'unreachable';

/** Why an RDAP answer is missing, with the numbers a message needs. */
export interface RdapFailure {
  status: Exclude<RdapStatus, 'ok'>;
  url: string;
  error: string;
  httpStatus?: number;
  /** The wait a rate-limiting registry asks for, as it said it (seconds or a date), cut short. */
  retryAfter?: string;
  timeoutMs?: number;
}

/** One RDAP GET: the JSON body, or why there is none. Never rejects. */
export type RdapFetched = { status: 'ok'; url: string; body: unknown } | RdapFailure;

const MEDIA_TYPE = 'application/rdap+json';
/** Real registry answers are a few kilobytes; a megabyte is generous and still harmless. */
const MAX_BODY = 1 << 20;

/** GETs an RDAP object (RFC 7480): 404, 429 (with the registry's wait, not retried), errors and timeouts become outcomes. */
export async function rdapFetch(url: string, what: string, fetch: FetchLike, timeoutMs: number): Promise<RdapFetched> {
  const done = await withDeadline(timeoutMs, async (signal): Promise<RdapFetched> => {
    const res = await fetch(url, { method: 'GET', headers: { accept: `${MEDIA_TYPE}, application/json` }, signal });
    // After the registries' referrals, the record comes from where the redirects ended.
    const source = res.url === undefined || res.url === '' ? url : res.url;
    const refuse = (failure: Omit<RdapFailure, 'url'>): RdapFailure => {
      void res.body?.getReader().cancel().catch(() => undefined);
      return { url, ...failure };
    };
    if (res.status === 404) return refuse({ status: 'not-found', error: `the registry has no record of ${what}` });
    if (res.status === 429) {
      const wait = res.headers.get('retry-after')?.slice(0, 40);
      return refuse({ status: 'rate-limited', error: `the registry is limiting requests${wait === undefined ? '' : `; it asks to wait ${wait} s`}; not retried now`, ...(wait === undefined ? {} : { retryAfter: wait }) });
    }
    if (!res.ok) return refuse({ status: 'http-error', error: `the registry answered HTTP ${res.status}`, httpStatus: res.status });
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(res, MAX_BODY);
    } catch (err) {
      if (err instanceof BodyTooLarge) return { status: 'malformed', url, error: 'the answer is too large' };
      throw err;
    }
    try {
      return { status: 'ok', url: source, body: JSON.parse(new TextDecoder().decode(bytes)) as unknown };
    } catch {
      return { status: 'malformed', url, error: 'the answer is not JSON' };
    }
  });
  if (done.ok) return done.value;
  if (done.timedOut) return { status: 'timeout', url, error: `no answer within ${timeoutMs} ms`, timeoutMs };
  return { status: 'unreachable', url, error: `the registry could not be reached (${done.error.message.slice(0, 200)})` };
}
