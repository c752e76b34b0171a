import assert from 'node:assert/strict';
import { classify, edgeOf } from '../../src/core/classify.js';
import type { HeaderMap, Observation, Report, Role } from '../../src/core/types.js';
import { realEngine } from './engine-fixture.js';

const h = (pairs: Record<string, string>): HeaderMap => Object.fromEntries(Object.entries(pairs).map(([k, v]) => [k, [v]]));
const roleIds = (report: Report, role: Role) => report.providers.filter((p) => p.role === role).map((p) => p.id);

describe('classify: evidence', () => {
  it('names the header and its value', () => {
    const report = classify(realEngine(), { host: 'example.com', headers: h({ 'cf-ray': '8c2b-FRA' }) });
    assert.deepEqual(edgeOf(report)?.evidence, [{ kind: 'header', name: 'cf-ray', value: '8c2b-FRA', detail: 'response header cf-ray: 8c2b-FRA' }]);
  });

  it('names the address, the published range and the network announcing it', () => {
    const report = classify(realEngine(), { host: 'example.com', ips: ['104.16.1.1'] });
    const evidence = edgeOf(report)?.evidence ?? [];
    assert.deepEqual(evidence[0], { kind: 'range', ip: '104.16.1.1', cidr: '104.16.0.0/13', list: 'cloudflare.txt', detail: '104.16.1.1 is in 104.16.0.0/13, published by the provider (cloudflare.txt)' });
    assert.equal(evidence[1]?.kind, 'asn');
    assert.deepEqual(report.address, { ip: '104.16.1.1', version: 4 });
  });

  it('compounds independent clues into a higher confidence, never certainty', () => {
    const one = edgeOf(classify(realEngine(), { host: 'a.example', headers: h({ 'cf-ray': 'x' }) }));
    const two = edgeOf(classify(realEngine(), { host: 'a.example', ips: ['104.16.1.1'], headers: h({ 'cf-ray': 'x', server: 'cloudflare' }) }));
    assert.ok(two!.confidence > one!.confidence);
    assert.ok(two!.confidence <= 0.99);
  });

  it('says which kind of non-public address the browser reached, and claims nothing from it', () => {
    const kinds: [string, string][] = [['192.168.1.1', 'private'], ['127.0.0.1', 'loopback'], ['100.64.0.1', 'cgnat'], ['::1', 'loopback'], ['192.0.2.7', 'documentation'], ['2001:db8::1', 'documentation'], ['169.254.1.1', 'link-local'], ['239.1.1.1', 'multicast']];
    for (const [ip, kind] of kinds) {
      const report = classify(realEngine(), { host: 'x.test', ips: [ip] });
      assert.equal(report.address?.special, kind, ip);
      assert.deepEqual(report.providers, [], ip);
    }
  });

  it('names a network the catalogue does not know by its ASN and organisation', () => {
    const report = classify(realEngine(), { host: 'x.example', ips: ['193.0.6.139'], headers: h({ server: 'nginx' }) });
    const host = report.providers.find((p) => p.role === 'hosting');
    assert.match(host?.id ?? '', /^as\d+$/);
    assert.equal(host?.evidence[0]?.kind, 'asn');
    assert.equal(edgeOf(report), undefined);
  });
});

describe('classify: negatives', () => {
  const plain: [string, Observation][] = [
    ['Apache with a self-hosted Varnish', { host: 'news.example', headers: h({ server: 'Apache', via: '1.1 varnish (Varnish/7.4)', 'x-cache': 'HIT' }) }],
    ['a lookalike server header', { host: 'x.example', headers: h({ server: 'cloudflare-imitation' }) }],
    ['x-served-by that is not a Fastly cache id', { host: 'x.example', headers: h({ 'x-served-by': 'web-03' }) }],
    ['an x-cache header without CloudFront', { host: 'x.example', headers: h({ 'x-cache': 'Hit from varnish' }) }],
    ['a host that only contains a platform domain', { host: 'github.io.evil.example' }],
    ['a CNAME that only contains a platform domain', { host: 'www.example.com', cname: ['cdn.cloudfront.net.evil.example'] }],
    ['an SPF record that names a lookalike', { host: 'example.com', txt: ['v=spf1 include:_spf.google.com.evil.example -all'] }],
    ['a TXT record that is not SPF', { host: 'example.com', txt: ['google-site-verification=include:_spf.google.com'] }],
    ['a private address', { host: 'nas.local', ips: ['10.0.0.5'] }],
    ['nothing at all', { host: 'example.com' }],
  ];
  for (const [name, obs] of plain) {
    it(`no provider for ${name}`, () => {
      const report = classify(realEngine(), obs);
      assert.deepEqual(report.providers, []);
      assert.equal(report.originHidden, false);
    });
  }

  it('a plain nginx origin on a hosting network is hosting, never a CDN', () => {
    const report = classify(realEngine(), { host: 'shop.example', ips: ['88.198.1.1'], headers: h({ server: 'nginx/1.24.0' }) });
    assert.deepEqual(roleIds(report, 'edge'), []);
    assert.equal(roleIds(report, 'hosting').length, 1);
  });

  it('ignores malformed IPs instead of throwing', () => {
    const report = classify(realEngine(), { host: 'x.example', ips: ['999.1.1.1', 'not-an-ip', ''] });
    assert.equal(report.address, undefined);
    assert.deepEqual(report.providers, []);
  });
});

describe('classify: layers resolve to the edge the browser reached', () => {
  it('CloudFront headers behind a Cloudflare address: Cloudflare is the edge, CloudFront sits behind it', () => {
    const report = classify(realEngine(), { host: 'x.example', ips: ['104.16.1.1'], headers: h({ 'x-amz-cf-id': 'abc', 'x-amz-cf-pop': 'FRA' }) });
    assert.equal(edgeOf(report)?.id, 'cloudflare');
    assert.equal(report.providers.find((p) => p.id === 'amazon')?.behind, 'cloudflare');
  });

  it('Cloudflare in front of Vercel: the Server header names the outer layer, Vercel hosts', () => {
    const report = classify(realEngine(), { host: 'x.example', headers: h({ server: 'cloudflare', 'cf-ray': '1-FRA', 'x-vercel-id': 'fra1::x', 'x-vercel-cache': 'HIT' }) });
    assert.equal(edgeOf(report)?.id, 'cloudflare');
    assert.deepEqual(roleIds(report, 'hosting'), ['vercel']);
    assert.equal(report.providers.find((p) => p.id === 'vercel' && p.role === 'edge')?.behind, 'cloudflare');
  });

  it('Cloudflare headers on an address in a hosting network: that network answered, Cloudflare is kept behind it', () => {
    const report = classify(realEngine(), { host: 'x.example', ips: ['88.198.1.1'], headers: h({ 'cf-ray': '1-FRA', server: 'cloudflare' }) });
    assert.equal(edgeOf(report), undefined);
    const cf = report.providers.find((p) => p.id === 'cloudflare');
    assert.ok(cf?.behind !== undefined, JSON.stringify(report.providers));
    assert.equal(report.providers.find((p) => p.role === 'hosting')?.id, cf?.behind);
  });

  it('Vercel headers on an AWS address are expected: Vercel runs in AWS', () => {
    const report = classify(realEngine(), { host: 'x.example', ips: ['3.5.140.2'], headers: h({ server: 'Vercel', 'x-vercel-id': 'fra1::x' }) });
    assert.equal(edgeOf(report)?.id, 'vercel');
  });

  it('an unknown network under a header-recognised edge is the edge\'s, not the host (Akamai cache in an ISP)', () => {
    const report = classify(realEngine(), { host: 'www.example.net', ips: ['193.0.6.139'], headers: h({ server: 'AkamaiGHost' }) });
    assert.equal(edgeOf(report)?.id, 'akamai');
    assert.deepEqual(roleIds(report, 'hosting'), []);
    assert.equal(report.originHidden, true);
    assert.ok(edgeOf(report)?.evidence.some((e) => e.kind === 'asn'));
  });
});
