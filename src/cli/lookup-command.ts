import type { Engine } from '../core/engine.js';
import { classify } from '../core/classify.js';
import { LOOKUP_REFUSALS, lookupTarget } from '../core/page-target.js';
import { createResolver } from '../core/dns/resolver.js';
import { resolveHost, resolvedAnything, type DnsLookup } from '../core/dns/resolve-host.js';
import { lookupError, lookupObservation } from '../core/view.js';
import type { Resolver } from '../core/dns/resolver.js';
import { finalHop, probe, probeStartsFor, type ProbeResult } from '../core/probe.js';
import { parseIp } from '../core/ip/parse-ip.js';
import { nodeProbeRequest } from '../node/http-probe.js';
import { rdapDomain, type RdapOutcome } from '../core/rdap/rdap-domain.js';
import { rdapIp, type RdapIpOutcome } from '../core/rdap/rdap-ip.js';
import { registrarResult } from '../core/rdap/registrar-result.js';
import type { DnsBootstrap } from '../core/rdap/bootstrap.js';
import type { FetchLike } from '../core/dns/types.js';
import type { Report } from '../core/types.js';
import { formatReport } from './format-report.js';
import { UsageError } from './usage.js';

export interface LookupReport extends Report {
  dns: Omit<DnsLookup, 'errors' | 'nxdomain' | 'host'>;
  http?: ProbeResult;
  rdap?: { domain?: RdapOutcome; network?: RdapIpOutcome };
  errors: { query: string; status: string; error: string }[];
}

/** Where to probe: the URL as given (its scheme and port, not its path or user-info), or https then http for a bare host. */
function probeStarts(input: string, host: string): string[] {
  if (!/^https?:\/\//i.test(input.trim())) return probeStartsFor(host);
  const url = new URL(input.trim());
  const bracketed = host.includes(':') ? `[${host}]` : host;
  return [`${url.protocol}//${bracketed}${url.port === '' ? '' : `:${url.port}`}/`];
}

async function probeSite(engine: Engine, input: string, host: string, resolver: Resolver, timeoutMs: number): Promise<ProbeResult> {
  const addressesOf = async (name: string) => (parseIp(name) !== undefined ? [name] : (await resolveHost(resolver, name)).ips);
  const request = nodeProbeRequest(addressesOf, timeoutMs);
  let result: ProbeResult = { hops: [] };
  for (const start of probeStarts(input, host)) {
    result = await probe(start, request, engine.headerNames);
    if (result.hops.length > 0) break;
  }
  return result;
}

/** Looks a host up over DNS-over-HTTPS and classifies what it finds. Exit status 1 when nothing at all could be resolved. */
export interface LookupOptions {
  resolver: string;
  timeoutMs: number;
  json: boolean;
  http: boolean;
  /** RDAP: the bootstrap to find each registry, or undefined for --no-rdap; `server` overrides it. */
  rdap?: { bootstrap: DnsBootstrap; server?: string };
  fetch: FetchLike;
}

export async function lookupCommand(engine: Engine, input: string, options: LookupOptions): Promise<{ output: string; code: number }> {
  const target = lookupTarget(input);
  if (!target.ok) throw new UsageError(`cannot look up ${JSON.stringify(input.slice(0, 100))}: ${LOOKUP_REFUSALS[target.reason]}`);
  const resolver = createResolver({ resolver: options.resolver, fetch: options.fetch, timeoutMs: options.timeoutMs });
  // The registry only needs the registrable domain: ask it while DNS runs.
  const { rdap } = options;
  const registry = rdap === undefined || target.domain === undefined ? undefined : rdapDomain(target.domain, { bootstrap: rdap.bootstrap, ...(rdap.server === undefined ? {} : { server: rdap.server }), fetch: options.fetch, timeoutMs: options.timeoutMs });
  const dns = await resolveHost(resolver, target.host);
  const http = options.http && dns.ips.length > 0 ? await probeSite(engine, input, target.host, resolver, options.timeoutMs) : undefined;
  const answered = http === undefined ? undefined : finalHop(http);
  // The probe's answer is what a browser would see: its address first, its headers as evidence.
  const report = classify(engine, lookupObservation(target.host, answered, dns));
  const { errors: dnsErrors, nxdomain: _n, host: _h, ...records } = dns;
  const errors: LookupReport['errors'] = [...dnsErrors];
  if (http?.error !== undefined) errors.push(lookupError(`HTTP ${http.hops[0]?.url ?? probeStarts(input, target.host)[0]}`, { status: 'http', error: http.error }));
  // The network behind the address that answered (or that DNS gave), from its regional registry.
  const address = report.address?.special === undefined ? report.address?.ip : undefined;
  const [rdapOutcome, networkOutcome] = await Promise.all([
    registry,
    rdap === undefined || address === undefined ? undefined : rdapIp(address, { ...(rdap.server === undefined ? {} : { server: rdap.server }), fetch: options.fetch, timeoutMs: options.timeoutMs }),
  ]);
  if (rdapOutcome?.registrar !== undefined) report.providers.push(registrarResult(rdapOutcome.registrar).result);
  if (rdapOutcome !== undefined && rdapOutcome.status !== 'ok') errors.push(lookupError(`RDAP ${target.domain ?? ''}`, rdapOutcome));
  if (networkOutcome !== undefined && networkOutcome.status !== 'ok') errors.push(lookupError(`RDAP ${address ?? ''}`, networkOutcome));
  const result: LookupReport = { ...report, dns: records, errors };
  if (http !== undefined) result.http = http;
  if (rdapOutcome !== undefined || networkOutcome !== undefined) {
    result.rdap = {};
    if (rdapOutcome !== undefined) result.rdap.domain = rdapOutcome;
    if (networkOutcome !== undefined) result.rdap.network = networkOutcome;
  }
  const code = resolvedAnything(dns) ? 0 : 1;
  if (options.json) return { output: `${JSON.stringify(result, null, 2)}\n`, code };
  const lines = [formatReport(report).trimEnd()];
  if (dns.cname.length > 0) lines.push(`  cname      ${[target.host, ...dns.cname].join(' → ')}`);
  for (const hop of http?.hops ?? []) lines.push(`  http       ${hop.status} ${hop.url}${hop.ip === undefined ? '' : ` (${hop.ip})`}`);
  const registrar = rdapOutcome?.registrar;
  if (registrar?.abuseEmail !== undefined) lines.push(`  registrar  abuse contact: ${registrar.abuseEmail}${registrar.abusePhone === undefined ? '' : `, ${registrar.abusePhone}`}`);
  const net = networkOutcome?.network;
  if (net !== undefined) lines.push(`  network    ${[net.name, net.range, net.registrant].filter((x) => x !== undefined).join(', ')}${net.abuseEmail === undefined ? '' : ` — abuse: ${net.abuseEmail}`}`);
  for (const e of errors) lines.push(`  missing    ${e.query}: ${e.error}`);
  return { output: `${lines.join('\n')}\n`, code };
}
