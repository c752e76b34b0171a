import assert from 'node:assert/strict';
import { parseCidr, parseIp } from '../../src/core/ip/parse-ip.js';
import { RangeTable } from '../../src/core/ip/range-table.js';

describe('parseIp', () => {
  const rows: [input: string, text: string | undefined, special?: string][] = [
    ['104.16.1.1', '104.16.1.1'],
    [' 8.8.8.8 ', '8.8.8.8'],
    ['2606:4700:0:0::6810:84e5', '2606:4700::6810:84e5'],
    ['[2001:db8::1]', '2001:db8::1', 'reserved'],
    ['::ffff:104.16.1.1', '104.16.1.1'],
    ['127.0.0.1', '127.0.0.1', 'loopback'],
    ['10.1.2.3', '10.1.2.3', 'private'],
    ['192.168.0.1', '192.168.0.1', 'private'],
    ['100.64.1.1', '100.64.1.1', 'cgnat'],
    ['169.254.1.1', '169.254.1.1', 'link-local'],
    ['224.0.0.1', '224.0.0.1', 'multicast'],
    ['0.0.0.0', '0.0.0.0', 'unspecified'],
    ['fd00::1', 'fd00::1', 'unique-local'],
    ['fe80::1', 'fe80::1', 'link-local'],
    ['::1', '::1', 'loopback'],
    ['1', undefined],
    ['0x7f.1', undefined],
    ['256.1.1.1', undefined],
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
});

describe('parseCidr', () => {
  it('normalises the network address', () => {
    assert.equal(parseCidr('104.16.1.1/13')?.text, '104.16.1.1/13');
    assert.equal(parseCidr('104.16.1.1/13')?.network, parseIp('104.16.0.0')?.value);
  });
  for (const bad of ['104.16.0.0', '104.16.0.0/33', '2001:db8::/129', 'x/8', '10.0.0.0/-1', '10.0.0.0/ 8', '10.0.0.0/8/8']) {
    it(`rejects ${bad}`, () => assert.equal(parseCidr(bad), undefined));
  }
});

describe('RangeTable', () => {
  const table = new RangeTable<string>();
  table.add('52.84.0.0/15', 'cloudfront');
  table.add('52.0.0.0/10', 'amazon');
  table.add('2600:9000::/28', 'cloudfront6');
  table.add('185.199.108.153/32', 'pages');

  it('finds the most specific range', () => {
    assert.equal(table.lookup(parseIp('52.84.10.10')!)?.value, 'cloudfront');
    assert.equal(table.lookup(parseIp('52.1.1.1')!)?.value, 'amazon');
    assert.equal(table.lookup(parseIp('52.84.10.10')!)?.cidr, '52.84.0.0/15');
  });
  it('matches IPv6 and single hosts', () => {
    assert.equal(table.lookup(parseIp('2600:9000:1::1')!)?.value, 'cloudfront6');
    assert.equal(table.lookup(parseIp('185.199.108.153')!)?.value, 'pages');
  });
  it('finds nothing outside every range, and keeps families apart', () => {
    assert.equal(table.lookup(parseIp('185.199.108.154')!), undefined);
    assert.equal(table.lookup(parseIp('53.0.0.1')!), undefined);
    assert.equal(table.lookup(parseIp('::ffff:0:0')!), undefined);
  });
  it('refuses malformed ranges and keeps the first value of a duplicate', () => {
    assert.equal(table.add('300.0.0.0/8', 'bad'), false);
    assert.equal(table.add('52.84.0.0/15', 'second'), true);
    assert.equal(table.lookup(parseIp('52.84.0.1')!)?.value, 'cloudfront');
  });
});
