import '../helpers/extension-globals.js';
import assert from 'node:assert/strict';
import { beginLookup, startEarlyLookup, type LookupState } from '../../popup/early-lookup.js';
import { isKeptAnswer, KEPT_ANSWER_PREFIX, PENDING_LOOKUP_KEY, PENDING_LOOKUP_PREFIX, type KeptAnswer, type LookupUpdate } from '../../src/protocol.js';
import type { SiteModel } from '../../src/core/model/site-model.js';
import { realEngine } from './engine-fixture.js';
import { seenResponse, siteModel } from '../helpers/site-models.js';

// The answer the worker keeps per tab (background/kept-answers.ts), as the
// popup reads it (popup/kept-answer.ts): shown until the worker's first
// update, and only for the document the tab still shows.

interface FakePort {
  deliver(update: LookupUpdate): void;
  drop(): void;
}

/** The parts of the extension namespace the popup's early lookup uses, over a storage area and a tab. */
function fakeExtension(stored: Record<string, unknown>, tabUrl: string | undefined): { ports: FakePort[] } {
  const ports: FakePort[] = [];
  const scope = globalThis as unknown as { browser: Record<string, unknown> };
  Object.assign(scope.browser, {
    storage: { session: { get: (keys: string[]) => Promise.resolve(Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]]))) } },
    tabs: { get: (tabId: number) => (tabUrl === undefined ? Promise.reject(new Error(`No tab with id: ${tabId}`)) : Promise.resolve({ id: tabId, url: tabUrl })) },
    runtime: {
      ...(scope.browser.runtime as object),
      connect: () => {
        const onMessage: ((m: unknown) => void)[] = [];
        const onDisconnect: (() => void)[] = [];
        ports.push({ deliver: (u) => onMessage.forEach((l) => l(u)), drop: () => onDisconnect.forEach((l) => l()) });
        return { onMessage: { addListener: (l: (m: unknown) => void) => onMessage.push(l) }, onDisconnect: { addListener: (l: () => void) => onDisconnect.push(l) }, postMessage: () => undefined, disconnect: () => undefined };
      },
    },
  });
  return { ports };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const states = (lookup: ReturnType<typeof beginLookup>) => {
  const seen: LookupState[] = [];
  lookup.listen((s) => seen.push(s));
  return seen;
};

describe('the answer kept for a tab', () => {
  const url = 'https://forum.example/thread/1';
  let kept: SiteModel;
  before(async () => {
    const done = await siteModel(realEngine(), 'forum.example', {}, { seen: seenResponse('forum.example', '104.16.1.1', { 'cf-ray': '8c2b-FRA', server: 'cloudflare' }) });
    kept = { ...done, phase: 'seen' };
  });
  const stored = (extra: Record<string, unknown> = {}) => ({ [`${KEPT_ANSWER_PREFIX}7`]: { url, model: kept } satisfies KeptAnswer, ...extra });

  it('has a checked shape: a first-phase site model for a URL', () => {
    assert.ok(isKeptAnswer({ url, model: kept }));
    for (const bad of [undefined, null, 'x', { url }, { url, model: { ...kept, phase: 'done' } }, { url, model: { kind: 'uninspectable' } }, { url: 1, model: kept }]) assert.equal(isKeptAnswer(bad), false, JSON.stringify(bad)?.slice(0, 60));
  });

  it('shows at once, wakes the worker once painted, and gives way to its first update', async () => {
    const { ports } = fakeExtension(stored(), `${url}#replies`);
    const lookup = beginLookup({ kind: 'tab', tabId: 7, takePending: true });
    const seen = states(lookup);
    await settle();
    assert.deepEqual(seen.map((s) => s.status), ['waiting', 'ready']);
    assert.equal(seen[1]!.status === 'ready' && seen[1]!.model, kept, 'the fragment is no other document');
    assert.equal(ports.length, 0, 'the worker is left alone while the answer paints');
    lookup.painted();
    lookup.painted();
    assert.equal(ports.length, 1, 'one port, once');
    const live: SiteModel = { ...kept, phase: 'dns' };
    ports[0]!.deliver({ phase: 'dns', model: live });
    assert.equal(lookup.state.status === 'ready' && lookup.state.model, live);
  });

  it('starts the live lookup anyway if the answer is never painted, and at once when nothing was kept', async () => {
    const kept = fakeExtension(stored(), url);
    beginLookup({ kind: 'tab', tabId: 7, takePending: false });
    await new Promise((r) => setTimeout(r, 350));
    assert.equal(kept.ports.length, 1);
    const none = fakeExtension({}, url);
    beginLookup({ kind: 'tab', tabId: 7, takePending: false });
    await settle();
    assert.equal(none.ports.length, 1);
    const closed = fakeExtension(stored(), url);
    const lookup = beginLookup({ kind: 'tab', tabId: 7, takePending: false });
    await settle();
    lookup.close();
    lookup.painted();
    assert.equal(closed.ports.length, 0, 'a popup that moved on wakes nothing');
  });

  it('stays when the worker goes away before answering, with a retry offered', async () => {
    const { ports } = fakeExtension(stored(), url);
    const lookup = beginLookup({ kind: 'tab', tabId: 7, takePending: false });
    await settle();
    lookup.painted();
    ports[0]!.drop();
    assert.deepEqual(lookup.state, { status: 'interrupted', model: kept });
  });

  it('is not shown for another document, a closed tab, another tab, or when a context-menu lookup waits', async () => {
    const cases: [string, Record<string, unknown>, string | undefined, number][] = [
      ['the tab moved on', stored(), 'https://forum.example/thread/2', 7],
      ['the tab is gone', stored(), undefined, 7],
      ['another tab', stored(), url, 8],
      ['a context-menu lookup waits', stored({ [`${PENDING_LOOKUP_PREFIX}${PENDING_LOOKUP_KEY}`]: { origin: 'link', input: 'x.example', at: 1 } }), url, 7],
      ['not an answer', { [`${KEPT_ANSWER_PREFIX}7`]: { url, model: { kind: 'site' } } }, url, 7],
    ];
    for (const [why, area, tabUrl, tabId] of cases) {
      fakeExtension(area, tabUrl);
      const lookup = beginLookup({ kind: 'tab', tabId, takePending: true });
      await settle();
      assert.deepEqual(lookup.state, { status: 'waiting' }, why);
    }
  });

  it('is there at the popup\'s first render, which waits 100 ms at most for storage', async () => {
    const scope = globalThis as unknown as { location?: { search: string }; browser: { storage: { session: { get: () => Promise<object> } } } };
    scope.location = { search: '?tabId=7' };
    try {
      fakeExtension(stored(), url);
      const lookup = await startEarlyLookup();
      assert.equal(lookup.state.status === 'ready' && lookup.state.model, kept);
      fakeExtension(stored(), url);
      scope.browser.storage.session.get = () => new Promise(() => undefined);
      const asked = Date.now();
      const stuck = await startEarlyLookup();
      assert.deepEqual(stuck.state, { status: 'waiting' });
      assert.ok(Date.now() - asked >= 90, 'waited for the answer');
    } finally {
      delete scope.location;
    }
  });

  it('is never read for typed or linked input', async () => {
    let reads = 0;
    fakeExtension(stored(), url);
    const scope = globalThis as unknown as { browser: { storage: { session: { get: () => Promise<object> } } } };
    scope.browser.storage.session.get = () => {
      reads++;
      return Promise.resolve({});
    };
    beginLookup({ kind: 'input', input: 'forum.example', origin: 'search' });
    await settle();
    assert.equal(reads, 0);
  });
});
