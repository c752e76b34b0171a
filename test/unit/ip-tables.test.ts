import assert from 'node:assert/strict';
import { buildSegments, type RangeInput } from '../../src/core/ip/build-intervals.js';
import { V4Table, V6Table } from '../../src/core/ip/interval-table.js';
import { compileIpData } from '../../src/core/ip/compile-ip-data.js';
import { compileNetworks, parseAsnCsv } from '../../src/core/ip/compile-networks.js';
import { compilePublished } from '../../src/core/ip/compile-published.js';
import { decodeIpData } from '../../src/core/ip/ip-data.js';
import { decodePublished } from '../../src/core/ip/published-table.js';
import { parseIPv4, parseIp } from '../../src/core/ip/parse-ip.js';
import type { CompiledRangeList } from '../../src/core/catalogue/types.js';

const ip4 = (s: string) => BigInt(parseIPv4(s));
const r = (first: string, last: string, value: number): RangeInput => ({ first: ip4(first), last: ip4(last), value });

function v4Table(ranges: RangeInput[]): V4Table {
  const seg = buildSegments(ranges);
  const keep = seg.starts.map((s, i) => [s, seg.values[i]!] as const).filter(([s]) => s < 1n << 32n);
  return new V4Table(Uint32Array.from(keep.map(([s]) => Number(s))), Uint32Array.from(keep.map(([, v]) => v)));
}

describe('buildSegments and the IPv4 table', () => {
  it('covers the whole space, with 0 where nothing is known', () => {
    const t = v4Table([r('10.0.0.0', '10.0.0.255', 1)]);
    assert.equal(t.lookup(0), 0);
    assert.equal(t.lookup(parseIPv4('9.255.255.255')), 0);
    assert.equal(t.lookup(parseIPv4('10.0.0.0')), 1);
    assert.equal(t.lookup(parseIPv4('10.0.0.255')), 1);
    assert.equal(t.lookup(parseIPv4('10.0.1.0')), 0);
    assert.equal(t.lookup(0xffffffff), 0);
  });

  it('keeps adjacent ranges apart and merges equal neighbours', () => {
    const seg = buildSegments([r('1.0.0.0', '1.0.0.255', 1), r('1.0.1.0', '1.0.1.255', 2), r('1.0.2.0', '1.0.2.255', 2)]);
    assert.deepEqual(seg.values, [0, 1, 2, 0]);
    const t = v4Table([r('1.0.0.0', '1.0.0.255', 1), r('1.0.1.0', '1.0.1.255', 2)]);
    assert.equal(t.lookup(parseIPv4('1.0.0.255')), 1);
    assert.equal(t.lookup(parseIPv4('1.0.1.0')), 2);
  });

  it('lets the most specific nested range win, and the outer one resume after it', () => {
    const t = v4Table([r('52.0.0.0', '52.63.255.255', 1), r('52.84.0.0', '52.85.255.255', 2), r('52.84.1.0', '52.84.1.255', 3)]);
    assert.equal(t.lookup(parseIPv4('52.1.1.1')), 1);
    assert.equal(t.lookup(parseIPv4('52.84.0.1')), 2);
    assert.equal(t.lookup(parseIPv4('52.84.1.9')), 3);
    assert.equal(t.lookup(parseIPv4('52.84.2.0')), 2);
    assert.equal(t.lookup(parseIPv4('52.86.0.0')), 0);
  });

  it('handles ranges at both ends of the space and a /0', () => {
    const t = v4Table([r('0.0.0.0', '255.255.255.255', 9), r('0.0.0.0', '0.0.0.0', 1), r('255.255.255.255', '255.255.255.255', 2)]);
    assert.equal(t.lookup(0), 1);
    assert.equal(t.lookup(1), 9);
    assert.equal(t.lookup(0xfffffffe), 9);
    assert.equal(t.lookup(0xffffffff), 2);
  });

  it('gives an identical range to the list given first', () => {
    const t = v4Table([r('52.84.0.0', '52.85.255.255', 2), r('52.0.0.0', '52.127.255.255', 1), r('52.84.0.0', '52.85.255.255', 1)]);
    assert.equal(t.lookup(parseIPv4('52.84.9.9')), 2);
  });

  it('clips a partial overlap in sorted data instead of losing a range', () => {
    const t = v4Table([r('2.0.0.0', '2.0.1.255', 1), r('2.0.1.0', '2.0.2.255', 2)]);
    assert.equal(t.lookup(parseIPv4('2.0.1.9')), 1);
    assert.equal(t.lookup(parseIPv4('2.0.2.9')), 2);
  });

  it('agrees with a brute-force scan on random nested ranges', () => {
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const ranges: RangeInput[] = [];
    for (let i = 0; i < 300; i++) {
      const len = 8 + Math.floor(rand() * 24);
      const size = 2 ** (32 - len);
      const first = Math.floor((rand() * 2 ** 32) / size) * size;
      ranges.push({ first: BigInt(first), last: BigInt(first + size - 1), value: i + 1 });
    }
    const t = v4Table(ranges);
    for (let i = 0; i < 3000; i++) {
      const ip = Math.floor(rand() * 2 ** 32);
      let best: RangeInput | undefined;
      ranges.forEach((x) => {
        if (BigInt(ip) >= x.first && BigInt(ip) <= x.last && (best === undefined || x.last - x.first < best.last - best.first || (x.last - x.first === best.last - best.first && x.value < best.value))) best = x;
      });
      assert.equal(t.lookup(ip), best?.value ?? 0, `ip ${ip}`);
    }
  });

  it('refuses a table that does not start at address 0', () => {
    assert.throws(() => new V4Table(Uint32Array.of(5), Uint32Array.of(1)), /malformed/);
  });
});

describe('IPv6 table', () => {
  it('finds ranges by four-word comparison, including across the low 64 bits', () => {
    const w = (s: string) => (parseIp(s) as { v6: number[] }).v6;
    const big = (s: string) => w(s).reduce((a, x) => (a << 32n) | BigInt(x), 0n);
    const seg = buildSegments([
      { first: big('2001:db8::'), last: big('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'), value: 1 },
      { first: big('2001:db8::8000:0:0:0'), last: big('2001:db8::ffff:ffff:ffff:ffff'), value: 2 },
    ]);
    const starts = seg.starts.flatMap((s) => [96n, 64n, 32n, 0n].map((sh) => Number((s >> sh) & 0xffffffffn)));
    const t = new V6Table(Uint32Array.from(starts.slice(0, seg.values.length * 4)), Uint32Array.from(seg.values));
    assert.equal(t.lookup(w('2001:db8::1')), 1);
    assert.equal(t.lookup(w('2001:db8::8000:0:0:1')), 2);
    assert.equal(t.lookup(w('2001:db8:0:1::')), 1);
    assert.equal(t.lookup(w('2001:db7::')), 0);
    assert.equal(t.lookup(w('ffff::')), 0);
  });
});

describe('ipdata.bin and published.bin round trip', () => {
  const csv4 = `${parseIPv4('1.0.0.0')},${parseIPv4('1.0.0.255')},13335,"Cloudflare, Inc."\n${parseIPv4('1.0.4.0')},${parseIPv4('1.0.7.255')},38803,Gtelecom Pty Ltd\n${parseIPv4('5.0.0.0')},${parseIPv4('5.0.0.255')},13335,"Cloudflare, Inc."\n`;
  const csv6 = '42540766411282592856903984951653826560,42540766490510755371168322545197776895,13335,"Cloudflare, Inc."\n';
  const lists: CompiledRangeList[] = [{ provider: 'x', file: 'x.txt', role: 'edge', count: 3, cidrs: ['1.0.0.128/25', '2001:db8::/32', '2001:db8:0:ff00::/56'] }];
  const networks = compileNetworks(parseAsnCsv(csv4, 'v4'), parseAsnCsv(csv6, 'v6'));
  const published = compilePublished(lists);
  const compiled = compileIpData(networks, published);
  let v6Reads = 0;
  const data = decodeIpData(compiled.main, () => {
    v6Reads++;
    return compiled.v6;
  }, decodePublished(published.file));
  const network = (ip: string) => data.networkAt(data.networkIndex(parseIp(ip)!));

  it('answers networks and published ranges, and de-duplicates organisations', () => {
    assert.deepEqual(network('1.0.0.9'), { asn: 13335, org: 'Cloudflare, Inc.' });
    assert.equal(v6Reads, 0, 'IPv6 tables are not read for IPv4 work');
    assert.deepEqual(network('1.0.5.1'), { asn: 38803, org: 'Gtelecom Pty Ltd' });
    assert.equal(network('1.0.8.0'), undefined);
    assert.deepEqual(network('2001:db8::1'), { asn: 13335, org: 'Cloudflare, Inc.' });
    assert.equal(data.networkCount, 2);
    assert.equal(data.publishedIndex(parseIp('1.0.0.200')!), 1);
    assert.equal(data.publishedIndex(parseIp('1.0.0.1')!), 0);
    assert.equal(data.publishedIndex(parseIp('2001:db8:1::')!), 2);
    assert.equal(data.publishedIndex(parseIp('2001:db8:0:ff12::1')!), 3, 'the more specific range wins');
    assert.equal(data.published.count, 3);
    assert.equal(v6Reads, 1, 'and read once when needed');
  });

  it('gives back each published range\'s CIDR as the list has it, from an address in it', () => {
    const inside = ['1.0.0.200', '2001:db8:1::5', '2001:db8:0:ff12::1'].map((ip) => parseIp(ip)!);
    assert.deepEqual([1, 2, 3].map((i) => data.published.cidr(i, inside[i - 1]!)), lists[0]!.cidrs);
    assert.throws(() => data.published.cidr(1, inside[1]!), /cannot hold/);
  });

  it('refuses a damaged, foreign or mismatched file with a clear message', () => {
    const pub = decodePublished(published.file);
    assert.throws(() => decodeIpData(new Uint8Array(8), compiled.v6, pub), /too short/);
    assert.throws(() => decodeIpData(new Uint8Array(64), compiled.v6, pub), /not the expected whoserves IP file/);
    assert.throws(() => decodeIpData(compiled.main.subarray(0, 60), compiled.v6, pub), /truncated/);
    assert.throws(() => decodePublished(published.file.subarray(0, published.file.length - 1)), /published\.bin: truncated/);
    const other = compileIpData(compileNetworks(parseAsnCsv(csv4, 'v4'), []), compilePublished([]));
    assert.throws(() => decodeIpData(compiled.main, other.v6, pub), /built with another ipdata\.bin/);
    assert.throws(() => decodeIpData(other.main, other.v6, pub), /built for 0 published ranges, published\.bin has 3/);
  });

  it('names the line of a malformed CSV row', () => {
    assert.throws(() => parseAsnCsv('1,2,3,ok\nbroken\n', 'asn.csv'), /asn\.csv:2/);
    assert.throws(() => parseAsnCsv('5,2,3,backwards\n', 'asn.csv'), /asn\.csv:1: malformed/);
  });
});
