import assert from 'node:assert/strict';
import { tabRecorder } from '../../src/background/tab-records.js';
import { recentHosts } from '../../src/background/recent-hosts.js';
import { MemoryArea } from './memory-area.js';
import { seenResponse } from '../helpers/site-models.js';

// What a tab shows is what it committed to: a response is only a candidate.

const T = 7;
async function navigate(tabs: ReturnType<typeof tabRecorder>, url: string, ip: string, headers: Record<string, string> = {}) {
  const host = new URL(url).hostname;
  await tabs.recordResponse(T, url, seenResponse(host, ip, headers));
  return tabs.commit(T, url, host);
}

describe('tab records', () => {
  it('a response the tab never commits to (204 No Content, a download) does not replace the page', async () => {
    const tabs = tabRecorder(new MemoryArea());
    await navigate(tabs, 'https://forum.example/', '104.16.1.1', { 'cf-ray': 'x' });
    // The page navigates its own tab to another server that answers 204: the browser stays on the page.
    await tabs.recordResponse(T, 'https://elsewhere.example/204', seenResponse('elsewhere.example', '88.198.1.1', { server: 'nginx' }, 204));
    const doc = await tabs.documentAt(T, 'https://forum.example/', 'forum.example');
    assert.equal(doc?.seen?.ip, '104.16.1.1');
    assert.equal(await tabs.documentAt(T, 'https://elsewhere.example/204', 'elsewhere.example').then((d) => d?.seen?.status), 204, 'only a tab at that URL would show it');
  });

  it('restores a page from the back/forward cache with its own answer, without a request', async () => {
    const tabs = tabRecorder(new MemoryArea());
    await navigate(tabs, 'https://a.example/', '104.16.1.1');
    await tabs.recordResource(T, 'cdn.a.example', '151.101.1.1');
    await navigate(tabs, 'https://b.example/', '88.198.1.1');
    const back = await tabs.commit(T, 'https://a.example/', 'a.example');
    assert.equal(back.commit, 'restored');
    assert.equal(back.document.seen?.ip, '104.16.1.1');
    assert.deepEqual(back.document.resources, { 'cdn.a.example': { count: 1, ip: '151.101.1.1' } });
  });

  it('keeps the document through same-document navigations (history.pushState, fragments)', async () => {
    const tabs = tabRecorder(new MemoryArea());
    await navigate(tabs, 'https://app.example/', '76.76.21.21');
    const pushed = await tabs.commit(T, 'https://app.example/settings#top', 'app.example');
    assert.equal(pushed.commit, 'same-document');
    assert.equal((await tabs.documentAt(T, 'https://app.example/settings#other', 'app.example'))?.seen?.ip, '76.76.21.21');
  });

  it('tells a page loaded before whoserves watched from one shown without a response', async () => {
    const tabs = tabRecorder(new MemoryArea());
    const before = await tabs.commit(T, 'https://old.example/', 'old.example');
    assert.equal(before.document.missing, 'unseen');
    await navigate(tabs, 'https://a.example/', '104.16.1.1');
    const cached = await tabs.commit(T, 'https://c.example/', 'c.example');
    assert.equal(cached.document.missing, 'no-response');
  });

  it('completes a document whose commit event came before its response (Firefox), for that URL and briefly only', async () => {
    const tabs = tabRecorder(new MemoryArea());
    await navigate(tabs, 'https://a.example/', '104.16.1.1');
    const early = await tabs.commit(T, 'https://b.example/', 'b.example', 1_000);
    assert.equal(early.document.missing, 'no-response');
    const late = { ...seenResponse('b.example', '88.198.1.1', { server: 'nginx' }), at: 1_050 };
    const completed = await tabs.recordResponse(T, 'https://b.example/', late);
    assert.equal(completed?.seen?.ip, '88.198.1.1', 'the badge is set from it');
    const doc = await tabs.documentAt(T, 'https://b.example/', 'b.example');
    assert.equal(doc?.seen?.ip, '88.198.1.1');
    assert.equal(doc?.missing, undefined);
    // Another URL (a 204 the page navigates to) stays a candidate; so does a response long after.
    assert.equal(await tabs.recordResponse(T, 'https://elsewhere.example/204', { ...late, host: 'elsewhere.example', at: 1_100 }), undefined);
    await tabs.commit(T, 'https://c.example/', 'c.example', 2_000);
    assert.equal(await tabs.recordResponse(T, 'https://c.example/', { ...seenResponse('c.example', '1.1.1.1'), at: 9_000 }), undefined);
    assert.equal((await tabs.documentAt(T, 'https://c.example/', 'c.example'))?.missing, 'no-response');
    // A new page of the same site, its commit first: its own response replaces the one before.
    await tabs.commit(T, 'https://c.example/next', 'c.example', 10_000);
    await tabs.recordResponse(T, 'https://c.example/next', { ...seenResponse('c.example', '2.2.2.2'), at: 10_010 });
    assert.equal((await tabs.documentAt(T, 'https://c.example/next', 'c.example'))?.seen?.ip, '2.2.2.2');
  });

  it('answers the popup before the commit event arrives, from the response for the tab\'s very URL', async () => {
    const tabs = tabRecorder(new MemoryArea());
    await tabs.recordResponse(T, 'https://fast.example/', seenResponse('fast.example', '104.16.1.1'));
    assert.equal((await tabs.documentAt(T, 'https://fast.example/', 'fast.example'))?.seen?.ip, '104.16.1.1');
  });

  it('counts a page\'s resources for the document shown, up to its cap, and forgets a closed tab', async () => {
    const area = new MemoryArea();
    const tabs = tabRecorder(area);
    await navigate(tabs, 'https://a.example/', '104.16.1.1');
    for (let i = 0; i < 400; i++) await tabs.recordResource(T, `h${i}.example`, undefined);
    await tabs.recordResource(T, 'h0.example', undefined);
    const doc = await tabs.documentAt(T, 'https://a.example/', 'a.example');
    assert.equal(doc?.hostCount, 300);
    assert.equal(doc?.resources['h0.example']?.count, 2);
    await tabs.forgetTab(T);
    assert.equal(area.data.size, 0);
  });

  it('counts a burst of resources in one batch, applied within 100 ms or as soon as anything reads or commits', async () => {
    const tabs = tabRecorder(new MemoryArea());
    await navigate(tabs, 'https://a.example/', '104.16.1.1');
    for (let i = 0; i < 50; i++) tabs.recordResource(T, `cdn${i % 5}.example`, '151.101.1.1');
    await new Promise((r) => setTimeout(r, 150));
    const doc = await tabs.records.get(String(T));
    assert.equal(doc?.current?.hostCount, 5, 'applied by the timer, without a read asking for it');
    assert.equal(doc?.current?.resources['cdn0.example']?.count, 10);
    // Seen just before the next page commits: still the old page's, though nothing awaited them.
    tabs.recordResource(T, 'late.a.example', undefined);
    await navigate(tabs, 'https://b.example/', '88.198.1.1');
    tabs.recordResource(T, 'cdn.b.example', undefined);
    assert.deepEqual(Object.keys((await tabs.documentAt(T, 'https://b.example/', 'b.example'))!.resources), ['cdn.b.example']);
    const back = await tabs.commit(T, 'https://a.example/', 'a.example');
    assert.ok('late.a.example' in back.document.resources);
  });
});

describe('recent hosts', () => {
  it('remembers sub-resources\' addresses in batches, and a lookup reads them at once', async () => {
    const area = new MemoryArea();
    const recent = recentHosts(area);
    for (let i = 0; i < 30; i++) recent.rememberAddress(`cdn${i % 3}.example`, `151.101.1.${i % 3}`, false);
    assert.equal((await recent.get('cdn2.example'))?.ip, '151.101.1.2');
    await recent.remember(seenResponse('cdn2.example', '151.101.9.9', { server: 'x' }));
    recent.rememberAddress('cdn2.example', '151.101.1.2', false);
    assert.equal((await recent.get('cdn2.example'))?.ip, '151.101.9.9', 'a document\'s response is not replaced by an address');
  });
});
