import * as packet from '@leichtgewicht/dns-packet';
import type { DnsOutcome, DnsRecord, DnsStatus, QueryType } from './types.js';
import { BodyTooLarge, readCapped, type FetchInit, type FetchLike } from '../net/fetch-like.js';
import { withDeadline } from '../deadline.js';

// One DNS query over HTTPS (RFC 8484). GET with ?dns= (cacheable by HTTP
// caches, hence id 0), POST when the resolver refuses GET. The wire format is
// @leichtgewicht/dns-packet's, not ours: a parser for hostile input is not
// something to hand-write.

const MEDIA_TYPE = 'application/dns-message';
const MAX_RESPONSE_BYTES = 65535;
/** Negative answers without an SOA are cached this long (RFC 2308 suggests the SOA minimum). */
const DEFAULT_NEGATIVE_TTL = 60;

export interface DohOptions {
  resolver: string;
  fetch: FetchLike;
  timeoutMs: number;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const decoder = new TextDecoder();

function recordData(a: packet.Answer): string | undefined {
  switch (a.type) {
    case 'A':
    case 'AAAA':
    case 'CNAME':
    case 'NS':
      return typeof a.data === 'string' ? a.data.toLowerCase().replace(/\.$/, '') : undefined;
    case 'MX':
      return a.data.exchange.toLowerCase().replace(/\.$/, '');
    case 'SOA':
      return a.data.mname.toLowerCase().replace(/\.$/, '');
    case 'TXT': {
      const parts = Array.isArray(a.data) ? a.data : [a.data];
      return parts.map((p) => (typeof p === 'string' ? p : decoder.decode(p))).join('');
    }
    default:
      return undefined;
  }
}

function records(list: packet.Answer[] | undefined): DnsRecord[] {
  const out: DnsRecord[] = [];
  for (const a of list ?? []) {
    const data = recordData(a);
    if (data !== undefined) out.push({ name: a.name.toLowerCase().replace(/\.$/, ''), type: a.type, ttl: a.ttl ?? 0, data });
  }
  return out;
}

const RCODES: Record<string, DnsStatus> = { NOERROR: 'ok', NXDOMAIN: 'nxdomain', SERVFAIL: 'servfail', REFUSED: 'refused' };
const WHY: Partial<Record<DnsStatus, (name: string) => string>> = {
  nxdomain: (name) => `${name} does not exist (NXDOMAIN)`,
  servfail: () => 'the resolver could not get an answer (SERVFAIL)',
  refused: () => 'the resolver refused the query (REFUSED)',
};

/** Reads a DoH response body into an outcome; never throws. */
export function readResponse(name: string, type: QueryType, body: Uint8Array): DnsOutcome {
  let decoded: packet.Packet;
  try {
    decoded = packet.decode(body);
  } catch (err) {
    return { name, type, status: 'malformed', answers: [], ttl: 0, error: (err as Error).message };
  }
  if (decoded.flag_tc === true) return { name, type, status: 'truncated', answers: [], ttl: 0, error: 'the resolver sent a truncated answer' };
  const rcode = String(decoded.rcode ?? 'NOERROR');
  const status = RCODES[rcode];
  if (status === undefined) return { name, type, status: 'servfail', answers: [], ttl: 0, error: `the resolver answered ${rcode}` };
  const answers = records(decoded.answers);
  const soa = records(decoded.authorities).find((r) => r.type === 'SOA');
  const negativeTtl = soa?.ttl ?? DEFAULT_NEGATIVE_TTL;
  const ttl = answers.length > 0 ? Math.min(...answers.map((a) => a.ttl)) : status === 'ok' || status === 'nxdomain' ? negativeTtl : 0;
  const outcome: DnsOutcome = { name, type, status, answers, ttl };
  const why = WHY[status];
  if (why !== undefined) outcome.error = why(name);
  return outcome;
}

function failure(name: string, type: QueryType, status: DnsStatus, error: string, httpStatus?: number): DnsOutcome {
  const outcome: DnsOutcome = { name, type, status, answers: [], ttl: 0, error };
  if (httpStatus !== undefined) outcome.httpStatus = httpStatus;
  return outcome;
}

function exchange(query: Uint8Array, method: 'GET' | 'POST', opts: DohOptions, signal: AbortSignal) {
  const url = method === 'GET' ? `${opts.resolver}${opts.resolver.includes('?') ? '&' : '?'}dns=${base64url(query)}` : opts.resolver;
  const init: FetchInit = { method, headers: { accept: MEDIA_TYPE }, signal };
  if (method === 'POST') {
    init.headers['content-type'] = MEDIA_TYPE;
    init.body = query;
  }
  return opts.fetch(url, init);
}

/** Asks the resolver once. Resolves to an outcome for every failure mode; never rejects. */
export async function dohQuery(name: string, type: QueryType, opts: DohOptions): Promise<DnsOutcome> {
  const query = packet.encode({ type: 'query', id: 0, flags: packet.RECURSION_DESIRED, questions: [{ type, name }] });
  const done = await withDeadline(opts.timeoutMs, async (signal): Promise<DnsOutcome> => {
    let res = await exchange(query, 'GET', opts, signal);
    // Some resolvers only take POST (405, 415) or refuse long GET URLs (414).
    if (res.status === 405 || res.status === 414 || res.status === 415) res = await exchange(query, 'POST', opts, signal);
    if (!res.ok) {
      void res.body?.getReader().cancel().catch(() => undefined);
      return failure(name, type, 'http-error', `the resolver answered HTTP ${res.status}`, res.status);
    }
    const contentType = res.headers.get('content-type') ?? '';
    if (!contentType.startsWith(MEDIA_TYPE)) {
      void res.body?.getReader().cancel().catch(() => undefined);
      return failure(name, type, 'malformed', `the resolver sent ${contentType.slice(0, 60) || 'no content type'}, not ${MEDIA_TYPE}`);
    }
    try {
      return readResponse(name, type, await readCapped(res, MAX_RESPONSE_BYTES));
    } catch (err) {
      if (err instanceof BodyTooLarge) return failure(name, type, 'malformed', 'the answer is larger than a DNS message can be');
      throw err;
    }
  });
  if (done.ok) return done.value;
  if (done.timedOut) return { ...failure(name, type, 'timeout', `no answer within ${opts.timeoutMs} ms`), timeoutMs: opts.timeoutMs };
  return failure(name, type, 'unreachable', `the resolver could not be reached (${done.error.message.slice(0, 200)})`);
}
