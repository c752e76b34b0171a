import assert from 'node:assert/strict';
import ipaddr from 'ipaddr.js';
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

describe('special address space, embedded IPv4 included', () => {
  const kinds: [string, string | undefined, string?][] = [
    ['64:ff9b::c0a8:101', 'private', '192.168.1.1'], // NAT64 well-known prefix: the IPv4 host it stands for
    ['64:ff9b::808:808', undefined, '8.8.8.8'],
    ['64:ff9b:1::a00:1', 'private'], // local-use NAT64 (RFC 8215)
    ['64:ff9b:1::808:808', 'reserved'],
    ['2002:c0a8:101::1', 'private'], // 6to4 of 192.168.1.1
    ['2002:808:808::1', 'reserved'],
    ['::c0a8:101', 'private'], // IPv4-compatible (deprecated)
    ['::808:808', 'reserved'],
    ['::ffff:0:a00:1', 'private'], // IPv4-translated (RFC 6145)
    ['fec0::1', 'unique-local'], // site-local (deprecated)
    ['2001::1', 'reserved'], // Teredo
    ['100::1', 'reserved'], // discard
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation'],
    ['fe80::1', 'link-local'],
    ['fd00::1', 'unique-local'],
    ['2606:4700::1111', undefined],
  ];
  for (const [text, kind, v4] of kinds) {
    it(`${text} is ${kind ?? 'public'}${v4 === undefined ? '' : ` (${v4})`}`, () => {
      const ip = parseIp(text);
      assert.equal(ip?.special, kind);
      if (v4 !== undefined) assert.equal(ip?.text, v4);
    });
  }

  it('covers every special IPv4 range ipaddr.js knows', () => {
    for (const [name, ranges] of Object.entries((ipaddr.IPv4.prototype as unknown as { SpecialRanges: Record<string, unknown> }).SpecialRanges)) {
      if (name === 'unicast') continue;
      for (const [addr] of ranges as [ipaddr.IPv4, number][]) assert.ok(parseIp(addr.toString())?.special !== undefined, `${name} ${addr.toString()}`);
    }
  });
});
