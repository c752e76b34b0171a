import assert from 'node:assert/strict';
import { latestChanges, readHistory, recordSnapshot, snapshotOf, type History } from '../../src/core/history.js';
import { classify } from '../../src/core/classify.js';
import { realEngine } from './engine-fixture.js';

describe('provider history', () => {
  it('takes the edge reached, hosting and DNS from a report', () => {
    const report = classify(realEngine(), { host: 'x.example', headers: { server: ['cloudflare'], 'x-amz-cf-id': ['a'] }, ns: ['ada.ns.cloudflare.com'] });
    assert.deepEqual(snapshotOf(report), { edge: ['Cloudflare'], dns: ['Cloudflare'] });
  });

  it('records a move, and only when both sides name someone', () => {
    let h: History = {};
    ({ history: h } = recordSnapshot(h, 'shop.example', { edge: ['Cloudflare'], dns: ['Cloudflare'] }, 1000));
    let out = recordSnapshot(h, 'shop.example', { dns: ['Cloudflare'] }, 2000);
    assert.deepEqual(out.changes, [], 'an edge not seen this time is not a move');
    out = recordSnapshot(out.history, 'shop.example', { edge: ['Fastly'], dns: ['Cloudflare'] }, 3000);
    assert.deepEqual(out.changes, [{ role: 'edge', from: ['Cloudflare'], to: ['Fastly'], at: 3000 }]);
    assert.deepEqual(latestChanges(out.history['shop.example']), out.changes);
  });

  it('stays bounded: ten changes per domain, five hundred domains', () => {
    let h: History = {};
    for (let i = 0; i < 30; i++) ({ history: h } = recordSnapshot(h, 'a.example', { edge: [i % 2 === 0 ? 'A' : 'B'] }, i));
    assert.equal(h['a.example']?.changes.length, 10);
    for (let i = 0; i < 520; i++) ({ history: h } = recordSnapshot(h, `d${i}.example`, { edge: ['A'] }, 1000 + i));
    assert.equal(Object.keys(h).length, 500);
    assert.equal(h['a.example'], undefined, 'the least recently seen go first');
  });
});

describe('history keyed by host', () => {
  it('does not call two hosts of one domain served by different edges a move', () => {
    let { history } = recordSnapshot({}, 'www.example.com', { edge: ['Akamai'] }, 1);
    const shop = recordSnapshot(history, 'shop.example.com', { edge: ['Cloudflare'] }, 2);
    assert.deepEqual(shop.changes, [], 'a sibling sub-domain on another edge is not where this one moved');
    ({ history } = shop);
    const again = recordSnapshot(history, 'www.example.com', { edge: ['Akamai'] }, 3);
    assert.deepEqual(again.changes, []);
  });
});

describe('reading stored history', () => {
  it('keeps what it can read and drops the rest, whatever is stored', () => {
    const stored = {
      'good.example': { current: { edge: ['Fastly'] }, seenAt: 5, changes: [{ role: 'edge', from: ['A'], to: ['Fastly'], at: 5 }] },
      // Written by an earlier version, which called the edge "cdn".
      'old.example': { current: { cdn: ['Cloudflare'], hosting: ['Hetzner'] }, seenAt: 4, changes: [{ role: 'cdn', from: ['Akamai'], to: ['Cloudflare'], at: 4 }] },
      'damaged.example': { current: 'nope', seenAt: 'yesterday' },
      '': { current: {}, seenAt: 1, changes: [] },
      'hostile.example': { current: { edge: [{ toString: 1 }, 'x'.repeat(10_000), 'Real'], __proto__: { edge: ['Polluted'] } }, seenAt: 3, changes: [{ role: 'magic', from: [], to: [], at: 1 }, 'junk'] },
    };
    const h = readHistory(stored);
    assert.deepEqual(Object.keys(h).sort(), ['good.example', 'hostile.example', 'old.example']);
    assert.deepEqual(h['old.example']?.current, { edge: ['Cloudflare'], hosting: ['Hetzner'] });
    assert.deepEqual(h['old.example']?.changes, [{ role: 'edge', from: ['Akamai'], to: ['Cloudflare'], at: 4 }]);
    assert.deepEqual(h['hostile.example'], { current: { edge: ['Real'] }, seenAt: 3, changes: [] });
    for (const junk of [null, 7, 'text', [], { a: null }]) assert.deepEqual(readHistory(junk), {});
  });

  it('applies the bounds again to what was stored', () => {
    const stored = Object.fromEntries(Array.from({ length: 700 }, (_, i) => [`d${i}.example`, { current: {}, seenAt: i, changes: Array.from({ length: 30 }, (_, j) => ({ role: 'edge', from: ['A'], to: ['B'], at: j })) }]));
    const h = readHistory(stored);
    assert.equal(Object.keys(h).length, 500);
    assert.ok(Object.values(h).every((e) => e.changes.length === 10));
  });
});
