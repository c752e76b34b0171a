import assert from 'node:assert/strict';
import { latestChanges, recordSnapshot, snapshotOf, type History } from '../../src/core/history.js';
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
