import assert from 'node:assert/strict';
import { addressesVerdict, hostVerdict } from '../../src/core/net/inside-network.js';

// The rule Firefox's guard applies to each of the extension's own requests.

describe('never into the person\'s network (the request guard\'s rule)', () => {
  it('refuses private, link-local, loopback and embedded-IPv4 literals, at any hop', () => {
    for (const url of ['http://192.168.1.1/', 'http://10.0.0.1:8080/x', 'http://169.254.169.254/latest/meta-data/', 'http://[fe80::1]/', 'http://[::ffff:192.168.0.1]/', 'http://[64:ff9b::c0a8:1]/', 'http://0x7f.1/']) {
      assert.equal(hostVerdict(url, false), 'refuse', url);
    }
    assert.equal(hostVerdict('http://192.168.1.1/', true), 'refuse', 'a first request into the LAN too');
  });

  it('lets a first request reach this computer (a resolver the person runs), never a redirect there', () => {
    assert.equal(hostVerdict('http://127.0.0.1:8053/dns-query', true), 'allow');
    assert.equal(hostVerdict('http://localhost:8053/dns-query', true), 'allow');
    assert.equal(hostVerdict('http://[::1]/', true), 'allow');
    assert.equal(hostVerdict('http://127.0.0.1/', false), 'refuse');
    assert.equal(hostVerdict('http://app.localhost/', false), 'refuse');
  });

  it('lets public literals through and asks for a name\'s addresses', () => {
    assert.equal(hostVerdict('https://104.16.1.1/', false), 'allow');
    assert.equal(hostVerdict('https://[2606:4700::1]/', false), 'allow');
    assert.equal(hostVerdict('https://rdap.arin.net/registry/ip/1.1.1.1', true), 'resolve');
    assert.equal(hostVerdict('moz-extension://uuid/networks/0.bin', false), 'allow', 'not a network request');
    assert.equal(hostVerdict('not a url', true), 'refuse');
  });

  it('refuses a name with any address inside (a rebinding answer), allows one that is all public', () => {
    assert.equal(addressesVerdict(['104.16.1.1', '2606:4700::1']), 'allow');
    assert.equal(addressesVerdict(['104.16.1.1', '192.168.0.10']), 'refuse');
    assert.equal(addressesVerdict(['127.0.0.1', '::1']), 'refuse', 'a name that leads to this computer, as a rebinding answer does');
    assert.equal(addressesVerdict(['10.1.2.3']), 'refuse');
  });
});
