import assert from 'node:assert/strict';
import { TAB_RECORDS_BUDGET, tabRecorder } from '../../src/background/tab-records.js';
import { recentHosts } from '../../src/background/recent-hosts.js';
import { seenFromResponse, type SeenResponse } from '../../src/core/observation-record.js';
import { realEngine } from './engine-fixture.js';
import { MemoryArea } from './memory-area.js';

// The worker's recording code under load: 100 000 webRequest-style events over
// 1 000 tabs, through the same stores the worker uses, over an in-memory
// storage area that counts what it holds.

const TABS = 1000;
const EVENTS = 100_000;
const seen = (host: string, n: number): SeenResponse => ({ host, ip: `192.0.2.${n % 250}`, status: 200, headers: { server: ['cloudflare'] }, cookieNames: [], fromCache: false, at: n });

describe('recording under load', function () {
  this.timeout(120_000);

  it(`takes ${EVENTS} events over ${TABS} tabs at a steady cost, within bounds, and forgets closed tabs`, async () => {
    const area = new MemoryArea();
    const tabs = tabRecorder(area);
    const recent = recentHosts(area);
    const batchMs: number[] = [];
    let started = performance.now();
    for (let i = 0; i < EVENTS; i++) {
      const tab = i % TABS;
      const round = Math.floor(i / TABS);
      // Each tab: a document, then resources from ever more hosts (far more than a tab keeps).
      if (round === 0) {
        await tabs.recordResponse(tab, `https://site${tab}.example/`, seen(`site${tab}.example`, i));
        await tabs.commit(tab, `https://site${tab}.example/`, `site${tab}.example`);
      } else await tabs.recordResource(tab, `cdn${round * 7 + (tab % 13)}.example`, `192.0.2.${round % 250}`);
      await recent.remember(seen(`host${i % 5000}.example`, i));
      if ((i + 1) % 10_000 === 0) {
        batchMs.push(performance.now() - started);
        started = performance.now();
      }
    }
    // Let coalesced writes land.
    await new Promise((r) => setTimeout(r, 1100));

    const first = Math.min(...batchMs.slice(1, 3));
    const last = Math.min(...batchMs.slice(-2));
    assert.ok(last < first * 3, `per-event cost grew: ${batchMs.map((m) => m.toFixed(0)).join(', ')} ms per 10 000`);
    assert.ok(area.writes < EVENTS / 2, `writes are coalesced (${area.writes} for ${EVENTS} events)`);

    const tabKeys = [...area.data.keys()].filter((k) => k.startsWith('tab:'));
    assert.equal(tabKeys.length, TABS);
    const bytes = area.bytes();
    assert.ok(bytes < TABS * 300 * 60 + 200 * 400, `stored state stays bounded (${bytes} bytes)`);
    const hosts = (await area.get('recent:index'))['recent:index'] as Record<string, unknown>;
    assert.equal(Object.keys(hosts).length, 200, 'recent hosts are capped');
    assert.equal([...area.data.keys()].filter((k) => k.startsWith('recent-document:')).length, 200, 'and so are the documents kept for them');

    for (let tab = 0; tab < TABS; tab++) await tabs.forgetTab(tab);
    assert.deepEqual([...area.data.keys()].filter((k) => k.startsWith('tab:')), [], 'closed tabs leave nothing behind');
    console.log(`      ${EVENTS} events: ${batchMs.map((m) => m.toFixed(0)).join(', ')} ms per 10 000; ${area.writes} writes; ${bytes} bytes stored`);
  });
});

/** storage.session as Chrome sizes it: a write past 10 MB in all is refused. */
class QuotaArea extends MemoryArea {
  refused = 0;
  override async set(items: Record<string, unknown>) {
    const next = new Map(this.data);
    for (const [k, v] of Object.entries(items)) next.set(k, v);
    let bytes = 0;
    for (const [k, v] of next) bytes += k.length + JSON.stringify(v).length;
    if (bytes > 10 * 1024 * 1024) {
      this.refused++;
      throw new Error('QUOTA_BYTES quota exceeded');
    }
    await super.set(items);
  }
}

describe('recording against storage.session\'s quota', function () {
  this.timeout(120_000);

  it('keeps the biggest pages hostile sites can make within the quota: no write is refused', async () => {
    const area = new QuotaArea();
    const tabs = tabRecorder(area);
    // Every header value at its cap, every name as long as DNS allows, 300 hosts per page, 400 tabs.
    const long = (n: number) => `${'x'.repeat(60)}.${'y'.repeat(60)}.${'z'.repeat(60)}.h${n}.example`;
    // What the recorder keeps of a response repeating every header a signature reads, at full length, a hundred times.
    const names = new Set(realEngine().headerNames);
    const raw = [...names].flatMap((name) => Array.from({ length: 100 }, () => ({ name, value: 'v'.repeat(10_000) })));
    raw.push(...Array.from({ length: 500 }, (_, i) => ({ name: 'set-cookie', value: `${'c'.repeat(200)}${i}=secret` })));
    const fat = seenFromResponse({ url: 'https://fat.example/', ip: '192.0.2.1', statusCode: 200, fromCache: false, responseHeaders: raw }, names, 0)!;
    assert.ok(JSON.stringify(fat).length < 8192, `one response is bounded (${JSON.stringify(fat).length} bytes)`);
    for (let tab = 0; tab < 400; tab++) {
      for (let d = 0; d < 4; d++) {
        await tabs.recordResponse(tab, `https://fat.example/${d}`, fat);
        await tabs.commit(tab, `https://fat.example/${d}`, 'fat.example');
        for (let h = 0; h < 320; h++) await tabs.recordResource(tab, long(h + d * 1000), '192.0.2.1');
      }
      await tabs.records.flush();
    }
    assert.equal(area.refused, 0, 'no write refused');
    assert.ok(area.bytes() <= 10 * 1024 * 1024, `${area.bytes()} bytes`);
    assert.ok(tabs.records.bytes <= TAB_RECORDS_BUDGET, `the store keeps to its budget (${tabs.records.bytes})`);
    const kept = [...area.data.keys()].filter((k) => k.startsWith('tab:')).length;
    assert.ok(kept > 20 && kept < 400, `the least recently written tabs were dropped (${kept} kept)`);
    assert.ok((await area.get('tab:399'))['tab:399'] !== undefined, 'the tab written last is kept');
  });
});
