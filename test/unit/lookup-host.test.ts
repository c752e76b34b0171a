import assert from 'node:assert/strict';
import { knownResult, lookupHost, type LookupPolicy, type LookupResult, type LookupTarget, type Phase } from '../../src/core/lookup/lookup-host.js';
import type { SeenResponse } from '../../src/core/observation-record.js';
import { edgeOf } from '../../src/core/classify.js';
import { fakeDeps, type FakeWorld } from '../helpers/fake-deps.js';
import { realEngine } from './engine-fixture.js';

// The one lookup pipeline, with fake platform pieces (no servers): every
// policy, every failure, and what lands in which phase.

const site: LookupTarget = { host: 'www.shop.example', domain: 'shop.example', isIp: false };
const policy = (p: Partial<LookupPolicy> = {}): LookupPolicy => ({ dns: true, rdap: true, probe: 'never', ...p });
const seenBy = (ip: string, headers: Record<string, string> = {}): SeenResponse => ({ host: site.host, ip, status: 200, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])), cookieNames: [], fromCache: false, at: 1 });
const dnsWorld: FakeWorld = {
  dns: { 'www.shop.example': { domain: 'shop.example', ips: ['13.32.1.1'], cname: ['d1.cloudfront.net'], ns: ['ns-1.awsdns-01.org'], mx: ['aspmx.l.google.com'], txt: ['v=spf1 include:_spf.google.com ~all'] } },
  rdapDomain: { 'shop.example': { status: 'ok', url: 'https://rdap.example/domain/shop.example', registrar: { name: 'Registrar One', ianaId: '146', source: 'https://rdap.example/domain/shop.example' } } },
  rdapIp: { '13.32.1.1': { status: 'ok', url: 'https://rdap.example/ip/13.32.1.1', network: { name: 'AMAZON-CF', source: 'https://rdap.example/ip/13.32.1.1' } } },
};

async function run(target: LookupTarget, world: FakeWorld, p: LookupPolicy) {
  const deps = fakeDeps(world);
  const phases: [Phase, LookupResult][] = [];
  const result = await lookupHost(realEngine(), target, deps, p, (phase, r) => phases.push([phase, r]));
  return { result, phases, calls: deps.calls };
}

const roles = (r: LookupResult) => r.report.providers.map((p) => `${p.role}:${p.id}`).sort();

describe('lookupHost', () => {
  it('answers from DNS and the registries, in phases: what is known first, DNS, then the registries', async () => {
    const { result, phases, calls } = await run(site, dnsWorld, policy());
    assert.deepEqual(phases.map(([p]) => p), ['seen', 'dns', 'registry']);
    assert.deepEqual(phases[0]![1].report.providers, [], 'nothing known before anyone is asked');
    assert.equal(edgeOf(phases[1]![1].report)?.id, 'amazon', 'the DNS phase names the edge');
    assert.equal(phases[1]![1].registrar, undefined, 'before the registry answers');
    assert.deepEqual(roles(result), ['dns:amazon', 'edge:amazon', 'email:google']);
    assert.equal(result.registrar?.name, 'Registrar One');
    assert.equal(result.network?.name, 'AMAZON-CF');
    assert.deepEqual(result.steps, { dns: 'done', site: 'off', registry: 'done' });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(calls.slice(0, 2).sort(), ['rdapDomain shop.example', 'resolve www.shop.example'], 'registry and DNS asked together');
    assert.equal(calls.at(-1), 'rdapIp 13.32.1.1', 'the network registry last, for the address found');
  });

  it('keeps its first phase apart: knownResult is what the lookup sends first, asking no one', async () => {
    const cases: [LookupTarget, LookupPolicy][] = [
      [site, policy({ seen: seenBy('104.16.1.1', { 'cf-ray': '8c2b-FRA', server: 'cloudflare' }) })],
      [site, policy({ dns: false, rdap: false })],
      [{ host: '88.198.1.1', isIp: true }, policy()],
    ];
    for (const [target, p] of cases) {
      const deps = fakeDeps(dnsWorld);
      const known = await knownResult(realEngine(), target, p, deps.prepare);
      assert.deepEqual(deps.calls, [], 'no DNS, registry or probe for the first answer');
      const { phases } = await run(target, dnsWorld, p);
      assert.deepEqual(known, phases[0]![1]);
    }
  });

  it('shows DNS before a slow registry answers', async () => {
    const order: string[] = [];
    const deps = fakeDeps({ ...dnsWorld, delay: { rdapDomain: 50 } });
    await lookupHost(realEngine(), site, deps, policy(), (phase) => order.push(`${phase}@${deps.calls.length}`));
    assert.deepEqual(order.map((o) => o.split('@')[0]), ['seen', 'dns', 'registry']);
  });

  it('keeps the browser\'s own answer authoritative for the edge, and says where DNS points instead', async () => {
    // The tab reached Cloudflare; the person's resolver points the name at CloudFront.
    const { result } = await run(site, dnsWorld, policy({ seen: seenBy('104.16.1.1', { 'cf-ray': 'x-FRA' }) }));
    assert.equal(edgeOf(result.report)?.id, 'cloudflare');
    assert.ok(!result.report.providers.some((p) => p.id === 'amazon' && p.role === 'edge'), 'no edge from DNS addresses');
    assert.deepEqual(result.dnsAddresses?.ips, ['13.32.1.1']);
    assert.equal(edgeOf(result.dnsAddresses!.report)?.id, 'amazon');
    assert.equal(result.report.address?.ip, '104.16.1.1');
    assert.equal(result.seen?.via, 'browser');
  });

  it('with DNS off, answers an IP address from the offline tables and asks no one', async () => {
    const { result, calls } = await run({ host: '104.16.1.1', isIp: true }, {}, policy({ dns: false, rdap: false }));
    assert.equal(edgeOf(result.report)?.id, 'cloudflare');
    assert.deepEqual(calls, []);
    assert.deepEqual(result.steps, { dns: 'off', site: 'off', registry: 'off' });
  });

  it('asks no DNS for an IP address and makes no claim about its mail or name servers', async () => {
    const { result, calls } = await run({ host: '88.198.1.1', isIp: true }, {}, policy());
    assert.ok(!calls.some((c) => c.startsWith('resolve')));
    assert.equal(result.dns, undefined);
    assert.equal(result.steps.dns, 'not-needed');
    assert.deepEqual(roles(result), ['hosting:hetzner']);
    assert.deepEqual(calls, ['rdapIp 88.198.1.1']);
  });

  describe('the header probe', () => {
    const world: FakeWorld = {
      dns: { 'www.shop.example': { ips: ['151.101.1.1'] }, 'lan.shop.example': { ips: ['192.168.1.20'] }, 'mixed.shop.example': { ips: ['151.101.1.1', '10.0.0.2'] } },
      probe: { 'https://www.shop.example:8443/': { hops: [{ url: 'https://www.shop.example:8443/', status: 200, ip: '151.101.1.1', headers: { 'x-served-by': ['cache-fra-1-FRA'] }, cookieNames: [] }] } },
    };
    it('asks the link\'s own scheme and port, and classifies what the site answered', async () => {
      const { result, calls } = await run(site, world, policy({ rdap: false, probe: 'public-only', probeUrls: ['https://www.shop.example:8443/'] }));
      assert.ok(calls.includes('probe https://www.shop.example:8443/'));
      assert.equal(edgeOf(result.report)?.id, 'fastly');
      assert.equal(result.seen?.via, 'probe');
      assert.equal(result.steps.site, 'done');
    });
    for (const host of ['lan.shop.example', 'mixed.shop.example']) {
      it(`never asks a host DNS puts in the person's network (${host})`, async () => {
        const { result, calls } = await run({ host, domain: 'shop.example', isIp: false }, world, policy({ rdap: false, probe: 'public-only' }));
        assert.ok(!calls.some((c) => c.startsWith('probe')), calls.join());
        assert.equal(result.steps.site, 'not-needed');
        assert.deepEqual(result.errors.map((e) => [e.step, e.status]), [['http', 'private-address']], 'and says why');
      });
    }
    it('asks a private host only when the policy says always (the CLI\'s --allow-private)', async () => {
      const { calls } = await run({ host: 'lan.shop.example', isIp: false }, world, policy({ rdap: false, probe: 'always' }));
      assert.ok(calls.some((c) => c.startsWith('probe https://lan.shop.example/')));
    });
    it('never probes what the browser already saw', async () => {
      const { calls } = await run(site, world, policy({ rdap: false, probe: 'public-only', seen: seenBy('151.101.1.1') }));
      assert.ok(!calls.some((c) => c.startsWith('probe')));
    });
    it('tries https then http for a bare host and keeps the first failure, typed', async () => {
      const { result, calls } = await run(site, world, policy({ rdap: false, probe: 'public-only' }));
      assert.deepEqual(calls.filter((c) => c.startsWith('probe')), ['probe https://www.shop.example/', 'probe http://www.shop.example/']);
      assert.deepEqual(result.errors, [{ step: 'http', role: 'edge', status: 'unreachable', query: 'https://www.shop.example/', detail: 'connection refused' }]);
      assert.equal(result.steps.site, 'failed');
    });
  });

  describe('failures are typed, kept, and the rest still shows', () => {
    it('a DNS failure per query, with the role it leaves open', async () => {
      const world: FakeWorld = { dns: { 'www.shop.example': { ips: ['13.32.1.1'], errors: [{ type: 'MX', name: 'shop.example', status: 'timeout', error: 'no answer within 4000 ms', timeoutMs: 4000 }, { type: 'NS', name: 'shop.example', status: 'servfail', error: 'SERVFAIL' }] } } };
      const { result } = await run(site, world, policy({ rdap: false }));
      assert.deepEqual(result.errors, [
        { step: 'dns', role: 'email', status: 'timeout', query: 'MX shop.example', detail: 'no answer within 4000 ms', timeoutMs: 4000 },
        { step: 'dns', role: 'dns', status: 'servfail', query: 'NS shop.example', detail: 'SERVFAIL' },
      ]);
      assert.equal(edgeOf(result.report)?.id, 'amazon', 'the addresses still answer');
    });
    it('a name that does not exist: said by DNS, nothing probed', async () => {
      const world: FakeWorld = { dns: { 'www.shop.example': { nxdomain: true, errors: [{ type: 'A', name: 'www.shop.example', status: 'nxdomain', error: 'does not exist' }] } } };
      const { result, calls } = await run(site, world, policy({ rdap: false, probe: 'public-only' }));
      assert.equal(result.dns?.nxdomain, true);
      assert.equal(result.steps.dns, 'failed');
      assert.equal(result.steps.site, 'not-needed');
      assert.ok(!calls.some((c) => c.startsWith('probe')));
    });
    it('registry failures: 404, 429 with its wait, each with its step and role', async () => {
      const world: FakeWorld = {
        ...dnsWorld,
        rdapDomain: { 'shop.example': { status: 'rate-limited', url: 'u', error: 'limited', retryAfter: '30' } },
        rdapIp: {},
      };
      const { result } = await run(site, world, policy());
      assert.deepEqual(result.errors.map((e) => [e.step, e.role, e.status, e.query, e.retryAfter]), [
        ['rdap-domain', 'registrar', 'rate-limited', 'shop.example', '30'],
        ['rdap-ip', 'hosting', 'not-found', '13.32.1.1', undefined],
      ]);
      assert.equal(result.steps.registry, 'failed');
      assert.equal(edgeOf(result.report)?.id, 'amazon');
    });
    it('never asks a registry about a private address', async () => {
      const { calls } = await run({ host: '192.168.1.1', isIp: true }, {}, policy());
      assert.deepEqual(calls, []);
    });
  });

  it('names unknown DNS and mail companies, with the networks their servers are in and the senders behind the domain\'s own SPF include', async () => {
    const world: FakeWorld = {
      dns: { 'www.shop.example': { domain: 'shop.example', ips: ['88.198.1.1'], ns: ['ns1.example-dns.net'], mx: ['mx.shop.example'], txt: ['v=spf1 include:_spf.shop.example -all'] } },
      addresses: { 'ns1.example-dns.net': ['88.198.1.2'] },
      txt: { '_spf.shop.example': ['v=spf1 include:_spf.google.com -all'] },
    };
    const { result, calls } = await run(site, world, policy({ rdap: false }));
    assert.ok(calls.includes('addresses ns1.example-dns.net'));
    assert.ok(calls.includes('txt _spf.shop.example'));
    const dns = result.report.providers.find((p) => p.role === 'dns');
    assert.equal(dns?.id, 'domain:example-dns.net');
    assert.ok(dns?.evidence.some((e) => e.kind === 'asn' && e.host === 'ns1.example-dns.net' && e.asn === 24940));
    assert.ok(result.report.providers.some((p) => p.role === 'email' && p.id === 'google'), 'Google sends mail through the site\'s own include');
  });
});
