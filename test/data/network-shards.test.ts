import assert from 'node:assert/strict';
import { classify } from '../../src/core/classify.js';
import { formatIPv4, formatIPv6, parseCidr, v6Words, type ParsedIp } from '../../src/core/ip/parse-ip.js';
import { readAsnRows } from '../../src/node/read-ip-sources.js';
import { realCatalogue, realEngine, realShards, shardedEngine } from '../unit/engine-fixture.js';
import { xorshift32 } from '../helpers/xorshift.js';

// The worker's shards must answer exactly as the CLI's whole tables: the same
// network and the same published range for every address.

const v4 = (n: number): ParsedIp => ({ version: 4, v4: n, text: '' });
const v6 = (x: bigint): ParsedIp => ({ version: 6, v6: v6Words(x), text: '' });
const show = (ip: ParsedIp) => (ip.version === 4 ? formatIPv4(ip.v4) : formatIPv6(ip.v6));
const MAX4 = 2n ** 32n - 1n;
const MAX6 = 2n ** 128n - 1n;

/** Each side of every place an answer can change: where a range starts and just after it ends, ±1. */
function boundaries(ranges: readonly { first: bigint; last: bigint }[], max: bigint): bigint[] {
  const out: bigint[] = [];
  for (const { first, last } of ranges) for (const x of [first - 1n, first, first + 1n, last, last + 1n, last + 2n]) if (x >= 0n && x <= max) out.push(x);
  return out;
}

const random32 = xorshift32(0x2545f491);
const random128 = () => (BigInt(random32()) << 96n) | (BigInt(random32()) << 64n) | (BigInt(random32()) << 32n) | BigInt(random32());

describe('network shards against the whole tables (real data)', function () {
  this.timeout(120_000);
  const rows = readAsnRows();
  const published = realCatalogue().ranges.flatMap((list) => list.cidrs.map((c) => parseCidr(c)!));
  const whole = realEngine().ip;

  async function assertSameAnswers(ips: ParsedIp[]): Promise<void> {
    const sharded = shardedEngine(realShards, Infinity).ip;
    await sharded.prepare(ips);
    for (const ip of ips) {
      if (sharded.networkIndex(ip) !== whole.networkIndex(ip)) assert.fail(`${show(ip)}: network ${sharded.networkIndex(ip)}, whole tables ${whole.networkIndex(ip)}`);
      if (sharded.publishedIndex(ip) !== whole.publishedIndex(ip)) assert.fail(`${show(ip)}: published range ${sharded.publishedIndex(ip)}, whole tables ${whole.publishedIndex(ip)}`);
    }
    const networks = new Set(ips.map((ip) => whole.networkIndex(ip)));
    for (const i of networks) assert.deepEqual(sharded.networkAt(i), whole.networkAt(i), `network ${i}`);
  }

  it('IPv4: every range boundary ±1 and 300 000 random addresses', async () => {
    const ranges = [...rows.v4, ...published.filter((c) => c.version === 4)];
    const ips = boundaries(ranges, MAX4).map((x) => v4(Number(x)));
    for (let i = 0; i < 300_000; i++) ips.push(v4(random32()));
    assert.ok(ips.length > 2_500_000);
    await assertSameAnswers(ips);
  });

  it('IPv6: every range boundary ±1 and 200 000 random addresses, half inside announced ranges', async () => {
    const ranges = [...rows.v6, ...published.filter((c) => c.version === 6)];
    const ips = boundaries(ranges, MAX6).map(v6);
    for (let i = 0; i < 100_000; i++) ips.push(v6(random128()));
    for (let i = 0; i < 100_000; i++) {
      const row = rows.v6[random32() % rows.v6.length]!;
      ips.push(v6(row.first + (random128() % (row.last - row.first + 1n))));
    }
    await assertSameAnswers(ips);
  });

  it('every network has the same ASN and organisation', async () => {
    const sharded = shardedEngine(realShards, Infinity).ip;
    // One address per range reaches every network.
    await sharded.prepare([...rows.v4.map((r) => v4(Number(r.first))), ...rows.v6.map((r) => v6(r.first))]);
    for (let i = 1; i <= whole.networkCount; i++) assert.deepEqual(sharded.networkAt(i), whole.networkAt(i), `network ${i}`);
  });

  it('classifies sampled addresses exactly as the CLI does', async () => {
    const engine = shardedEngine();
    for (let i = 0; i < 2000; i++) {
      const row = i % 2 === 0 ? rows.v4[random32() % rows.v4.length]! : rows.v6[random32() % rows.v6.length]!;
      const ip = show(i % 2 === 0 ? v4(Number(row.first)) : v6(row.first));
      await engine.prepare([ip]);
      assert.deepEqual(classify(engine, { host: 'sample.example', ips: [ip] }), classify(realEngine(), { host: 'sample.example', ips: [ip] }), ip);
    }
  });
});

/** Counts reads, and can hold them back or damage them. */
