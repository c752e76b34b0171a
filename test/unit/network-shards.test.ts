import assert from 'node:assert/strict';
import { classify } from '../../src/core/classify.js';
import { parseIp } from '../../src/core/ip/parse-ip.js';
import { ShardCache } from '../../src/core/ip/shard-cache.js';
import type { ReadShard } from '../../src/core/ip/network-shards.js';
import { realEngine, realShards, shardedEngine } from './engine-fixture.js';

// The worker's shards: loaded only for the addresses asked about, checked and
// bounded. That they answer exactly as the CLI's whole tables, for every range
// boundary of the real data, is test/data/network-shards.test.ts.

function recordingReader(change: (name: string, bytes: Uint8Array) => Uint8Array = (_n, b) => b) {
  const reads: string[] = [];
  const read: ReadShard = async (name) => {
    reads.push(name);
    return change(name, await realShards(name));
  };
  return { reads, read };
}

describe('network shards: loading', () => {
  it('loads nothing for text that is not an address, nor for private and reserved ones', async () => {
    const { reads, read } = recordingReader();
    await shardedEngine(read).prepare(['not an address', '10.0.0.1', '192.168.1.1', '::1', 'fe80::1', '']);
    assert.deepEqual(reads, []);
  });

  it('loads the address shards of the addresses and the names shards of their networks, then answers', async () => {
    const { reads, read } = recordingReader();
    const engine = shardedEngine(read);
    // Cloudflare's IPv4 and IPv6 networks are one network: one names shard.
    await engine.prepare(['104.16.1.1', '2606:4700::1111']);
    assert.deepEqual(reads.map((r) => r.replace(/-\d+/, '')), ['v4.bin', 'v6.bin', 'names.bin']);
    const report = classify(engine, { host: 'example.com', ips: ['104.16.1.1'] });
    assert.equal(report.providers[0]?.id, 'cloudflare');
    assert.equal(report.providers[0]?.evidence[0]?.detail, '104.16.1.1 is in 104.16.0.0/13, published by the provider (cloudflare.txt)');
  });

  it('refuses to look up an address that was not prepared, naming the mistake', async () => {
    const engine = shardedEngine();
    assert.throws(() => classify(engine, { host: 'example.com', ips: ['104.16.1.1'] }), /104\.16\.1\.1 was looked up before its network shard v4-\d+\.bin was loaded: await engine\.prepare\(\)/);
    await engine.prepare(['104.16.1.1']);
    assert.throws(() => classify(engine, { host: 'example.com', ips: ['223.5.5.5'] }), /223\.5\.5\.5 was looked up before/);
  });

  it('refuses to name a network whose names shard was not loaded', async () => {
    const engine = shardedEngine();
    const whole = realEngine().ip.networkIndex(parseIp('104.16.1.1')!);
    assert.throws(() => engine.ip.networkAt(whole), /network \d+ was read before its names shard names-\d+\.bin was loaded/);
  });

  it('rejects a truncated, damaged or foreign shard with a clear error, and reads it again next time', async () => {
    for (const damage of [(b: Uint8Array) => b.subarray(0, b.length - 4), (b: Uint8Array) => Object.assign(b, { [100]: b[100]! ^ 1 }), () => new Uint8Array(4096)]) {
      let broken = true;
      const { reads, read } = recordingReader((_name, bytes) => (broken ? damage(bytes) : bytes));
      const engine = shardedEngine(read);
      await assert.rejects(engine.prepare(['104.16.1.1']), /v4-\d+\.bin: damaged or truncated \(it does not match index\.bin; rebuild\)/);
      broken = false;
      await engine.prepare(['104.16.1.1']);
      assert.equal(classify(engine, { host: 'example.com', ips: ['104.16.1.1'] }).providers[0]?.id, 'cloudflare');
      assert.equal(reads.length, 3, 'the failed shard was read again, then its names shard');
    }
  });

  it('passes on a failure to read a shard', async () => {
    const engine = shardedEngine(() => Promise.reject(new Error('data/networks/v4-3.bin: HTTP 404')));
    await assert.rejects(engine.prepare(['104.16.1.1']), /HTTP 404/);
  });

  it('fetches a shard once when several callers ask for it at the same time', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { reads, read } = recordingReader();
    const engine = shardedEngine(async (name) => {
      await gate;
      return read(name);
    });
    // Two addresses of the same /13 (one shard, one network), asked for by three callers.
    const all = Promise.all([engine.prepare(['104.16.1.1']), engine.prepare(['104.16.2.2']), engine.prepare(['104.16.1.1', '104.16.3.3'])]);
    release();
    await all;
    assert.equal(reads.length, 2, reads.join());
    assert.equal(new Set(reads).size, 2);
  });
});

describe('network shards: the cache bound', () => {
  // Spread over the address space, so that each one needs other shards.
  const addresses = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? `${1 + i * 5}.1.2.3` : `2${(0x400 + i * 0x10).toString(16)}:1::1`));

  it('stays within its bytes, keeps what was used last, and reads an evicted shard again', async () => {
    const max = 300_000;
    const { reads, read } = recordingReader();
    const engine = shardedEngine(read, max);
    for (const ip of addresses) {
      await engine.prepare([ip]);
      classify(engine, { host: 'a.example', ips: [ip] });
      assert.ok(engine.ip.residentBytes <= max, `${engine.ip.residentBytes} bytes after ${ip}`);
    }
    const before = reads.length;
    await engine.prepare([addresses[addresses.length - 1]!]);
    assert.equal(reads.length, before, 'the last address\'s shards were still there');
    await engine.prepare([addresses[0]!]);
    assert.ok(reads.length > before, 'the first address\'s shards had been evicted');
  });

  it('keeps every shard one prepare() needs, even over the bound, until the next one comes in', async () => {
    const engine = shardedEngine(realShards, 1);
    const ips = addresses.slice(0, 10);
    await engine.prepare(ips);
    for (const ip of ips) classify(engine, { host: 'a.example', ips: [ip] });
    assert.ok(engine.ip.residentBytes > 1);
  });

  it('does not evict the shards of a prepare() still waiting for its names shard', async () => {
    let holdNames = true;
    let releaseNames: () => void = () => {};
    const namesGate = new Promise<void>((resolve) => (releaseNames = resolve));
    const engine = shardedEngine(async (name) => {
      if (name.startsWith('names-') && holdNames) await namesGate;
      return realShards(name);
    }, 1);
    const first = engine.prepare(['104.16.1.1']);
    await new Promise(setImmediate); // its address shard is in; its names shard is held back
    const second = engine.prepare(['223.5.5.5']); // brings in another address shard over a bound of one byte
    await new Promise(setImmediate);
    holdNames = false;
    releaseNames();
    await Promise.all([first, second]);
    assert.equal(classify(engine, { host: 'a.example', ips: ['104.16.1.1'] }).providers[0]?.id, 'cloudflare');
  });
});

describe('ShardCache', () => {
  const sized = (n: number) => ({ byteLength: n });
  const cache = () => new ShardCache(250, async (name: string) => sized(Number(name)));
  const use = async (c: ReturnType<typeof cache>, name: string) => {
    await c.acquire([name]);
    c.release([name]);
  };

  it('evicts the least recently used first', async () => {
    const c = cache();
    await use(c, '100');
    await use(c, '101');
    c.get('100'); // now the most recently used
    await use(c, '102');
    assert.equal(c.get('101'), undefined);
    assert.deepEqual(c.get('100'), sized(100));
    assert.equal(c.bytes, 202);
  });

  it('keeps held entries over the bound, and lets them go once released and another comes in', async () => {
    const c = cache();
    await c.acquire(['200', '201']);
    assert.equal(c.bytes, 401);
    c.release(['200', '201']);
    assert.equal(c.bytes, 401, 'releasing evicts nothing: the caller looks its addresses up next');
    await use(c, '10');
    assert.equal(c.get('200'), undefined);
    assert.equal(c.bytes, 211);
  });
});
