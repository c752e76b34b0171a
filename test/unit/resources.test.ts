import assert from 'node:assert/strict';
import { groupResources } from '../../src/core/resources.js';
import { realEngine } from './engine-fixture.js';

const seen = (host: string, headers: Record<string, string>, ip?: string) => ({ host, status: 200, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])), cookieNames: [], fromCache: false, at: 0, ...(ip === undefined ? {} : { ip }) });

describe('page resources', () => {
  it('groups hosts by the company serving them, biggest first, first-party marked', () => {
    const groups = groupResources(realEngine(), 'shop.example', [
      { host: 'static.shop.example', count: 12, seen: seen('static.shop.example', { 'cf-ray': 'x' }) },
      { host: 'cdn.jsdelivr.example', count: 3, ip: '104.16.1.1' },
      { host: 'fonts.example', count: 2, seen: seen('fonts.example', { 'x-served-by': 'cache-fra-etou8220139-FRA' }) },
      { host: 'tracker.example', count: 1 },
    ]);
    assert.deepEqual(groups.map((g) => g.provider?.id ?? null), ['cloudflare', 'fastly', null]);
    assert.equal(groups[0]?.requests, 15);
    assert.deepEqual(groups[0]?.hosts, [{ host: 'static.shop.example', count: 12, firstParty: true }, { host: 'cdn.jsdelivr.example', count: 3, firstParty: false }]);
    assert.deepEqual(groups[2]?.hosts, [{ host: 'tracker.example', count: 1, firstParty: false }]);
  });

  it('falls back to the hosting network when no edge is recognised', () => {
    const [group] = groupResources(realEngine(), undefined, [{ host: 'api.example', count: 4, ip: '88.198.1.1' }]);
    assert.deepEqual(group?.provider, { id: 'hetzner', name: 'Hetzner', role: 'hosting' });
  });

  it('has nothing to group for a page without resources', () => {
    assert.deepEqual(groupResources(realEngine(), 'x.example', []), []);
  });
});
