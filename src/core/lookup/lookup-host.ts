import { classify } from '../classify.js';
import type { Engine } from '../engine.js';
import type { DnsLookup } from '../dns/resolve-host.js';
import { resolvedAnything } from '../dns/resolve-host.js';
import { parseIp } from '../ip/parse-ip.js';
import type { SeenResponse } from '../observation-record.js';
import { finalHop, probeUrlsFor, type ProbeResult } from '../probe.js';
import type { RdapOutcome, RegistrarInfo } from '../rdap/rdap-domain.js';
import type { NetworkRecord, RdapIpOutcome } from '../rdap/rdap-ip.js';
import { registrableDomain } from '../registrable-domain.js';
import type { HostTarget } from '../page-target.js';
import { spfMechanisms } from '../spf.js';
import type { Observation, Report } from '../types.js';
import { unlistedDomainOf } from '../unlisted-company.js';
import { dnsError, probeError, rdapError, type LookupError } from './lookup-error.js';

// One lookup, the same in the worker and the CLI: what the browser saw (or
// the offline tables know) first, then DNS and the domain's registry in
// parallel, then the site's own headers when asked for, then the registry of
// the network behind the address. Everything platform-specific comes in
// `deps`; every decision is in `policy`.

export type LookupTarget = HostTarget;

/** The platform's pieces. None of them rejects: every failure is an outcome. */
export interface LookupDeps {
  resolve(host: string): Promise<DnsLookup>;
  /** Addresses (A and AAAA) of a name-server or mail host, to say whose network runs it. */
  addresses(host: string): Promise<string[]>;
  /** TXT records of a domain an SPF record includes. */
  txt(domain: string): Promise<string[]>;
  probe(url: string): Promise<ProbeResult>;
  rdapDomain(domain: string): Promise<RdapOutcome>;
  rdapIp(ip: string): Promise<RdapIpOutcome>;
  /** Makes the IP tables ready for these addresses (the worker loads table shards on demand). */
  prepare(ips: readonly string[]): Promise<void>;
}

export type ProbePolicy = 'never' | 'public-only' | 'always';

export interface LookupPolicy {
  dns: boolean;
  rdap: boolean;
  /** Whether to ask the site for its headers when nothing was seen of it: never, only at public addresses, or always (the CLI's --allow-private). */
  probe: ProbePolicy;
  /** Where to ask: a link's own scheme and port; by default https, then http. */
  probeUrls?: string[];
  /** What the browser received from the host: authoritative for the edge and the address. */
  seen?: SeenResponse;
}

export type StepState = 'pending' | 'done' | 'failed' | 'off' | 'not-needed';

export interface LookupSteps {
  dns: StepState;
  /** The site's own answer: seen by the browser, asked by the probe, or neither. */
  site: StepState;
  registry: StepState;
}

export type Phase = 'seen' | 'dns' | 'registry' | 'done';

/** What a lookup found so far. Plain JSON: it crosses ports and is printed by the CLI. */
export interface LookupResult {
  host: string;
  domain?: string;
  isIp: boolean;
  /** The site's answer, without its headers (those are in the evidence): from the browser or the probe. */
  seen?: Omit<SeenResponse, 'headers' | 'cookieNames'> & { via: 'browser' | 'probe' };
  dns?: Omit<DnsLookup, 'errors' | 'host'>;
  probe?: ProbeResult;
  report: Report;
  /**
   * When the browser's own connection decided the report: what the addresses DNS gives now would
   * say, if that names another edge or host (a resolver answering differently is not the tab's edge).
   */
  dnsAddresses?: { ips: string[]; report: Report };
  registrar?: RegistrarInfo;
  network?: NetworkRecord;
  errors: LookupError[];
  steps: LookupSteps;
}

const MAX_RECORD_HOSTS = 4;

/** The observation the classifier gets: the site's answer first (its address is the one connected to), then DNS's records. */
export function observationOf(target: LookupTarget, seen: SeenResponse | undefined, dns: DnsLookup | undefined, extra: Pick<Observation, 'addresses' | 'spfIncluded'> = {}): Observation {
  const ips = seen !== undefined ? (seen.ip === undefined ? [] : [seen.ip]) : target.isIp ? [target.host] : (dns?.ips ?? []);
  const obs: Observation = { host: target.host, ips };
  if (seen !== undefined) Object.assign(obs, { status: seen.status, headers: seen.headers, cookieNames: seen.cookieNames });
  if (dns !== undefined) Object.assign(obs, { cname: dns.cname, ns: dns.ns, mx: dns.mx, txt: dns.txt });
  if (extra.addresses !== undefined) obs.addresses = extra.addresses;
  if (extra.spfIncluded !== undefined) obs.spfIncluded = extra.spfIncluded;
  return obs;
}

const edgeAndHost = (r: Report) => JSON.stringify(r.providers.filter((p) => (p.role === 'edge' && p.behind === undefined) || p.role === 'hosting').map((p) => `${p.role}:${p.id}`));

function summaryOf(seen: SeenResponse, via: 'browser' | 'probe'): NonNullable<LookupResult['seen']> {
  const { headers: _h, cookieNames: _c, ...rest } = seen;
  return { ...rest, via };
}

/**
 * What is known without asking anyone: the browser's answer, an address's
 * network, a platform's host name. The lookup's first phase; the worker also
 * keeps it ready for each tab's page, so the popup can show it before the
 * worker has woken (background/kept-answers.ts).
 */
export async function knownResult(engine: Engine, target: LookupTarget, policy: LookupPolicy, prepare: LookupDeps['prepare']): Promise<LookupResult> {
  const steps: LookupSteps = {
    dns: !policy.dns ? 'off' : target.isIp ? 'not-needed' : 'pending',
    site: policy.seen !== undefined ? 'done' : policy.probe === 'never' ? 'off' : 'pending',
    registry: policy.rdap ? 'pending' : 'off',
  };
  const obs = observationOf(target, policy.seen, undefined);
  await prepare(obs.ips ?? []);
  const result: LookupResult = { host: target.host, isIp: target.isIp, report: classify(engine, obs), errors: [], steps };
  if (target.domain !== undefined) result.domain = target.domain;
  if (policy.seen !== undefined) result.seen = summaryOf(policy.seen, 'browser');
  return result;
}

/**
 * Looks a host up. `onPhase` gets the result each time a step lands (the
 * popup renders DNS before the registries answer); the promise gives the
 * final one. Never rejects for a network failure: each becomes a LookupError.
 */
export async function lookupHost(engine: Engine, target: LookupTarget, deps: LookupDeps, policy: LookupPolicy, onPhase: (phase: Phase, result: LookupResult) => void = () => undefined): Promise<LookupResult> {
  const result = await knownResult(engine, target, policy, deps.prepare);
  const { steps } = result;
  let seen = policy.seen;
  const classifyNow = async (dns?: DnsLookup, extra?: Pick<Observation, 'addresses' | 'spfIncluded'>) => {
    const obs = observationOf(target, seen, dns, extra);
    await deps.prepare([...(obs.ips ?? []), ...Object.values(extra?.addresses ?? {}).flat()]);
    result.report = classify(engine, obs);
  };
  onPhase('seen', structuredCopy(result));

  // The registry only needs the registrable domain: ask it while DNS runs.
  const registry = policy.rdap && target.domain !== undefined ? deps.rdapDomain(target.domain) : undefined;
  let dns: DnsLookup | undefined;
  if (steps.dns === 'pending') {
    dns = await deps.resolve(target.host);
    const { errors, host: _host, ...records } = dns;
    result.dns = records;
    result.errors.push(...errors.map(dnsError));
    steps.dns = resolvedAnything(dns) ? 'done' : 'failed';
  }

  if (seen === undefined && steps.site === 'pending') {
    const addresses = target.isIp ? [target.host] : (dns?.ips ?? []);
    const allPublic = addresses.length > 0 && addresses.every((ip) => parseIp(ip)?.special === undefined);
    if (addresses.length === 0) steps.site = 'not-needed';
    else if (policy.probe === 'public-only' && !allPublic) {
      // Said, not skipped silently: the person asked about this link and should know why the site was not asked.
      const inside = addresses.find((ip) => parseIp(ip)?.special !== undefined)!;
      const url = (policy.probeUrls ?? probeUrlsFor(target.host, target.host))[0]!;
      result.errors.push(probeError({ status: 'private-address', url, detail: `not asked: ${target.host} points to ${inside}, an address in your own network` }));
      steps.site = 'not-needed';
    } else {
      const probed = await probeSite(deps, policy.probeUrls ?? probeUrlsFor(target.host, target.host));
      result.probe = probed.result;
      const hop = finalHop(probed.result);
      if (hop !== undefined) {
        seen = { host: target.host, status: hop.status, headers: hop.headers, cookieNames: hop.cookieNames, fromCache: false, at: Date.now(), ...(hop.ip === undefined ? {} : { ip: hop.ip }) };
        result.seen = summaryOf(seen, 'probe');
      }
      if (probed.error !== undefined) result.errors.push(probed.error);
      steps.site = hop === undefined ? 'failed' : 'done';
    }
  }

  if (dns !== undefined) {
    // The site's own answer (the browser's, or the probe's) decides the edge and the address. When the
    // addresses DNS gives now name other companies (another resolver's view, a change since), the host's
    // DNS findings are shown apart, as DNS's, and its CNAME chain does not add layers to that answer.
    let records = dns;
    if (seen?.ip !== undefined && dns.ips.length > 0 && !dns.ips.includes(seen.ip)) {
      await deps.prepare(dns.ips);
      const byDns = classify(engine, { host: target.host, ips: dns.ips, cname: dns.cname });
      if (edgeAndHost(byDns) !== edgeAndHost(classify(engine, observationOf(target, seen, undefined)))) {
        result.dnsAddresses = { ips: dns.ips, report: byDns };
        records = { ...dns, cname: [] };
      }
    }
    await classifyNow(records);
    const details = await recordDetails(deps, result.report, records);
    if (details.addresses !== undefined || details.spfIncluded !== undefined) await classifyNow(records, details);
  } else if (seen !== policy.seen) {
    await classifyNow();
  }
  if (steps.dns !== 'off' || steps.site !== 'off') onPhase('dns', structuredCopy(result));

  if (policy.rdap) {
    const address = result.report.address;
    const [domainOutcome, ipOutcome] = await Promise.all([registry, address === undefined || address.special !== undefined ? undefined : deps.rdapIp(address.ip)]);
    if (domainOutcome?.status === 'ok') {
      if (domainOutcome.registrar !== undefined) result.registrar = domainOutcome.registrar;
    } else if (domainOutcome !== undefined) result.errors.push(rdapError('rdap-domain', target.domain ?? '', domainOutcome));
    if (ipOutcome?.status === 'ok') result.network = ipOutcome.network;
    else if (ipOutcome !== undefined && address !== undefined) result.errors.push(rdapError('rdap-ip', address.ip, ipOutcome));
    const asked = domainOutcome !== undefined || ipOutcome !== undefined;
    steps.registry = !asked ? 'not-needed' : result.registrar !== undefined || result.network !== undefined ? 'done' : 'failed';
    onPhase('registry', structuredCopy(result));
  }
  return result;
}

/** Tries each start URL until one answers; keeps the first failure, which is the one the person's link or https would hit. */
async function probeSite(deps: LookupDeps, starts: readonly string[]): Promise<{ result: ProbeResult; error?: LookupError }> {
  let first: LookupError | undefined;
  let result: ProbeResult = { hops: [] };
  for (const start of starts) {
    result = await deps.probe(start);
    if (finalHop(result) !== undefined) return { result };
    if (result.error !== undefined) first ??= probeError(result.error);
  }
  return first === undefined ? { result } : { result, error: first };
}

/**
 * What names the companies behind records no catalogue rule covers: the
 * addresses of those name-server and mail hosts, and the SPF records the
 * domain's own includes point at. Asked in parallel, a handful at most.
 */
async function recordDetails(deps: LookupDeps, report: Report, dns: DnsLookup): Promise<Pick<Observation, 'addresses' | 'spfIncluded'>> {
  const unlisted = new Set(report.providers.map((p) => unlistedDomainOf(p.id)).filter((d): d is string => d !== undefined));
  const hosts = [...dns.ns, ...dns.mx].filter((h) => unlisted.has(registrableDomain(h) ?? '')).slice(0, MAX_RECORD_HOSTS * 2);
  const siteDomain = dns.domain;
  const includes = spfMechanisms(dns.txt).filter((m) => m.kind === 'include' || m.kind === 'redirect').map((m) => m.domain).filter((d) => registrableDomain(d) === siteDomain || unlisted.has(registrableDomain(d) ?? '')).slice(0, MAX_RECORD_HOSTS);
  const [addressLists, txtLists] = await Promise.all([Promise.all(hosts.map((h) => deps.addresses(h))), Promise.all(includes.map((d) => deps.txt(d)))]);
  const extra: Pick<Observation, 'addresses' | 'spfIncluded'> = {};
  if (hosts.length > 0) extra.addresses = Object.fromEntries(hosts.map((h, i) => [h, addressLists[i]!]));
  if (includes.length > 0) extra.spfIncluded = Object.fromEntries(includes.map((d, i) => [d, txtLists[i]!]));
  return extra;
}

/** A snapshot for a phase: later steps must not change what was already handed out. */
function structuredCopy(result: LookupResult): LookupResult {
  return JSON.parse(JSON.stringify(result)) as LookupResult;
}
