import assert from 'node:assert/strict';
import { describeResources } from '../../src/core/model/resource-hosts.js';
import { groupResources } from '../../src/core/model/summarise.js';
import { realEngine } from './engine-fixture.js';
import { seenResponse } from '../helpers/site-models.js';

describe('page resources', () => {
  const hosts = () =>
    describeResources(realEngine(), 'shop.example', [
      { host: 'static.shop.example', count: 12, seen: seenResponse('static.shop.example', undefined, { 'cf-ray': 'x' }) },
      { host: 'cdn.jsdelivr.example', count: 3, ip: '104.16.1.1' },
      { host: 'fonts.example', count: 2, seen: seenResponse('fonts.example', undefined, { 'x-served-by': 'cache-fra-etou8220139-FRA' }) },
      { host: 'media.example', count: 4, ip: '13.32.1.1' }, // CloudFront: Amazon's edge
      { host: 'api.example', count: 5, ip: '3.5.140.2' }, // Amazon's plain servers
      { host: 'tracker.example', count: 1 },
    ]);

  it('names who serves each host, busiest first, first-party marked', () => {
    const h = hosts();
    assert.deepEqual(h.map((x) => [x.host, x.company?.id ?? null, x.company?.role ?? null, x.firstParty]), [
      ['static.shop.example', 'cloudflare', 'edge', true],
      ['api.example', 'amazon', 'hosting', false],
      ['media.example', 'amazon', 'edge', false],
      ['cdn.jsdelivr.example', 'cloudflare', 'edge', false],
      ['fonts.example', 'fastly', 'edge', false],
      ['tracker.example', null, null, false],
    ]);
    assert.equal(h[1]?.ip, '3.5.140.2');
  });

  it('groups by company and role: a cloud\'s CDN and its plain servers are not one group', () => {
    const groups = groupResources(hosts());
    assert.deepEqual(groups.map((g) => (g.company === undefined ? null : `${g.company.role}:${g.company.id}`)), ['edge:cloudflare', 'hosting:amazon', 'edge:amazon', 'edge:fastly', null]);
    assert.equal(groups[0]?.requests, 15);
  });

  it('has nothing to describe for a page without resources', () => {
    assert.deepEqual(describeResources(realEngine(), 'x.example', []), []);
  });
});
