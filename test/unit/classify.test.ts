import assert from 'node:assert/strict';
import { classify, edgeOf } from '../../src/core/classify.js';
import type { HeaderMap, Observation, Report, Role } from '../../src/core/types.js';
import { realEngine } from './engine-fixture.js';
import { unlistedDomainOf } from '../../src/core/unlisted-company.js';

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
      // A lookalike domain may still be named as what it is (a company outside the catalogue), never as the provider it imitates.
      assert.deepEqual(report.providers.filter((p) => unlistedDomainOf(p.id) === undefined), []);
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

describe('classify: matching that holds on real values', () => {
  it('matches an anchored header pattern on one item of a multi-hop value', () => {
    // A Fastly edge behind another cache: x-served-by lists every hop (seen on www.python.org).
    const report = classify(realEngine(), { host: 'x.example', headers: h({ 'x-served-by': 'cache-iad-kiad7000025-IAD, cache-fra-eddf8230071-FRA' }) });
    assert.equal(edgeOf(report)?.id, 'fastly');
  });

  it('names the provider of a name-server host under a domain it hands out, when it runs DNS', () => {
    const rule = realEngine().domainRules.find((r) => realEngine().providers.get(r.provider)?.roles.includes('dns') && !realEngine().nsRules.some((n) => n.suffix === r.suffix));
    assert.ok(rule !== undefined, 'some provider hands out a domain it also runs DNS under');
    const report = classify(realEngine(), { host: 'example.com', ns: [`ns1.${rule.suffix}`] });
    assert.equal(report.providers.find((p) => p.role === 'dns')?.id, rule.provider);
  });

  it('reads an SPF include of a provider\'s mail domain as that provider sending mail', () => {
    const report = classify(realEngine(), { host: 'example.com', txt: ['v=spf1 include:spf.messagingengine.com -all'] });
    assert.deepEqual(roleIds(report, 'email'), ['fastmail']);
  });
});

describe('classify: an honest name for companies the catalogue lacks', () => {
  it('names unknown name servers by their domain, at low confidence, with the records and their network', () => {
    const report = classify(realEngine(), { host: 'shop.example', ns: ['ns1.example-dns.net', 'ns2.example-dns.net'], addresses: { 'ns1.example-dns.net': ['88.198.1.1'] } });
    const dns = report.providers.filter((p) => p.role === 'dns');
    assert.deepEqual(dns.map((p) => [p.id, p.name]), [['domain:example-dns.net', 'example-dns.net']]);
    assert.ok(dns[0]!.confidence <= 0.3);
    assert.deepEqual(dns[0]!.evidence.map((e) => e.kind), ['ns', 'asn']);
    assert.match(dns[0]!.evidence[1]!.detail, /ns1\.example-dns\.net is at 88\.198\.1\.1, announced by AS24940/);
  });

  it('names unknown mail servers and SPF senders by their domain, but not the site\'s own SPF include', () => {
    const report = classify(realEngine(), { host: 'shop.example', mx: ['mx.mailhost.example'], txt: ['v=spf1 include:_spf.shop.example include:spf.sender.example ~all'] });
    assert.deepEqual(roleIds(report, 'email').sort(), ['domain:mailhost.example', 'domain:sender.example']);
  });

  it('names the company a CNAME points at only when nothing else names a host, and never as an edge', () => {
    const alone = classify(realEngine(), { host: 'www.shop.example', cname: ['shop.someplatform.example'] });
    assert.deepEqual(roleIds(alone, 'hosting'), ['domain:someplatform.example']);
    assert.deepEqual(roleIds(alone, 'edge'), []);
    const withNetwork = classify(realEngine(), { host: 'www.shop.example', cname: ['shop.someplatform.example'], ips: ['88.198.1.1'] });
    assert.deepEqual(roleIds(withNetwork, 'hosting'), ['hetzner']);
    const ownName = classify(realEngine(), { host: 'www.shop.example', cname: ['shop.example'] });
    assert.deepEqual(ownName.providers, []);
  });
});

describe('classify: platforms host what they serve', () => {
  it('names a platform reached by its published range as both edge and host', () => {
    const ip = '76.76.21.21'; // in Vercel's published range
    const report = classify(realEngine(), { host: 'app.example', ips: [ip] });
    assert.equal(edgeOf(report)?.id, 'vercel');
    assert.deepEqual(roleIds(report, 'hosting'), ['vercel']);
    assert.equal(report.originHidden, false);
  });

  it('keeps a proxy that does not host what it serves as the edge only, origin hidden', () => {
    const report = classify(realEngine(), { host: 'x.example', ips: ['104.16.1.1'] });
    assert.deepEqual(roleIds(report, 'hosting'), []);
    assert.equal(report.originHidden, true);
  });
});

describe('classify: every SPF mechanism that names a domain', () => {
  it('reads a:, mx: and exists: (past a macro) as well as include:', () => {
    const report = classify(realEngine(), { host: 'example.gov', txt: ['v=spf1 a:b.spf.service-now.com mx:mail.example.gov exists:%{i}._spf.mta.salesforce.com include:_spf.google.com -all'] });
    const email = report.providers.filter((p) => p.role === 'email').map((p) => p.id).sort();
    assert.ok(email.includes('google'), email.join());
    assert.ok(email.includes('domain:service-now.com'), email.join());
    assert.ok(!email.some((id) => id.includes('example.gov')), 'the site\'s own servers are not another company');
  });
});
