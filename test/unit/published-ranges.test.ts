import assert from 'node:assert/strict';
import { classify } from '../../src/core/classify.js';
import { parseCidr, parseIp } from '../../src/core/ip/parse-ip.js';
import type { Engine } from '../../src/core/engine.js';
import { realCatalogue, realEngine, shardedEngine } from './engine-fixture.js';

// Addresses sampled from every published list, at both ends of each sampled
// range, must be answered by the list a brute-force scan says is the most
// specific one holding them (the first-listed on a tie).

const SAMPLES_PER_LIST = 15;

function formatBig(value: bigint, version: 4 | 6): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((s) => (value >> s) & 255n).join('.');
  return [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((s) => ((value >> s) & 0xffffn).toString(16)).join(':');
}

describe('published ranges', () => {
  const catalogue = realCatalogue();
  const all = catalogue.ranges.flatMap((list, order) => list.cidrs.map((cidr) => ({ list, order, range: parseCidr(cidr)! })));
  const byVersion = { 4: all.filter((c) => c.range.version === 4), 6: all.filter((c) => c.range.version === 6) };
  // The CLI's whole tables, and the worker's published table with network shards.
  const engines: [string, Engine][] = [['whole tables', realEngine()], ['shards', shardedEngine()]];

  for (const list of catalogue.ranges) {
    for (const [kind, engine] of engines) {
      it(`${list.file} (${kind}): sampled addresses map to ${list.provider} or to a more specific list`, async () => {
        const step = Math.max(1, Math.floor(list.cidrs.length / SAMPLES_PER_LIST));
        for (let i = 0; i < list.cidrs.length; i += step) {
          const range = parseCidr(list.cidrs[i]!)!;
          for (const value of [range.first, range.last]) {
            const ip = parseIp(formatBig(value, range.version))!;
            let best: (typeof all)[number] | undefined;
            for (const c of byVersion[range.version]) {
              if (value < c.range.first || value > c.range.last) continue;
              const size = c.range.last - c.range.first;
              const bestSize = best === undefined ? -1n : best.range.last - best.range.first;
              if (best === undefined || size < bestSize || (size === bestSize && c.order < best.order)) best = c;
            }
            const index = engine.ip.publishedIndex(ip);
            assert.equal(engine.publishedAt(index)?.list, best?.list.file, `${ip.text}`);
            if (best !== undefined) assert.equal(engine.ip.published.cidr(index, ip), best.range.text, `${ip.text}`);
            if (ip.special === undefined) {
              await engine.prepare([ip.text]);
              const report = classify(engine, { host: 'sample.example', ips: [ip.text] });
              assert.ok(report.providers.some((p) => p.id === best!.list.provider && p.role === best!.list.role), `${ip.text} → ${JSON.stringify(report.providers.map((p) => `${p.role}:${p.id}`))}`);
            }
          }
        }
      });
    }
  }

  it('gives back every range\'s CIDR text from any address in it, and its list, provider, role and service', () => {
    const engine = realEngine();
    all.forEach(({ list, range }, i) => {
      assert.deepEqual(engine.publishedAt(i + 1), { provider: list.provider, role: list.role, list: list.file, ...(list.service === undefined ? {} : { service: list.service }) });
      for (const value of [range.first, range.last, (range.first + range.last) / 2n]) assert.equal(engine.ip.published.cidr(i + 1, parseIp(formatBig(value, range.version))!), range.text);
    });
    assert.equal(engine.publishedAt(all.length + 1), undefined);
    assert.equal(engine.publishedAt(0), undefined);
  });
});
