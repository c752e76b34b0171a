import { cookieNames, pickHeaders, type RawHeader } from './headers.js';
import { parseIp } from './ip/parse-ip.js';
import type { HeaderMap } from './types.js';

// The HTTP header probe: for a host the browser has not loaded (a link looked
// up from the context menu, the CLI), ask the site itself for its response
// headers. HEAD first (no body), GET when HEAD is refused; redirects followed
// by hand so every hop's headers and address are kept; no cookies sent.
//
// Never into the person's own network: a hop naming a private or reserved
// address literal is not requested, and the platform's request function must
// refuse to connect to one whatever a name resolves to (ProbeRefused): the
// CLI checks the address its DoH lookup gives before connecting, the browser
// declares the request's target address space public.

/** One HTTP exchange, as a platform adapter performs it. */
export interface ProbeResponse {
  status: number;
  headers: RawHeader[];
  /** The address the connection went to, when the platform can tell. */
  ip?: string;
}

export type ProbeRequest = (url: string, method: 'HEAD' | 'GET') => Promise<ProbeResponse>;

/** Thrown by a request function that would not connect: the name led into the person's own network. */
export class ProbeRefused extends Error {}
/** Thrown by a request function whose overall deadline passed. */
export class ProbeTimedOut extends Error {}

export type ProbeStatus = 'unreachable' | 'timeout' | 'private-address' | 'not-web' | 'too-many-redirects';

export interface ProbeError {
  status: ProbeStatus;
  /** The URL the failure happened at. */
  url: string;
  detail: string;
}

export interface ProbeHop {
  url: string;
  status: number;
  ip?: string;
  headers: HeaderMap;
  cookieNames: string[];
}

export interface ProbeResult {
  hops: ProbeHop[];
  error?: ProbeError;
}

export interface ProbeOptions {
  /** Allow hops to private and reserved addresses (the CLI's explicit --allow-private); never in the extension. */
  allowPrivate?: boolean;
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** HEAD refused or not implemented: ask again with GET. */
const HEAD_REFUSED = new Set([400, 403, 405, 501]);

/**
 * Where to ask a site for its headers: a URL's own scheme and port (never its
 * path, query or user-info, which are the person's business), or, for a bare
 * host, https first and then http.
 */
export function probeUrlsFor(input: string, host: string): string[] {
  const bracketed = host.includes(':') ? `[${host}]` : host;
  const text = input.trim();
  if (!/^https?:\/\//i.test(text)) return [`https://${bracketed}/`, `http://${bracketed}/`];
  const url = new URL(text);
  return [`${url.protocol}//${bracketed}${url.port === '' ? '' : `:${url.port}`}/`];
}

/** The address a URL names literally, when it is one no site is served from. */
function specialLiteral(url: URL): string | undefined {
  const ip = parseIp(url.hostname);
  return ip?.special;
}

export async function probe(start: string, request: ProbeRequest, headerNames: ReadonlySet<string>, options: ProbeOptions = {}): Promise<ProbeResult> {
  const hops: ProbeHop[] = [];
  let url = start;
  const fail = (status: ProbeStatus, detail: string): ProbeResult => ({ hops, error: { status, url, detail } });
  for (let i = 0; i <= MAX_REDIRECTS; i++) {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return fail('not-web', `redirected to a ${target.protocol} address`);
    const special = specialLiteral(target);
    if (special !== undefined && options.allowPrivate !== true) return fail('private-address', `not asked: ${target.hostname} is a ${special} address`);
    let res: ProbeResponse;
    try {
      res = await request(url, 'HEAD');
      if (HEAD_REFUSED.has(res.status)) res = await request(url, 'GET');
    } catch (err) {
      if (err instanceof ProbeRefused) return fail('private-address', err.message);
      if (err instanceof ProbeTimedOut) return fail('timeout', err.message);
      return fail('unreachable', (err as Error).message.slice(0, 200));
    }
    const answered = res.ip === undefined ? undefined : parseIp(res.ip);
    // Belt and braces: an answer from inside the network is dropped, never shown as the site's.
    if (answered?.special !== undefined && options.allowPrivate !== true) return fail('private-address', `the answer came from ${answered.text}, a ${answered.special} address; it was dropped`);
    const hop: ProbeHop = { url, status: res.status, headers: pickHeaders(res.headers, headerNames), cookieNames: cookieNames(res.headers) };
    if (answered !== undefined) hop.ip = answered.text;
    hops.push(hop);
    const location = res.headers.find((h) => h.name.toLowerCase() === 'location')?.value;
    if (!REDIRECTS.has(res.status) || location === undefined) return { hops };
    try {
      url = new URL(location, url).href;
    } catch {
      return fail('not-web', 'redirected to an address that is not a URL');
    }
  }
  return fail('too-many-redirects', `more than ${MAX_REDIRECTS} redirects`);
}

/** The hop that answered: the last one, whose server served the content. */
export function finalHop(result: ProbeResult): ProbeHop | undefined {
  return result.hops[result.hops.length - 1];
}
