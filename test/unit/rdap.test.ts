import assert from 'node:assert/strict';
import { compileDnsBootstrap, rdapBaseFor } from '../../src/core/rdap/bootstrap.js';
import { rdapDomain, readRegistrar } from '../../src/core/rdap/rdap-domain.js';
import { RIR_RDAP_START, rdapIp, readNetwork } from '../../src/core/rdap/rdap-ip.js';
import type { FetchLike } from '../../src/core/net/fetch-like.js';
import { readDnsBootstrap } from '../../src/node/read-rdap-bootstrap.js';
import { domainObject, networkObject, startRdapServer, type RdapServer } from '../helpers/rdap-server.js';

const nodeFetch: FetchLike = (url, init) => fetch(url, init as RequestInit) as ReturnType<FetchLike>;

describe('RDAP bootstrap', () => {
  it('maps top-level domains to their registry, preferring https', () => {
    const b = compileDnsBootstrap([[['com', 'net'], ['http://rdap.verisign.example/com/v1/', 'https://rdap.verisign.example/com/v1/']], [['uk'], ['https://rdap.nominet.example']]]);
    assert.equal(rdapBaseFor(b, 'shop.example.COM.'), 'https://rdap.verisign.example/com/v1/');
    assert.equal(rdapBaseFor(b, 'bbc.co.uk'), 'https://rdap.nominet.example/');
    assert.equal(rdapBaseFor(b, 'x.zz'), undefined);
    assert.equal(rdapBaseFor(b, 'x.constructor'), undefined, 'no prototype keys');
  });
  it('refuses a file of the wrong shape', () => {
    assert.throws(() => compileDnsBootstrap({}), /list of services/);
    assert.throws(() => compileDnsBootstrap([['com']]), /service 0/);
    assert.throws(() => compileDnsBootstrap([]), /no services/);
  });
  it('ships a snapshot that knows the big registries', () => {
    const { bootstrap } = readDnsBootstrap();
    for (const tld of ['com', 'net', 'org', 'dev', 'uk']) assert.match(rdapBaseFor(bootstrap, `x.${tld}`) ?? '', /^https:\/\//, tld);
  });
});

describe('RDAP domain lookups against a local registry', () => {
  let rdap: RdapServer;
  before(async () => {
    rdap = await startRdapServer({
      'domain/shop.com': domainObject('shop.com', { name: 'Registrar One', ianaId: '146', abuseEmail: 'abuse@one.example' }),
      'ip/193.0.6.139': networkObject('193.0.0.0', '193.0.7.255', 'RIPE-NCC', 'RIPE Network Coordination Centre', 'abuse@ripe.example'),
      'ip/8.8.8.8': { objectClassName: 'domain' },
    }, { limited: ['domain/busy.com'], garbage: ['domain/broken.com'], redirects: { 'ip/193.0.6.140': '/ip/193.0.6.139' } });
  });
  after(() => rdap.close());
  const opts = () => ({ bootstrap: { com: rdap.url }, fetch: nodeFetch, timeoutMs: 2000 });

  it('reads the registrar, its IANA id and its abuse contact', async () => {
    const out = await rdapDomain('shop.com', opts());
    assert.equal(out.status, 'ok');
    assert.deepEqual(out.registrar, { name: 'Registrar One', ianaId: '146', abuseEmail: 'abuse@one.example', abusePhone: '+1.5555550100', source: `${rdap.url}domain/shop.com` });
  });
  const failures: [string, string, RegExp][] = [['unknown.com', 'not-found', /no record/], ['busy.com', 'rate-limited', /wait 30 s; not retried/], ['broken.com', 'malformed', /not JSON/]];
  for (const [domain, status, message] of failures) {
    it(`says ${status} for ${domain}`, async () => {
      const out = await rdapDomain(domain, opts());
      assert.equal(out.status, status);
      assert.match(out.status === 'ok' ? '' : out.error, message);
    });
  }
  it('says when a registry runs no RDAP, without asking anyone', async () => {
    const out = await rdapDomain('shop.zz', opts());
    assert.equal(out.status, 'no-rdap');
  });
  it('says when the registry cannot be reached', async () => {
    const out = await rdapDomain('shop.com', { ...opts(), bootstrap: { com: 'http://127.0.0.1:9/' } });
    assert.equal(out.status, 'unreachable');
  });
  it('reads the network, its registrant and the abuse contact nested under it', async () => {
    const out = await rdapIp('193.0.6.139', { server: rdap.url, fetch: nodeFetch, timeoutMs: 2000 });
    assert.equal(out.status, 'ok');
    assert.deepEqual(out.network, { name: 'RIPE-NCC', handle: 'NET-RIPE-NCC', range: '193.0.0.0 – 193.0.7.255', country: 'US', registrant: 'RIPE Network Coordination Centre', abuseEmail: 'abuse@ripe.example', source: `${rdap.url}ip/193.0.6.139` });
  });
  it('follows a registry\'s referral and cites where the record came from', async () => {
    const out = await rdapIp('193.0.6.140', { server: rdap.url, fetch: nodeFetch, timeoutMs: 2000 });
    assert.equal(out.status === 'ok' ? out.network.source : undefined, `${rdap.url}ip/193.0.6.139`);
  });
  it('refuses an answer that is not an IP network', async () => {
    assert.equal((await rdapIp('8.8.8.8', { server: rdap.url, fetch: nodeFetch, timeoutMs: 2000 })).status, 'malformed');
    assert.equal(readNetwork({ objectClassName: 'ip network', name: 7, entities: 'x' }, 'u')?.name, undefined);
  });
  it('starts IP queries at a registry, never a third party', () => {
    assert.equal(RIR_RDAP_START, 'https://rdap.arin.net/registry/');
  });

  it('ignores records without a registrar, or with malformed parts', () => {
    assert.equal(readRegistrar({ entities: [{ roles: ['registrant'], vcardArray: ['vcard', [['fn', {}, 'text', 'Owner']]] }] }, 'u'), undefined);
    assert.equal(readRegistrar({ entities: 'nope' }, 'u'), undefined);
    assert.equal(readRegistrar(null, 'u'), undefined);
    assert.deepEqual(readRegistrar({ entities: [{ roles: ['registrar'], handle: 'R1', vcardArray: ['vcard', 'bad'] }] }, 'u'), { name: 'R1', source: 'u' });
  });
});
