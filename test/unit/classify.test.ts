import assert from 'node:assert/strict';
import { classify, edgeOf } from '../../src/core/classify.js';
import type { HeaderMap, Observation, Report, Role } from '../../src/core/types.js';
import { realCatalogue, realEngine } from './engine-fixture.js';

const h = (pairs: Record<string, string>): HeaderMap => Object.fromEntries(Object.entries(pairs).map(([k, v]) => [k, [v]]));

function roleIds(report: Report, role: Role): string[] {
  return report.providers.filter((p) => p.role === role).map((p) => p.id);
}

interface Case {
  name: string;
  obs: Observation;
  edge?: string;
  service?: string;
  hosting?: string[];
  originHidden?: boolean;
}

// Recorded-style responses: one or more per provider, so every catalogue entry is exercised.
const cases: Case[] = [
  { name: 'Cloudflare by headers', obs: { host: 'example.com', ip: '127.0.0.1', headers: h({ server: 'cloudflare', 'cf-ray': '8c2b1d3e4f5a6b7c-FRA' }) }, edge: 'cloudflare', originHidden: true },
  { name: 'Cloudflare by published range alone', obs: { host: 'example.com', ip: '104.16.1.1' }, edge: 'cloudflare' },
  { name: 'Cloudflare by IPv6 range', obs: { host: 'example.com', ip: '2606:4700::6810:84e5' }, edge: 'cloudflare' },
  { name: 'Cloudflare bot cookie', obs: { host: 'example.com', cookieNames: ['__cf_bm'] }, edge: 'cloudflare' },
  { name: 'CloudFront by headers', obs: { host: 'd1.example', headers: h({ via: '1.1 0a1b2c.cloudfront.net (CloudFront)', 'x-amz-cf-pop': 'FRA56-P1', 'x-cache': 'Hit from cloudfront' }) }, edge: 'amazon', service: 'CloudFront' },
  { name: 'CloudFront by range, S3 behind it', obs: { host: 'assets.example', ip: '108.138.1.1', headers: h({ server: 'AmazonS3', 'x-amz-cf-id': 'abc' }) }, edge: 'amazon', service: 'CloudFront', hosting: ['amazon'], originHidden: false },
  { name: 'Fastly by headers', obs: { host: 'www.example.org', headers: h({ 'x-served-by': 'cache-fra-eddf8230098-FRA', 'x-timer': 'S1700000000.1,VS0,VE1', via: '1.1 varnish' }) }, edge: 'fastly' },
  { name: 'Fastly by range', obs: { host: 'www.example.org', ip: '151.101.1.1' }, edge: 'fastly' },
  { name: 'Akamai by server header', obs: { host: 'www.example.net', headers: h({ server: 'AkamaiGHost' }) }, edge: 'akamai' },
  { name: 'Akamai by GRN', obs: { host: 'www.example.net', headers: h({ 'akamai-grn': '0.1234.5678' }) }, edge: 'akamai' },
  { name: 'Google load balancer in front of Cloud Run', obs: { host: 'app.example', headers: h({ via: '1.1 google', server: 'Google Frontend' }) }, edge: 'google', hosting: ['google'], originHidden: false },
  { name: 'Google Cloud Storage bucket', obs: { host: 'storage.googleapis.com', headers: h({ 'x-guploader-uploadid': 'ABC', server: 'UploadServer' }) }, hosting: ['google'] },
  { name: 'Azure Front Door by header', obs: { host: 'www.example.eu', headers: h({ 'x-azure-ref': '20250101T000000Z-abc' }) }, edge: 'microsoft', service: 'Azure Front Door' },
  { name: 'Azure Front Door by range', obs: { host: 'www.example.eu', ip: '13.107.246.1' }, edge: 'microsoft', service: 'Azure Front Door' },
  { name: 'Vercel edge and hosting', obs: { host: 'my-app.vercel.app', headers: h({ server: 'Vercel', 'x-vercel-id': 'fra1::abcd' }) }, edge: 'vercel', hosting: ['vercel'], originHidden: false },
  { name: 'Netlify edge and hosting', obs: { host: 'site.example', headers: h({ server: 'Netlify', 'x-nf-request-id': '01ABC' }) }, edge: 'netlify', hosting: ['netlify'] },
  { name: 'GitHub Pages behind Fastly', obs: { host: 'octocat.github.io', ip: '185.199.108.153', headers: h({ server: 'GitHub.com', 'x-github-request-id': 'A:B:C', 'x-served-by': 'cache-fra-etou8220139-FRA', 'x-fastly-request-id': 'abc' }) }, edge: 'fastly', hosting: ['github'], originHidden: false },
  { name: 'DDoS-Guard by server header', obs: { host: 'forum.example', headers: h({ server: 'ddos-guard' }) }, edge: 'ddos-guard', originHidden: true },
  { name: 'DDoS-Guard by cookie', obs: { host: 'forum.example', cookieNames: ['__ddg1_'] }, edge: 'ddos-guard' },
  { name: 'Sucuri firewall', obs: { host: 'blog.example', headers: h({ server: 'Sucuri/Cloudproxy', 'x-sucuri-id': '15015' }) }, edge: 'sucuri' },
  { name: 'Imperva by headers', obs: { host: 'bank.example', headers: h({ 'x-cdn': 'Imperva', 'x-iinfo': '9-123-0 NNNN' }) }, edge: 'imperva' },
  { name: 'Imperva by cookie', obs: { host: 'bank.example', cookieNames: ['visid_incap_123456'] }, edge: 'imperva' },
];

describe('classify: recognises providers', () => {
  for (const c of cases) {
    it(c.name, () => {
      const report = classify(realEngine(), c.obs);
      if (c.edge !== undefined) {
        const edge = edgeOf(report);
        assert.equal(edge?.id, c.edge, JSON.stringify(report.providers));
        assert.ok(edge.evidence.length > 0, 'an edge claim carries evidence');
        assert.ok(edge.confidence > 0 && edge.confidence < 1);
        if (c.service !== undefined) assert.equal(edge.service, c.service);
      }
      if (c.hosting !== undefined) assert.deepEqual(roleIds(report, 'hosting'), c.hosting);
      if (c.originHidden !== undefined) assert.equal(report.originHidden, c.originHidden);
    });
  }

  it('exercises every provider in the catalogue', () => {
    const seen = new Set(cases.flatMap((c) => classify(realEngine(), c.obs).providers.map((p) => p.id)));
    const missing = realCatalogue().providers.map((p) => p.id).filter((id) => !seen.has(id));
    assert.deepEqual(missing, []);
  });
});

describe('classify: evidence', () => {
  it('names the header and its value', () => {
    const report = classify(realEngine(), { host: 'example.com', headers: h({ 'cf-ray': '8c2b-FRA' }) });
    assert.deepEqual(edgeOf(report)?.evidence, [{ kind: 'header', name: 'cf-ray', value: '8c2b-FRA' }]);
  });

  it('names the address, the range and the list it came from', () => {
    const report = classify(realEngine(), { host: 'example.com', ip: '104.16.1.1' });
    assert.deepEqual(edgeOf(report)?.evidence, [{ kind: 'range', ip: '104.16.1.1', cidr: '104.16.0.0/13', list: 'cloudflare.txt' }]);
    assert.deepEqual(report.address, { ip: '104.16.1.1', version: 4 });
  });

  it('compounds independent clues into a higher confidence', () => {
    const one = edgeOf(classify(realEngine(), { host: 'a.example', headers: h({ 'cf-ray': 'x' }) }));
    const two = edgeOf(classify(realEngine(), { host: 'a.example', ip: '104.16.1.1', headers: h({ 'cf-ray': 'x', server: 'cloudflare' }) }));
    assert.ok(two!.confidence > one!.confidence);
    assert.ok(two!.confidence <= 0.99);
  });

  it('says which kind of non-public address the browser reached', () => {
    assert.equal(classify(realEngine(), { host: 'router.lan', ip: '192.168.1.1' }).address?.special, 'private');
    assert.equal(classify(realEngine(), { host: 'x.test', ip: '127.0.0.1' }).address?.special, 'loopback');
    assert.equal(classify(realEngine(), { host: 'x.test', ip: '100.64.0.1' }).address?.special, 'cgnat');
    assert.equal(classify(realEngine(), { host: 'x.test', ip: '::1' }).address?.special, 'loopback');
  });
});

describe('classify: negatives', () => {
  const plain: [string, Observation][] = [
    ['a plain nginx origin on a hosting IP', { host: 'shop.example', ip: '88.198.1.1', headers: h({ server: 'nginx/1.24.0' }) }],
    ['Apache with a self-hosted Varnish', { host: 'news.example', ip: '203.0.113.7', headers: h({ server: 'Apache', via: '1.1 varnish (Varnish/7.4)', 'x-cache': 'HIT' }) }],
    ['a lookalike server header', { host: 'x.example', headers: h({ server: 'cloudflare-imitation' }) }],
    ['x-served-by that is not a Fastly cache id', { host: 'x.example', headers: h({ 'x-served-by': 'web-03' }) }],
    ['an x-cache header without CloudFront', { host: 'x.example', headers: h({ 'x-cache': 'Hit from varnish' }) }],
    ['a host that only contains a platform domain', { host: 'github.io.evil.example', headers: h({}) }],
    ['a private address inside no published range', { host: 'nas.local', ip: '10.0.0.5' }],
    ['nothing at all', { host: 'example.com' }],
  ];
  for (const [name, obs] of plain) {
    it(`no provider for ${name}`, () => {
      const report = classify(realEngine(), obs);
      assert.deepEqual(report.providers, []);
      assert.equal(report.originHidden, false);
    });
  }

  it('a malformed IP is ignored, not thrown on', () => {
    const report = classify(realEngine(), { host: 'x.example', ip: '999.1.1.1' });
    assert.equal(report.address, undefined);
    assert.deepEqual(report.providers, []);
  });
});

describe('classify: conflicts resolve to the edge the browser reached', () => {
  it('CloudFront headers behind a Cloudflare address: Cloudflare is the edge, CloudFront sits behind it', () => {
    const report = classify(realEngine(), { host: 'x.example', ip: '104.16.1.1', headers: h({ 'x-amz-cf-id': 'abc', 'x-amz-cf-pop': 'FRA' }) });
    assert.equal(edgeOf(report)?.id, 'cloudflare');
    const behind = report.providers.find((p) => p.id === 'amazon');
    assert.equal(behind?.behind, 'cloudflare');
  });

  it('Cloudflare in front of Vercel: the Server header names the outer layer', () => {
    const report = classify(realEngine(), { host: 'x.example', headers: h({ server: 'cloudflare', 'cf-ray': '1-FRA', 'x-vercel-id': 'fra1::x', 'x-vercel-cache': 'HIT' }) });
    assert.equal(edgeOf(report)?.id, 'cloudflare');
    assert.deepEqual(roleIds(report, 'hosting'), ['vercel']);
    assert.equal(report.providers.find((p) => p.id === 'vercel' && p.role === 'cdn')?.behind, 'cloudflare');
  });
});
