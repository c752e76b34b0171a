import assert from 'node:assert/strict';
import { createResolver, type ResolverOptions } from '../../src/core/dns/resolver.js';
import { dohQuery } from '../../src/core/dns/doh-query.js';
import { resolveHost } from '../../src/core/dns/resolve-host.js';
import { classify, edgeOf } from '../../src/core/classify.js';
import type { FetchLike } from '../../src/core/net/fetch-like.js';
import { startDohServer, type DohServer, type Zone } from '../helpers/doh-server.js';
import { realEngine } from './engine-fixture.js';

const zone: Zone = {
  'www.example-shop.com': { CNAME: 'd111111abcdef8.cloudfront.net' },
  'd111111abcdef8.cloudfront.net': { A: ['13.32.1.1'], AAAA: ['2600:9000:2000::1'] },
  'example-shop.com': { NS: ['ns-1234.awsdns-56.org', 'ns-99.awsdns-12.com'], SOA: 'ns-1234.awsdns-56.org', MX: ['aspmx.l.google.com', 'alt1.aspmx.l.google.com'], TXT: ['v=spf1 include:_spf.google.com ~all', 'google-site-verification=abc'], A: ['13.32.1.1'] },
  'plain-site.org': { A: ['88.198.1.1'], NS: ['helium.ns.hetzner.de'], MX: ['mail.plain-site.org'] },
  'mail.plain-site.org': { A: ['88.198.1.2'] },
  'deep.chain.net': { CNAME: 'hop1.chain.net' },
  'hop1.chain.net': { CNAME: 'hop2.chain.net' },
  'hop2.chain.net': { A: ['104.16.1.1'] },
  'chain.net': { NS: ['ada.ns.cloudflare.com'] },
  'broken.org': { A: ['1.2.3.4'] },
};

const nodeFetch = fetch as unknown as FetchLike;

describe('DNS over HTTPS against a local resolver', () => {
  let server: DohServer;
  const opts = (extra: Partial<ResolverOptions> = {}): ResolverOptions => ({ resolver: server.url, fetch: nodeFetch, timeoutMs: 2000, ...extra });

  before(async () => {
    server = await startDohServer(zone, { servfail: ['broken.org'], truncate: ['truncated.org'], garbage: ['garbage.org'], hang: ['slow.org'], httpError: { 'limited.org': 429, 'down.org': 503 } });
  });
  after(() => server.close());
  beforeEach(() => server.queries.splice(0));

  it('follows a CNAME chain into a CDN and reads NS, SOA, MX and TXT of the registrable domain', async () => {
    const dns = await resolveHost(createResolver(opts()), 'www.example-shop.com');
    assert.equal(dns.domain, 'example-shop.com');
    assert.deepEqual(dns.cname, ['d111111abcdef8.cloudfront.net']);
    assert.deepEqual(dns.ips, ['13.32.1.1', '2600:9000:2000::1']);
    assert.deepEqual(dns.ns, ['ns-1234.awsdns-56.org', 'ns-99.awsdns-12.com']);
    assert.equal(dns.soa, 'ns-1234.awsdns-56.org');
    assert.deepEqual(dns.mx, ['aspmx.l.google.com', 'alt1.aspmx.l.google.com']);
    assert.deepEqual(dns.errors, []);
    assert.equal(server.queries.length, 6, 'six questions, asked at once');

    const report = classify(realEngine(), { host: dns.host, ips: dns.ips, cname: dns.cname, ns: dns.ns, mx: dns.mx, txt: dns.txt });
    assert.equal(edgeOf(report)?.id, 'amazon');
    assert.equal(edgeOf(report)?.service, 'CloudFront');
    assert.equal(report.providers.find((p) => p.role === 'dns')?.service, 'Route 53');
    assert.equal(report.providers.find((p) => p.role === 'email')?.id, 'google');
  });

  it('finds a plain origin\'s hosting network, name servers and mail', async () => {
    const dns = await resolveHost(createResolver(opts()), 'plain-site.org');
    const report = classify(realEngine(), { host: dns.host, ips: dns.ips, ns: dns.ns, mx: dns.mx });
    assert.equal(edgeOf(report), undefined);
    assert.equal(report.providers.find((p) => p.role === 'hosting')?.id, 'hetzner');
    assert.equal(report.providers.find((p) => p.role === 'dns')?.id, 'hetzner');
  });

  it('asks for the rest of a chain hop by hop when the resolver leaves it unfinished', async () => {
    const partial = await startDohServer(zone, { partialChains: true });
    try {
      const dns = await resolveHost(createResolver({ resolver: partial.url, fetch: nodeFetch, timeoutMs: 2000 }), 'deep.chain.net');
      assert.deepEqual(dns.cname, ['hop1.chain.net', 'hop2.chain.net']);
      assert.deepEqual(dns.ips, ['104.16.1.1']);
    } finally {
      await partial.close();
    }
  });

  it('reports NXDOMAIN for a host that does not exist', async () => {
    const dns = await resolveHost(createResolver(opts()), 'nothing-here.example-shop.com');
    assert.equal(dns.nxdomain, true);
    assert.deepEqual(dns.ips, []);
    assert.equal(dns.errors[0]?.status, 'nxdomain');
    assert.deepEqual(dns.ns.length, 2, 'the zone still answers');
  });

  const failures: [string, string, RegExp][] = [
    ['broken.org', 'servfail', /SERVFAIL/],
    ['truncated.org', 'truncated', /truncated/],
    ['garbage.org', 'malformed', /./],
    ['limited.org', 'http-error', /HTTP 429/],
    ['down.org', 'http-error', /HTTP 503/],
  ];
  for (const [name, status, message] of failures) {
    it(`keeps a ${status} outcome with a reason (${name})`, async () => {
      const outcome = await dohQuery(name, 'A', opts());
      assert.equal(outcome.status, status);
      assert.match(outcome.error ?? '', message);
    });
  }

  it('gives up on a resolver that does not answer within the timeout', async () => {
    const started = Date.now();
    const outcome = await dohQuery('slow.org', 'A', opts({ timeoutMs: 150 }));
    assert.equal(outcome.status, 'timeout');
    assert.ok(Date.now() - started < 1000);
  });

  it('says when the resolver cannot be reached at all', async () => {
    const outcome = await dohQuery('example.com', 'A', { resolver: 'http://127.0.0.1:9/dns-query', fetch: nodeFetch, timeoutMs: 2000 });
    assert.equal(outcome.status, 'unreachable');
  });

  it('keeps the partial result when some queries fail', async () => {
    const dns = await resolveHost(createResolver(opts()), 'broken.org');
    assert.deepEqual(dns.ips, []);
    assert.ok(dns.errors.some((e) => e.type === 'A' && e.name === 'broken.org' && e.status === 'servfail'));
  });

  it('falls back to POST when the resolver refuses GET', async () => {
    const postOnly = await startDohServer(zone, { postOnly: true });
    try {
      const outcome = await dohQuery('plain-site.org', 'A', { resolver: postOnly.url, fetch: nodeFetch, timeoutMs: 2000 });
      assert.equal(outcome.status, 'ok');
      assert.deepEqual(outcome.answers.map((a) => a.data), ['88.198.1.1']);
    } finally {
      await postOnly.close();
    }
  });

  it('caches by TTL, sends a question asked twice at once only once, and stays bounded', async () => {
    let clock = 1_000_000;
    const resolver = createResolver(opts({ now: () => clock, maxEntries: 2 }));
    await Promise.all([resolver.query('plain-site.org', 'A'), resolver.query('plain-site.org', 'A')]);
    assert.equal(server.queries.length, 1, 'in flight once');
    await resolver.query('plain-site.org', 'A');
    assert.equal(server.queries.length, 1, 'served from cache');
    clock += 301_000;
    await resolver.query('plain-site.org', 'A');
    assert.equal(server.queries.length, 2, 'asked again after the TTL');
    await resolver.query('chain.net', 'NS');
    await resolver.query('example-shop.com', 'MX');
    await resolver.query('plain-site.org', 'A');
    assert.equal(server.queries.length, 5, 'the least recently used entry was dropped');
  });

  it('does not cache failures', async () => {
    const resolver = createResolver(opts());
    await resolver.query('broken.org', 'A');
    await resolver.query('broken.org', 'A');
    assert.equal(server.queries.length, 2);
  });

  it('needs no DNS for an IP literal', async () => {
    const dns = await resolveHost(createResolver(opts()), '104.16.1.1');
    assert.deepEqual(dns.ips, ['104.16.1.1']);
    assert.equal(server.queries.length, 0);
  });
});
