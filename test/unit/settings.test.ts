import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, RESOLVER_PRESETS, readSettings, resolverProblem } from '../../src/core/settings.js';

describe('settings', () => {
  it('defaults to DNS lookups through the unfiltered Quad9 resolver', () => {
    assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
    assert.equal(DEFAULT_SETTINGS.resolver, 'https://dns10.quad9.net/dns-query');
    assert.equal(RESOLVER_PRESETS[0]?.url, DEFAULT_SETTINGS.resolver);
  });

  it('keeps valid stored values and repairs damaged ones field by field', () => {
    const custom = { resolver: 'https://dns.mullvad.net/dns-query', dnsLookups: false, headerProbe: false, rdap: false, rdapServer: 'http://127.0.0.1:9000/', history: false };
    assert.deepEqual(readSettings(custom), custom);
    assert.equal(readSettings({ rdapServer: 'http://rdap.example/' }).rdapServer, '', 'plain http to another machine is refused');
    assert.deepEqual(readSettings({ resolver: 'ftp://x', dnsLookups: 'yes' }), DEFAULT_SETTINGS);
    assert.deepEqual(readSettings({ resolver: 42, dnsLookups: false }), { ...DEFAULT_SETTINGS, dnsLookups: false });
    assert.deepEqual(readSettings('garbage'), DEFAULT_SETTINGS);
  });

  const urls: [string, boolean][] = [
    ['https://dns10.quad9.net/dns-query', true],
    ['https://resolver.example/dns-query?x=1', true],
    ['http://127.0.0.1:8053/dns-query', true],
    ['http://localhost:8053/dns-query', true],
    ['http://[::1]:8053/dns-query', true],
    ['http://dns.example/dns-query', false],
    ['http://192.168.1.1/dns-query', false],
    ['dns.quad9.net', false],
    ['', false],
    ['javascript:alert(1)', false],
  ];
  for (const [url, ok] of urls) {
    it(`${ok ? 'accepts' : 'refuses'} resolver ${JSON.stringify(url)}`, () => assert.equal(resolverProblem(url) === undefined, ok, resolverProblem(url)));
  }
});
