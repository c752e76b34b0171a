import { registrableDomain } from '../registrable-domain.js';
import type { Resolver } from './resolver.js';
import type { DnsOutcome, DnsStatus, QueryType } from './types.js';
import { parseIp } from '../ip/parse-ip.js';

/** A query that did not end in an answer or a clean "no such record", with why. */
export interface DnsFailure {
  type: QueryType;
  name: string;
  status: Exclude<DnsStatus, 'ok'>;
  error: string;
  httpStatus?: number;
  timeoutMs?: number;
}

function failureOf(outcome: DnsOutcome): DnsFailure {
  const f: DnsFailure = { type: outcome.type, name: outcome.name, status: outcome.status as DnsFailure['status'], error: outcome.error ?? outcome.status };
  if (outcome.httpStatus !== undefined) f.httpStatus = outcome.httpStatus;
  if (outcome.timeoutMs !== undefined) f.timeoutMs = outcome.timeoutMs;
  return f;
}

/** Everything DNS says about a host and its registrable domain, and what could not be learnt. */
export interface DnsLookup {
  host: string;
  /** The registrable domain (public suffix list), when the host has one. */
  domain?: string;
  ips: string[];
  /** The CNAME chain from the host, hop by hop. */
  cname: string[];
  ns: string[];
  /** The zone's primary name server, from its SOA record. */
  soa?: string;
  mx: string[];
  txt: string[];
  /** Every query that did not end in an answer or a clean "no such record". */
  errors: DnsFailure[];
  /** True when the host itself does not exist (NXDOMAIN for its addresses). */
  nxdomain: boolean;
}

/** Whether DNS said anything at all about the host or its domain. */
export function resolvedAnything(dns: Pick<DnsLookup, 'ips' | 'cname' | 'ns' | 'mx' | 'txt'>): boolean {
  return [dns.ips, dns.cname, dns.ns, dns.mx, dns.txt].some((list) => list.length > 0);
}

// Resolvers put the whole CNAME chain in the answer; when one does not, each
// missing hop costs one more query, up to this many.
const MAX_CHAIN = 8;

/** Follows CNAME records in an answer from `start`; returns the hops and the name at the end. */
function followChain(start: string, outcomes: DnsOutcome[]): { hops: string[]; end: string } {
  const cnames = new Map<string, string>();
  for (const o of outcomes) for (const r of o.answers) if (r.type === 'CNAME') cnames.set(r.name, r.data);
  const hops: string[] = [];
  let at = start;
  while (cnames.has(at) && hops.length < MAX_CHAIN && !hops.includes(cnames.get(at)!)) {
    at = cnames.get(at)!;
    hops.push(at);
  }
  return { hops, end: at };
}

/**
 * Looks a host up: its addresses and CNAME chain, and the NS, SOA, MX and TXT
 * of its registrable domain, all asked at once. An IP literal needs no DNS.
 */
export async function resolveHost(resolver: Resolver, host: string): Promise<DnsLookup> {
  const result: DnsLookup = { host, ips: [], cname: [], ns: [], mx: [], txt: [], errors: [], nxdomain: false };
  if (parseIp(host) !== undefined) {
    result.ips.push(host);
    return result;
  }
  const domain = registrableDomain(host);
  if (domain !== undefined) result.domain = domain;

  const ask = async (name: string, type: QueryType) => {
    const outcome = await resolver.query(name, type);
    if (outcome.status !== 'ok' && !(outcome.status === 'nxdomain' && name === host)) result.errors.push(failureOf(outcome));
    return outcome;
  };
  const zone = (type: QueryType) => (domain === undefined ? Promise.resolve(undefined) : ask(domain, type));
  const [a, aaaa, ns, soa, mx, txt] = await Promise.all([ask(host, 'A'), ask(host, 'AAAA'), zone('NS'), zone('SOA'), zone('MX'), zone('TXT')]);

  const addressOutcomes = [a, aaaa];
  let chain = followChain(host, addressOutcomes);
  // A resolver that left the chain unfinished: ask for the rest, hop by hop.
  while (chain.hops.length > 0 && chain.hops.length < MAX_CHAIN && !addressOutcomes.some((o) => o.answers.some((r) => r.name === chain.end && (r.type === 'A' || r.type === 'AAAA' || r.type === 'CNAME')))) {
    const [more4, more6] = await Promise.all([ask(chain.end, 'A'), ask(chain.end, 'AAAA')]);
    if (more4.answers.length === 0 && more6.answers.length === 0) break;
    addressOutcomes.push(more4, more6);
    chain = followChain(host, addressOutcomes);
  }
  result.cname = chain.hops;
  for (const o of addressOutcomes) for (const r of o.answers) if ((r.type === 'A' || r.type === 'AAAA') && r.name === chain.end && !result.ips.includes(r.data)) result.ips.push(r.data);
  result.nxdomain = a.status === 'nxdomain' && aaaa.status === 'nxdomain';
  if (result.nxdomain) result.errors.unshift(failureOf(a));

  const data = (o: DnsOutcome | undefined, type: string) => (o?.answers ?? []).filter((r) => r.type === type).map((r) => r.data);
  result.ns = data(ns, 'NS');
  const primary = data(soa, 'SOA')[0];
  if (primary !== undefined) result.soa = primary;
  result.mx = data(mx, 'MX');
  result.txt = data(txt, 'TXT');
  return result;
}
