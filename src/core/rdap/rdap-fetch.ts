import type { FetchLike } from '../dns/types.js';
import { withDeadline } from '../deadline.js';

export type RdapStatus = 'ok' | 'not-found' | 'rate-limited' | 'no-rdap' | 'http-error' | 'timeout' | 'malformed' | 'unreachable';

/** One RDAP GET: the JSON body, or why there is none. Never rejects. */
export type RdapFetched = { status: 'ok'; url: string; body: unknown } | { status: Exclude<RdapStatus, 'ok'>; url: string; error: string };

const MEDIA_TYPE = 'application/rdap+json';
const MAX_BODY = 1 << 20;

/** GETs an RDAP object (RFC 7480): 404, 429 (with the registry's wait, not retried), errors and timeouts become outcomes. */
export async function rdapFetch(url: string, what: string, fetch: FetchLike, timeoutMs: number): Promise<RdapFetched> {
  const done = await withDeadline(timeoutMs, async (signal): Promise<RdapFetched> => {
    const res = await fetch(url, { method: 'GET', headers: { accept: `${MEDIA_TYPE}, application/json` }, signal });
    // After the registries' referrals, the record comes from where the redirects ended.
    const source = res.url === undefined || res.url === '' ? url : res.url;
    if (res.status === 404) return { status: 'not-found', url, error: `the registry has no record of ${what}` };
    if (res.status === 429) {
      const wait = res.headers.get('retry-after');
      return { status: 'rate-limited', url, error: `the registry is limiting requests${wait === null ? '' : `; it asks to wait ${wait} s`}; not retried now` };
    }
    if (!res.ok) return { status: 'http-error', url, error: `the registry answered HTTP ${res.status}` };
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.length > MAX_BODY) return { status: 'malformed', url, error: 'the answer is too large' };
    try {
      return { status: 'ok', url: source, body: JSON.parse(new TextDecoder().decode(bytes)) as unknown };
    } catch {
      return { status: 'malformed', url, error: 'the answer is not JSON' };
    }
  });
  if (done.ok) return done.value;
  if (done.timedOut) return { status: 'timeout', url, error: `no answer within ${timeoutMs} ms` };
  return { status: 'unreachable', url, error: `the registry could not be reached (${done.error.message})` };
}
