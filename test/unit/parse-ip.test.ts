import assert from 'node:assert/strict';
import { formatIPv4, parseCidr, parseIPv4, parseIp } from '../../src/core/ip/parse-ip.js';

describe('parseIp', () => {
  const rows: [input: string, text: string | undefined, special?: string][] = [
    ['104.16.1.1', '104.16.1.1'],
    [' 8.8.8.8 ', '8.8.8.8'],
    ['2606:4700:0:0::6810:84e5', '2606:4700::6810:84e5'],
    ['[2001:db8::1]', '2001:db8::1', 'documentation'],
    ['::ffff:104.16.1.1', '104.16.1.1'],
    ['127.0.0.1', '127.0.0.1', 'loopback'],
    ['10.1.2.3', '10.1.2.3', 'private'],
    ['172.31.255.255', '172.31.255.255', 'private'],
    ['172.32.0.1', '172.32.0.1'],
    ['192.168.0.1', '192.168.0.1', 'private'],
    ['100.64.1.1', '100.64.1.1', 'cgnat'],
    ['100.128.0.1', '100.128.0.1'],
    ['169.254.1.1', '169.254.1.1', 'link-local'],
    ['192.0.2.1', '192.0.2.1', 'documentation'],
    ['198.51.100.1', '198.51.100.1', 'documentation'],
    ['203.0.113.255', '203.0.113.255', 'documentation'],
    ['224.0.0.1', '224.0.0.1', 'multicast'],
    ['255.255.255.255', '255.255.255.255', 'reserved'],
    ['0.0.0.0', '0.0.0.0', 'unspecified'],
    ['fd00::1', 'fd00::1', 'unique-local'],
    ['fe80::1', 'fe80::1', 'link-local'],
    ['ff02::1', 'ff02::1', 'multicast'],
    ['::1', '::1', 'loopback'],
    ['::', '::', 'unspecified'],
    ['1', undefined],
    ['0x7f.1', undefined],
    ['256.1.1.1', undefined],
    ['01.2.3.4', undefined],
    ['1.2.3.4.5', undefined],
    ['example.com', undefined],
    ['', undefined],
    ['1.2.3', undefined],
  ];
  for (const [input, text, special] of rows) {
    it(`${JSON.stringify(input)} → ${text ?? 'not an IP'}${special ? ` (${special})` : ''}`, () => {
      const parsed = parseIp(input);
      assert.equal(parsed?.text, text);
      assert.equal(parsed?.special, special);
    });
  }

  it('parses IPv4 without allocating, at the edges of the space', () => {
    assert.equal(parseIPv4('0.0.0.0'), 0);
    assert.equal(parseIPv4('255.255.255.255'), 0xffffffff);
    assert.equal(formatIPv4(parseIPv4('203.0.113.9')), '203.0.113.9');
    for (const bad of ['1.2.3.', '.1.2.3', '1..2.3', '1.2.3.256', '1.2.3.4 ', 'a.b.c.d']) assert.equal(parseIPv4(bad), -1, bad);
  });
});

describe('parseCidr', () => {
  it('normalises to the network address and gives first and last', () => {
    const c = parseCidr('104.16.1.1/13');
    assert.equal(c?.text, '104.16.0.0/13');
    assert.equal(c?.first, BigInt(parseIPv4('104.16.0.0')));
    assert.equal(c?.last, BigInt(parseIPv4('104.23.255.255')));
    assert.equal(parseCidr('2606:4700::1/32')?.text, '2606:4700::/32');
    assert.equal(parseCidr('0.0.0.0/0')?.last, 0xffffffffn);
  });
  for (const bad of ['104.16.0.0', '104.16.0.0/33', '2001:db8::/129', 'x/8', '10.0.0.0/-1', '10.0.0.0/ 8', '10.0.0.0/8/8']) {
    it(`rejects ${bad}`, () => assert.equal(parseCidr(bad), undefined));
  }
});
