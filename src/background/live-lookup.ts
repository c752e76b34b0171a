import browser from 'webextension-polyfill';
import { lookupTarget } from '../core/page-target.js';
import { parseIp } from '../core/ip/parse-ip.js';
import { rdapDomain, type RdapOutcome } from '../core/rdap/rdap-domain.js';
import { rdapIp } from '../core/rdap/rdap-ip.js';
import type { DnsBootstrap } from '../core/rdap/bootstrap.js';
import { lookupAddresses, lookupError, reportView, type LiveResult, type LookupError } from '../core/view.js';
import { probeSite } from './header-probe.js';
import { createResolver, type Resolver } from '../core/dns/resolver.js';
import { resolveHost, resolvedAnything } from '../core/dns/resolve-host.js';
import { DEFAULT_TIMEOUT_MS } from '../core/dns/resolvers.js';
import type { FetchLike } from '../core/dns/types.js';
import { loadEngine } from './engine.js';
import { loadSettings } from './settings.js';
import { recent, tabs } from './stores.js';
import { tabResources } from './tab-resources.js';
import { recordHistory } from './history-store.js';

// One resolver (and so one DNS cache) per worker life, replaced when the
// person picks another resolver.
let current: { url: string; resolver: Resolver } | undefined;

let bootstrap: Promise<DnsBootstrap> | undefined;

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
  rdapCache.delete(key);
  rdapCache.set(key, { expires: Date.now() + RDAP_TTL_MS, answer });
  while (rdapCache.size > RDAP_MAX_ENTRIES) rdapCache.delete(rdapCache.keys().next().value as string);
  void answer.then((a) => {
    if (a.status !== 'ok' && a.status !== 'not-found') rdapCache.delete(key);
  });
  return answer;
}

const withoutCookies: FetchLike = (u, init) => fetch(u, { ...init, credentials: 'omit' } as RequestInit) as ReturnType<FetchLike>;

/** The domain's registrar, from its registry's RDAP server (found through the shipped IANA bootstrap) or the person's own. */
function askRegistry(domain: string, server: string): Promise<RdapOutcome> {
  bootstrap ??= fetch(browser.runtime.getURL('data/rdap-dns.json')).then((r) => r.json() as Promise<DnsBootstrap>);
  return cachedRdap(`domain ${server} ${domain}`, () => bootstrap!.then((b) => rdapDomain(domain, { bootstrap: b, ...(server === '' ? {} : { server }), fetch: withoutCookies, timeoutMs: DEFAULT_TIMEOUT_MS })));
}

function resolverFor(url: string): Resolver {
  if (current?.url !== url) {
    // The resolver cache is ours (TTL-aware); the browser's HTTP cache would only duplicate it.
    const uncached: FetchLike = (u, init) => withoutCookies(u, { ...init, cache: 'no-store' } as Parameters<FetchLike>[1]);
    current = { url, resolver: createResolver({ resolver: url, fetch: uncached, timeoutMs: DEFAULT_TIMEOUT_MS }) };
  }
  return current.resolver;
}

/**
 * The live answer for a host: a DNS lookup through the person's resolver,
 * merged with what the browser saw of the host (in the tab, or anywhere this
 * session), or, for a host it never loaded, with what the site answers to one
 * HEAD request, and with the registrar its registry names over RDAP. The only
 * traffic: the host name and its registrable domain to that resolver, the
 * registrable domain to its registry, and that request to the site.
 */
export async function liveView(input: string, tabId: number | undefined): Promise<LiveResult> {
  const target = lookupTarget(input);
  if (!target.ok) return { state: 'done', view: { state: 'not-a-host', input, reason: target.reason } };
  const settings = await loadSettings();
  if (!settings.dnsLookups) return { state: 'off' };
  const [engine, dns, record, registry] = await Promise.all([
    loadEngine(),
    resolveHost(resolverFor(settings.resolver), target.host),
    tabId === undefined ? undefined : tabs.records.get(String(tabId)),
    settings.rdap && target.domain !== undefined ? askRegistry(target.domain, settings.rdapServer) : undefined,
  ]);
  let seen = record?.host === target.host && record.document !== undefined ? record.document : await recent.get(target.host);
  const errors: LookupError[] = [];
  if (registry !== undefined && registry.status !== 'ok') errors.push(lookupError(`RDAP ${target.domain ?? ''}`, registry));
  // A link never opened (never a tab's page, which the person is visiting): ask the site itself,
  // as a browser would, but only for a name DNS knows, and never at a private or reserved address:
  // a lookup must not become a request into the person's own network.
  const publicAddress = dns.ips.length > 0 && dns.ips.every((ip) => parseIp(ip)?.special === undefined);
  if (tabId === undefined && seen === undefined && settings.headerProbe && publicAddress) {
    const probed = await probeSite(engine, target.host);
    seen = probed.seen;
    if (probed.error !== undefined) errors.push(probed.error);
  }
  // An empty report would read as "no CDN detected": say what failed instead.
  if (!resolvedAnything(dns) && seen === undefined) return { state: 'unresolved', errors: dns.errors };
  await engine.prepare(lookupAddresses(seen, dns));
  const view = reportView(engine, target.host, target.domain, seen, dns, errors, registry?.registrar);
  if (record !== undefined && record.host === target.host) {
    view.resources = await tabResources(engine, record, target.domain);
    if (settings.history) view.moves = await recordHistory(view);
  }
  // The network behind the address that answered, from its regional registry.
  const address = view.report.address;
  if (settings.rdap && address !== undefined && address.special === undefined) {
    const outcome = await cachedRdap(`ip ${settings.rdapServer} ${address.ip}`, () => rdapIp(address.ip, { ...(settings.rdapServer === '' ? {} : { server: settings.rdapServer }), fetch: withoutCookies, timeoutMs: DEFAULT_TIMEOUT_MS }));
    if (outcome.network !== undefined) view.network = outcome.network;
    else view.lookupErrors = [...(view.lookupErrors ?? []), lookupError(`RDAP ${address.ip}`, outcome)];
  }
  return { state: 'done', view };
}
