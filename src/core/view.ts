import { providerInfo, type Engine, type ProviderInfo } from './engine.js';
import type { Report } from './types.js';
import type { LookupRefusal, UninspectableReason } from './page-target.js';
import { classify } from './classify.js';
import type { SeenResponse } from './observation-record.js';
import type { DnsLookup } from './dns/resolve-host.js';
import type { RegistrarInfo } from './rdap/rdap-domain.js';
import type { NetworkRecord } from './rdap/rdap-ip.js';
import type { ResourceGroup } from './resources.js';
import type { Change } from './history.js';
import { registrarResult } from './rdap/registrar-result.js';
import type { Observation } from './types.js';

export interface LookupError {
  query: string;
  status: string;
  error: string;
}

/** An outcome that is not `ok` (an RDAP or probe answer) as an entry of what could not be found out. */
export function lookupError(query: string, outcome: { status: string; error?: string }): LookupError {
  return { query, status: outcome.status, error: outcome.error ?? outcome.status };
}

/** The addresses a lookup classifies (what engine.prepare() needs first): the one the browser connected to, then DNS's. */
export function lookupAddresses(seen?: Pick<SeenResponse, 'ip'>, dns?: Pick<DnsLookup, 'ips'>): string[] {
  return [...new Set([...(seen?.ip === undefined ? [] : [seen.ip]), ...(dns?.ips ?? [])])];
}

/**
 * What the classifier gets from a lookup: the browser's (or the probe's)
 * response first, its address before the ones DNS gave, then DNS's records.
 */
export function lookupObservation(host: string, seen?: Pick<SeenResponse, 'ip' | 'status' | 'headers' | 'cookieNames'>, dns?: Pick<DnsLookup, 'ips' | 'cname' | 'ns' | 'mx' | 'txt'>): Observation {
  const obs: Observation = { host, ips: lookupAddresses(seen, dns) };
  if (seen !== undefined) Object.assign(obs, { status: seen.status, headers: seen.headers, cookieNames: seen.cookieNames });
  if (dns !== undefined) Object.assign(obs, { cname: dns.cname, ns: dns.ns, mx: dns.mx, txt: dns.txt });
  return obs;
}

/** What DNS said, as the popup shows it. */
export type DnsSummary = Omit<DnsLookup, 'errors' | 'nxdomain' | 'host'>;

// The popup's model: exactly one of these states, computed where the data is
// (the worker) so the popup only renders.

export type View =
  | { state: 'uninspectable'; reason: UninspectableReason }
  /** A lookup whose input names no host (a mailto: link, a word). */
  | { state: 'not-a-host'; input: string; reason: LookupRefusal }
  /** The page was loaded before whoserves could watch (installed or updated since): a reload fixes it. */
  | { state: 'unseen'; host: string; domain?: string; canReload: boolean }
  /** The page is known but no network response was seen (restored from the back/forward cache, or served by a service worker). */
  | { state: 'no-response'; host: string; domain?: string }
  | ReportState;

/**
 * The answer of a live lookup: off (the person turned DNS lookups off), nothing
 * learnt (every query failed or the name does not exist: the reasons), or the
 * richer view.
 */
export type LiveResult = { state: 'off' } | { state: 'unresolved'; errors: DnsLookup['errors'] } | { state: 'done'; view: View };

export interface ReportState {
  state: 'report';
  host: string;
  domain?: string;
  /** The response the browser received, when it did. */
  seen?: Omit<SeenResponse, 'headers' | 'cookieNames'>;
  /** The live DNS lookup, once it has been made. */
  dns?: DnsSummary;
  /** What a live lookup could not find out (DNS queries, the header probe), each with its reason. */
  lookupErrors?: LookupError[];
  report: Report;
  providers: Record<string, ProviderInfo>;
  /** The network behind the address, as its regional registry records it. */
  network?: NetworkRecord;
  /** For a tab: the hosts its page loaded resources from, grouped by who serves them. */
  resources?: ResourceGroup[];
  /** For a tab: the latest move per role in this domain's history (kept in this browser only). */
  moves?: Change[];
}

/**
 * Classifies what is known of a host: the browser's response (its address
 * first, the one it actually connected to) and, when made, a DNS lookup.
 */
export function reportView(engine: Engine, host: string, domain: string | undefined, seen?: SeenResponse, dns?: DnsLookup, extraErrors: LookupError[] = [], registrar?: RegistrarInfo): ReportState {
  const report = classify(engine, lookupObservation(host, seen, dns));
  const providers: Record<string, ProviderInfo> = {};
  for (const p of report.providers) providers[p.id] = providerInfo(engine, p.id, p.name);
  if (registrar !== undefined) {
    const { result, info } = registrarResult(registrar);
    report.providers.push(result);
    providers[info.id] = info;
  }
  const view: ReportState = { state: 'report', host, report, providers };
  if (domain !== undefined) view.domain = domain;
  if (seen !== undefined) {
    const { headers: _h, cookieNames: _c, ...summary } = seen;
    view.seen = summary;
  }
  if (dns !== undefined) {
    const { errors, nxdomain: _n, host: _host, ...summary } = dns;
    view.dns = summary;
    view.lookupErrors = [...errors, ...extraErrors];
  }
  return view;
}
