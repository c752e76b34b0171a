import type { Engine } from '../core/engine.js';
import { LOOKUP_REFUSALS, lookupTarget, withDomain } from '../core/page-target.js';
import { createResolver } from '../core/dns/resolver.js';
import { resolveHost } from '../core/dns/resolve-host.js';
import { lookupHost, type LookupDeps, type LookupResult } from '../core/lookup/lookup-host.js';
import { probe, probeUrlsFor } from '../core/probe.js';
import { rdapDomain } from '../core/rdap/rdap-domain.js';
import { rdapIp } from '../core/rdap/rdap-ip.js';
import type { DnsBootstrap } from '../core/rdap/bootstrap.js';
import { providersFor, type SiteModel } from '../core/model/site-model.js';
import { summarise } from '../core/model/summarise.js';
import { gatedFetch, probeRequest, systemResolve, type Gate } from '../node/guarded-http.js';
import { formatSummary } from './format-summary.js';
import { jsonText } from './terminal-text.js';
import { UsageError } from './usage.js';

// `whoserves lookup`: the core lookup pipeline over Node's network, through
// one gate (src/node/guarded-http.ts) that keeps every connection out of the
// person's own network unless they pass --allow-private.

export interface LookupOptions {
  resolver: string;
  timeoutMs: number;
  json: boolean;
  http: boolean;
  /** Probe hosts at private addresses too (an explicit choice; never the default). */
  allowPrivate: boolean;
  /** RDAP: the bootstrap to find each registry, or undefined for --no-rdap; `server` overrides it. */
  rdap?: { bootstrap: DnsBootstrap; server?: string };
}

/** The origin (scheme, host, port) of a server the person named; their choice of where it runs, so it may be on their own network. */
const originOf = (url: string | undefined) => (url === undefined ? undefined : new URL(url).origin);

function cliDeps(engine: Engine, options: LookupOptions): LookupDeps {
  // The servers the person named may be on their own machine or network; nothing else may,
  // not even another port of the same machine, unless they said so with --allow-private.
  const configured = new Set([originOf(options.resolver), originOf(options.rdap?.server)].filter((o): o is string => o !== undefined));
  const fetch = gatedFetch({ resolve: systemResolve, mayBePrivate: (origin) => options.allowPrivate || configured.has(origin), timeoutMs: options.timeoutMs });
  const resolver = createResolver({ resolver: options.resolver, fetch, timeoutMs: options.timeoutMs });
  const records = async (name: string, type: 'A' | 'AAAA' | 'TXT') => (await resolver.query(name, type)).answers.filter((a) => a.type === type).map((a) => a.data);
  const addresses = async (host: string) => (await Promise.all([records(host, 'A'), records(host, 'AAAA')])).flat();
  // The site is reached at the addresses this lookup's resolver gives when connecting, never the system's.
  const siteGate: Gate = { resolve: addresses, mayBePrivate: () => options.allowPrivate, timeoutMs: options.timeoutMs };
  const rdap = options.rdap;
  const server = rdap?.server === undefined ? {} : { server: rdap.server };
  return {
    resolve: (host) => resolveHost(resolver, host),
    addresses,
    txt: (domain) => records(domain, 'TXT'),
    // One request function per start URL: its hops and its GET fallback share one deadline.
    probe: (url) => probe(url, probeRequest(siteGate), engine.headerNames, { allowPrivate: options.allowPrivate }),
    rdapDomain: (domain) => rdapDomain(domain, { bootstrap: rdap?.bootstrap ?? {}, ...server, fetch, timeoutMs: options.timeoutMs }),
    rdapIp: (ip) => rdapIp(ip, { ...server, fetch, timeoutMs: options.timeoutMs }),
    prepare: (ips) => engine.prepare(ips),
  };
}

/** The JSON the command prints: the rows everything else prints, and what the lookup found. */
function lookupJson(model: SiteModel, lookup: LookupResult): string {
  const { whoCanAct, rows } = summarise(model);
  const { report, dns, probe: http, registrar, network, errors, steps } = lookup;
  return `${jsonText({ ...report, domain: lookup.domain, whoCanAct, rows, dns, http, registrar, network, errors, steps })}\n`;
}

/** Looks a host up and prints what serves it. Exit status 1 when nothing at all could be found out. */
export async function lookupCommand(engine: Engine, input: string, options: LookupOptions): Promise<{ output: string; code: number }> {
  const target = lookupTarget(input);
  if (!target.ok) throw new UsageError(`cannot look up ${jsonText(input.slice(0, 100), 0)}: ${LOOKUP_REFUSALS[target.reason]}`);
  const lookup = await lookupHost(engine, withDomain(target), cliDeps(engine, options), {
    dns: true,
    rdap: options.rdap !== undefined,
    // Not 'public-only': that skips a site at a private address without a word. The gate refuses
    // each connection into the person's network (and a rebinding name at connection time), and the
    // probe reports the refusal, so the person learns the site was not asked and why.
    probe: options.http ? 'always' : 'never',
    probeUrls: probeUrlsFor(input, target.host),
  });
  const model: SiteModel = { kind: 'site', origin: 'search', phase: 'done', lookup, ...providersFor(engine, lookup) };
  const found = lookup.steps.dns === 'done' || lookup.steps.site === 'done' || lookup.isIp;
  return { output: options.json ? lookupJson(model, lookup) : formatSummary(model), code: found ? 0 : 1 };
}
