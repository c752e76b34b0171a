import { ext as browser } from '../native-browser.js';
import type { Engine } from '../core/engine.js';
import { knownResult, lookupHost, type LookupPolicy, type LookupResult, type LookupTarget, type Phase } from '../core/lookup/lookup-host.js';
import { describeResources, type ResourceHost } from '../core/model/resource-hosts.js';
import { providersFor, type LookupOrigin, type PageState, type PopupModel, type SiteModel } from '../core/model/site-model.js';
import { lookupTarget, pageTarget, withDomain } from '../core/page-target.js';
import { probeUrlsFor } from '../core/probe.js';
import type { Change } from '../core/history.js';
import type { LookupSubject, LookupUpdate } from '../protocol.js';
import { loadEngine, loadPublicSuffixes } from './engine.js';
import { loadSettings } from './settings.js';
import type { Settings } from '../core/settings.js';
import { recent, tabs } from './stores.js';
import { takePendingLookup } from './context-menu.js';
import { recordHistory } from './history-store.js';
import { workerDeps } from './lookup-deps.js';
import type { DocumentRecord } from './tab-records.js';

// Serves one popup opening: decides what it is about, runs the one lookup
// pipeline, and sends the model as each step lands. History is written once,
// resources are described once, at the end of the lookup.

type Send = (update: LookupUpdate) => void;

async function resourcesOf(engine: Engine, doc: DocumentRecord, domain: string | undefined): Promise<ResourceHost[]> {
  const hosts = Object.entries(doc.resources).filter(([host]) => host !== doc.host);
  const inputs = await Promise.all(
    hosts.map(async ([host, r]) => {
      const seen = await recent.get(host);
      return { host, count: r.count, ...(r.ip === undefined ? {} : { ip: r.ip }), ...(seen === undefined ? {} : { seen }) };
    }),
  );
  await engine.prepare(inputs.flatMap((i) => i.seen?.ip ?? i.ip ?? []));
  return describeResources(engine, domain, inputs);
}

interface SiteRequest {
  origin: LookupOrigin;
  settings: Settings;
  target: LookupTarget;
  policy: LookupPolicy;
  page?: PageState;
  /** For a tab: the document whose resources to describe and whose history to keep. */
  document?: DocumentRecord;
}

function siteModel(engine: Engine, request: SiteRequest, phase: Phase, lookup: LookupResult, resources?: ResourceHost[], moves?: Change[]): SiteModel {
  return {
    kind: 'site',
    origin: request.origin,
    ...(request.page === undefined ? {} : { page: request.page }),
    phase,
    lookup,
    ...providersFor(engine, lookup),
    ...(resources === undefined ? {} : { resources }),
    ...(moves === undefined ? {} : { moves }),
  };
}

async function runSite(engine: Engine, request: SiteRequest, send: Send, history: boolean): Promise<void> {
  const { settings } = request;
  let resources: ResourceHost[] | undefined;
  let moves: Change[] | undefined;
  const model = (phase: Phase, lookup: LookupResult) => siteModel(engine, request, phase, lookup, resources, moves);
  const describing = request.document === undefined ? undefined : resourcesOf(engine, request.document, request.target.domain).then((r) => (resources = r));
  const result = await lookupHost(engine, request.target, workerDeps(engine, settings), request.policy, (phase, lookup) => send({ phase, model: model(phase, lookup) }));
  await describing;
  // Only what the browser itself saw of a tab's page is history: a DNS answer is not where the tab went.
  if (history && settings.history && request.page === 'seen') moves = await recordHistory(result.host, result.report);
  send({ phase: 'done', model: model('done', result) });
}

/** What every request needs, started together when the popup connects: on a cold worker these reads are most of the wait. */
interface Ready {
  settings: Promise<Settings>;
  /** The Public Suffix List, for the registrable domain. */
  suffixes: Promise<void>;
}

async function tabRequest(tabId: number, origin: LookupOrigin, ready: Ready): Promise<SiteRequest | PopupModel> {
  const tab = await browser.tabs.get(tabId);
  // Without the "tabs" permission the browser shows us only URLs we have host access to:
  // no URL means a page no website serves (browser UI, a local file, another extension).
  if (tab.url === undefined) return { kind: 'uninspectable', origin, reason: 'hidden-url' };
  const target = pageTarget(tab.url);
  if (target.kind === 'uninspectable') return { kind: 'uninspectable', origin, reason: target.reason };
  const [settings, doc] = await Promise.all([ready.settings, tabs.documentAt(tabId, tab.url, target.host), ready.suffixes]);
  return documentRequest(origin, settings, target, doc);
}

/** A lookup of the document a tab shows, `doc` being what was recorded of it (nothing, if it loaded before whoserves watched). */
function documentRequest(origin: LookupOrigin, settings: Settings, target: { host: string; isIp: boolean }, doc: DocumentRecord | undefined): SiteRequest {
  const page: PageState = doc?.seen !== undefined ? 'seen' : (doc?.missing ?? 'unseen');
  return {
    origin,
    settings,
    target: withDomain(target),
    page,
    ...(doc === undefined ? {} : { document: doc }),
    // The tab's page is never probed: the browser already has its answer, or it was restored without one.
    policy: { dns: settings.dnsLookups, rdap: settings.rdap, probe: 'never', ...(doc?.seen === undefined ? {} : { seen: doc.seen }) },
  };
}

/**
 * The first update a popup opened over this tab would get: what the browser
 * saw of the document, before DNS and the registries. Computed as the tab
 * commits, so the popup can show it without waiting for a stopped worker.
 */
export async function firstAnswer(target: { host: string; isIp: boolean }, doc: DocumentRecord): Promise<SiteModel> {
  const [engine, settings] = await Promise.all([loadEngine(), loadSettings(), loadPublicSuffixes()]);
  const request = documentRequest('tab', settings, target, doc);
  return siteModel(engine, request, 'seen', await knownResult(engine, request.target, request.policy, (ips) => engine.prepare(ips)));
}

async function inputRequest(input: string, origin: Exclude<LookupOrigin, 'tab'>, ready: Ready): Promise<SiteRequest | PopupModel> {
  const target = lookupTarget(input);
  if (!target.ok) return { kind: 'not-a-host', origin, input: input.slice(0, 200), reason: target.reason };
  const [settings, seen] = await Promise.all([ready.settings, recent.get(target.host), ready.suffixes]);
  const site = withDomain(target);
  // A link never opened: ask the site itself, as a browser would, only where DNS points at public addresses.
  const probe = seen === undefined && settings.headerProbe && settings.dnsLookups ? 'public-only' : 'never';
  return { origin, settings, target: site, policy: { dns: settings.dnsLookups, rdap: settings.rdap, probe, probeUrls: probeUrlsFor(input, target.host), ...(seen === undefined ? {} : { seen }) } };
}

/** A read begun ahead of need: a request that ends early (a browser page) may never await it, and its failure must not go unhandled. */
function started<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** Answers one lookup port: the popup's subject, or a lookup the context menu left waiting. */
export async function serveLookup(subject: LookupSubject, send: Send): Promise<void> {
  const ready: Ready = { settings: started(loadSettings()), suffixes: started(loadPublicSuffixes()) };
  const engine = started(loadEngine());
  const pending = subject.kind === 'tab' && subject.takePending ? await takePendingLookup(Date.now()) : undefined;
  const request = await (pending?.origin === 'page'
    ? tabRequest(pending.tabId, 'page', ready)
    : pending !== undefined
      ? inputRequest(pending.input, pending.origin, ready)
      : subject.kind === 'tab'
        ? tabRequest(subject.tabId, 'tab', ready)
        : inputRequest(subject.input, subject.origin, ready));
  if ('kind' in request) {
    send({ phase: 'done', model: request });
    return;
  }
  await runSite(await engine, request, send, request.origin === 'tab' || request.origin === 'page');
}
