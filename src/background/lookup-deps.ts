import { ext as browser } from '../native-browser.js';
import type { Engine } from '../core/engine.js';
import { createResolver, type Resolver } from '../core/dns/resolver.js';
import { resolveHost } from '../core/dns/resolve-host.js';
import { DEFAULT_TIMEOUT_MS } from '../core/dns/resolvers.js';
import type { LookupDeps } from '../core/lookup/lookup-host.js';
import type { DnsBootstrap } from '../core/rdap/bootstrap.js';
import { rdapDomain } from '../core/rdap/rdap-domain.js';
import { rdapIp } from '../core/rdap/rdap-ip.js';
import type { Settings } from '../core/settings.js';
import { lookupFetch } from './lookup-fetch.js';
import { probeSite } from './header-probe.js';
import { setNewest } from '../core/set-newest.js';

// The worker's side of a lookup: the person's DoH resolver (one per worker
// life, so one DNS cache), the registries over RDAP with a cache of their own,
// and the header probe, all over the guarded lookup fetch.

let current: { url: string; resolver: Resolver } | undefined;

function resolverFor(url: string): Resolver {
  if (current?.url !== url) current = { url, resolver: createResolver({ resolver: url, fetch: lookupFetch, timeoutMs: DEFAULT_TIMEOUT_MS }) };
  return current.resolver;
}

// Registration data changes rarely and registries rate-limit: answers are kept
// an hour (failures are not kept, so the next lookup tries again), and a
// question already on its way is not asked twice.
const RDAP_TTL_MS = 3_600_000;
const RDAP_MAX_ENTRIES = 200;
const rdapCache = new Map<string, { expires: number; answer: Promise<{ status: string }> }>();

function cachedRdap<T extends { status: string }>(key: string, ask: () => Promise<T>): Promise<T> {
  const hit = rdapCache.get(key);
  if (hit !== undefined && hit.expires > Date.now()) return hit.answer as Promise<T>;
  const answer = ask();
  setNewest(rdapCache, key, { expires: Date.now() + RDAP_TTL_MS, answer }, RDAP_MAX_ENTRIES);
  void answer.then((a) => {
    if (a.status !== 'ok' && a.status !== 'not-found') rdapCache.delete(key);
  });
  return answer;
}

/**
 * IANA's list of registries, read for each domain asked about (a millisecond
 * from the package) rather than kept: the worker stays resident, and the
 * answers are cached above.
 */
function dnsBootstrap(): Promise<DnsBootstrap> {
  return fetch(browser.runtime.getURL('data/rdap-dns.json')).then((r) => r.json() as Promise<DnsBootstrap>);
}

export function workerDeps(engine: Engine, settings: Settings): LookupDeps {
  const resolver = resolverFor(settings.resolver);
  const server = settings.rdapServer === '' ? {} : { server: settings.rdapServer };
  const records = async (name: string, type: 'A' | 'AAAA' | 'TXT') => (await resolver.query(name, type)).answers.filter((a) => a.type === type).map((a) => a.data);
  return {
    resolve: (host) => resolveHost(resolver, host),
    addresses: async (host) => (await Promise.all([records(host, 'A'), records(host, 'AAAA')])).flat(),
    txt: (domain) => records(domain, 'TXT'),
    probe: (url) => probeSite(url, engine.headerNames),
    rdapDomain: (domain) =>
      cachedRdap(`domain ${settings.rdapServer} ${domain}`, () =>
        dnsBootstrap().then(
          (b) => rdapDomain(domain, { bootstrap: b, ...server, fetch: lookupFetch, timeoutMs: DEFAULT_TIMEOUT_MS }),
          (err: unknown) => ({ status: 'unreachable' as const, url: '', error: `the registry list shipped with whoserves could not be read (${String(err)})` }),
        ),
      ),
    rdapIp: (ip) => cachedRdap(`ip ${settings.rdapServer} ${ip}`, () => rdapIp(ip, { ...server, fetch: lookupFetch, timeoutMs: DEFAULT_TIMEOUT_MS })),
    prepare: (ips) => engine.prepare(ips),
  };
}
