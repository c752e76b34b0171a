import assert from 'node:assert/strict';
import { tabRecorder } from '../../src/background/tab-records.js';
import { recentHosts } from '../../src/background/recent-hosts.js';
import type { SeenResponse } from '../../src/core/observation-record.js';
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
      if (round === 0) await tabs.recordDocument(tab, `https://site${tab}.example/`, seen(`site${tab}.example`, i));
      else await tabs.recordResource(tab, `cdn${round * 7 + (tab % 13)}.example`, `192.0.2.${round % 250}`);
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
    const hosts = (await area.get('recent:hosts'))['recent:hosts'] as Record<string, unknown>;
    assert.equal(Object.keys(hosts).length, 200, 'recent hosts are capped');

    for (let tab = 0; tab < TABS; tab++) await tabs.forgetTab(tab);
    assert.deepEqual([...area.data.keys()].filter((k) => k.startsWith('tab:')), [], 'closed tabs leave nothing behind');
    console.log(`      ${EVENTS} events: ${batchMs.map((m) => m.toFixed(0)).join(', ')} ms per 10 000; ${area.writes} writes; ${bytes} bytes stored`);
  });
});
