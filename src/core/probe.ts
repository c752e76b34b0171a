import { cookieNames, pickHeaders, type RawHeader } from './headers.js';
import type { HeaderMap } from './types.js';

// The HTTP header probe: for a host the browser has not loaded (a link looked
// up from the context menu, the CLI), ask the site itself for its response
// headers. HEAD first (no body), GET when HEAD is refused; redirects followed
// by hand so every hop's headers and address are kept; no cookies sent.

/** One HTTP exchange, as a platform adapter performs it. */
export interface ProbeResponse {
  status: number;
  headers: RawHeader[];
  /** The address the connection went to, when the platform can tell. */
  ip?: string;
}

export type ProbeRequest = (url: string, method: 'HEAD' | 'GET') => Promise<ProbeResponse>;

export interface ProbeHop {
  url: string;
  status: number;
  ip?: string;
  headers: HeaderMap;
  cookieNames: string[];
}

export interface ProbeResult {
  hops: ProbeHop[];
  error?: string;
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** HEAD refused or not implemented: ask again with GET. */
const HEAD_REFUSED = new Set([400, 403, 405, 501]);

/** The start URLs to try for a bare host: https first, then http. */
export function probeStartsFor(host: string): string[] {
  const bracketed = host.includes(':') ? `[${host}]` : host;
  return [`https://${bracketed}/`, `http://${bracketed}/`];
}

export async function probe(start: string, request: ProbeRequest, headerNames: ReadonlySet<string>): Promise<ProbeResult> {
  const hops: ProbeHop[] = [];
  let url = start;
  try {
    for (let i = 0; i <= MAX_REDIRECTS; i++) {
      let res = await request(url, 'HEAD');
      if (HEAD_REFUSED.has(res.status)) res = await request(url, 'GET');
      const hop: ProbeHop = { url, status: res.status, headers: pickHeaders(res.headers, headerNames), cookieNames: cookieNames(res.headers) };
      if (res.ip !== undefined) hop.ip = res.ip;
      hops.push(hop);
      const location = res.headers.find((h) => h.name.toLowerCase() === 'location')?.value;
      if (!REDIRECTS.has(res.status) || location === undefined) return { hops };
      const next = new URL(location, url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') return { hops, error: `redirected to a ${next.protocol} address` };
      url = next.href;
    }
    return { hops, error: `more than ${MAX_REDIRECTS} redirects` };
  } catch (err) {
    return { hops, error: (err as Error).message };
  }
}

/** The hop that answered: the last one, whose server served the content. */
export function finalHop(result: ProbeResult): ProbeHop | undefined {
  return result.hops[result.hops.length - 1];
}
