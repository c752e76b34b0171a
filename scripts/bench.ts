// `npm run bench`: IP lookup and table-load performance, each measured against
// a baseline in the same run (ratios, not absolute times, are what carry over
// between machines). Prints a Markdown table; the README quotes it.
import { readFileSync, writeFileSync, mkdtempSync, openSync, closeSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { decodeIpData } from '../src/core/ip/ip-data.js';
import { formatIPv4 } from '../src/core/ip/parse-ip.js';
import { parseAsnCsv } from '../src/core/ip/compile-networks.js';
import { decodePublished } from '../src/core/ip/published-table.js';
import { asnPackage } from '../src/node/read-ip-sources.js';
import { readBinary } from '../src/node/read-binary.js';
import { createResolver } from '../src/core/dns/resolver.js';
import { resolveHost } from '../src/core/dns/resolve-host.js';
import type { QueryType } from '../src/core/dns/types.js';
import type { FetchLike } from '../src/core/net/fetch-like.js';
import { startDohServer } from '../test/helpers/doh-server.js';
import { realCatalogue } from '../test/unit/engine-fixture.js';
import { installPublicSuffixes } from '../src/node/use-public-suffixes.js';
import { xorshift32 } from '../test/helpers/xorshift.js';

// The DNS lookups below work out registrable domains, as every lookup does.
await installPublicSuffixes();

const require = createRequire(import.meta.url);
const CidrMatcher = require('cidr-matcher') as new (cidrs: string[]) => { contains(ip: string): boolean };

const root = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(root, 'dist', 'cli', 'data');
const now = () => performance.now();

// Deterministic addresses, so runs compare.
const random32 = xorshift32(0x9e3779b9);
const N = 4_000_000;
const addresses = new Uint32Array(N);
for (let i = 0; i < N; i++) addresses[i] = random32();

/**
 * Lookups per second of each function over all addresses: best of `rounds`,
 * with the functions' rounds interleaved so a slow patch of the machine hits
 * them alike and the ratio between them stays meaningful.
 */
function throughputs(rounds: number, fns: ((ips: Uint32Array) => number)[]): number[] {
  const best = fns.map(() => Infinity);
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    fns.forEach((fn, i) => {
      const t = now();
      sink += fn(addresses);
      best[i] = Math.min(best[i]!, now() - t);
    });
  }
  if (sink === -1) console.log(''); // keep the work observable
  return best.map((ms) => (N / ms) * 1000);
}

function plainBinarySearch(starts: Uint32Array, values: Uint32Array) {
  return (ips: Uint32Array) => {
    let sum = 0;
    for (let i = 0; i < ips.length; i++) {
      const ip = ips[i]!;
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (starts[mid]! <= ip) lo = mid;
        else hi = mid - 1;
      }
      sum += values[lo]!;
    }
    return sum;
  };
}

const rows: [string, string, string][] = [];
const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)} M/s` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k/s` : `${n.toFixed(0)} /s`);

// 1. Table load: the binary asset vs parsing the CSV it was compiled from. Each load runs in a fresh
//    process, as the CLI's does: in a warm one, reused memory makes reading look several times cheaper.
const loads = Array.from({ length: 7 }, () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'measure-load.ts'), dataDir], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { v4: number; both: number };
});
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = median(loads.map((l) => l.v4));
const loadBoth = median(loads.map((l) => l.both));
const { dir } = asnPackage();
let t = now();
const parsed = parseAsnCsv(readFileSync(join(dir, 'asn-ipv4-num.csv'), 'utf8'), 'v4').length + parseAsnCsv(readFileSync(join(dir, 'asn-ipv6-num.csv'), 'utf8'), 'v6').length;
const csv = now() - t;
rows.push(['table load in a fresh process, as the CLI does (median of 7; IPv6 tables read on first use)', `${load.toFixed(1)} ms`, `${(csv / load).toFixed(0)}× faster than parsing the CSV (${csv.toFixed(0)} ms, ${parsed} rows); with IPv6 read too: ${loadBoth.toFixed(1)} ms (${(csv / loadBoth).toFixed(0)}×)`]);

const data = decodeIpData(readBinary(join(dataDir, 'ipdata.bin')), () => readBinary(join(dataDir, 'ipdata6.bin')), decodePublished(readBinary(join(dataDir, 'published.bin'))));

// 2. IPv4 → (network, published range): the engine's table, with and without its bucket index.
const [engineV4, plainV4] = throughputs(7, [
  (ips) => {
    let sum = 0;
    for (let i = 0; i < ips.length; i++) sum += data.answerV4(ips[i]!);
    return sum;
  },
  plainBinarySearch(data.v4.starts, data.v4.values),
]) as [number, number];
rows.push([`IPv4 → network and published range, ${data.v4.starts.length} segments`, fmt(engineV4), `${(engineV4 / plainV4).toFixed(1)}× a plain binary search over the same segments (${fmt(plainV4)})`]);

// 3. Against a general-purpose CIDR matcher, on the published ranges alone (all it can hold in reasonable time).
const cidrs = realCatalogue().ranges.flatMap((r) => r.cidrs).filter((c) => !c.includes(':'));
const matcher = new CidrMatcher(cidrs);
const sample = Array.from(addresses.subarray(0, 20_000), formatIPv4);
t = now();
let hits = 0;
for (const ip of sample) if (matcher.contains(ip)) hits++;
const cidrMatcher = (sample.length / (now() - t)) * 1000;
rows.push([`IPv4 → published range, ${cidrs.length} CIDRs`, fmt(engineV4), `${(engineV4 / cidrMatcher).toFixed(0)}× cidr-matcher's contains() on the same CIDRs (${fmt(cidrMatcher)}, ${hits} hits), which answers only yes or no`]);

// 4. The CLI end to end: 1 M addresses through `whoserves ip`, output discarded.
const tmp = mkdtempSync(join(tmpdir(), 'whoserves-bench-'));
const input = join(tmp, 'ips.txt');
writeFileSync(input, `${Array.from(addresses.subarray(0, 1_000_000), formatIPv4).join('\n')}\n`);
for (const json of [false, true]) {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const fd = openSync(input, 'r');
    t = now();
    const run = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'whoserves.mjs'), 'ip', ...(json ? ['--json'] : [])], { stdio: [fd, 'ignore', 'pipe'] });
    times.push((now() - t) / 1000);
    closeSync(fd);
    if (run.status !== 0) throw new Error(`whoserves ip failed: ${run.stderr.toString()}`);
  }
  const seconds = times.sort((a, b) => a - b)[1]!;
  rows.push([`\`whoserves ip${json ? ' --json' : ''}\`, 1 M addresses from stdin (median of 3)`, fmt(1_000_000 / seconds), `${seconds.toFixed(2)} s including start-up and table load`]);
}
rmSync(tmp, { recursive: true, force: true });

// 5. A DNS lookup against a local DoH resolver that adds 100 ms to every answer: all questions at once,
//    against asking them one after another.
const DELAY = 100;
const zone = {
  'www.shop.test': { CNAME: 'd1.cloudfront.net' },
  'd1.cloudfront.net': { A: ['13.32.1.1'] },
  'shop.test': { NS: ['ns-1.awsdns-01.org'], SOA: 'ns-1.awsdns-01.org', MX: ['aspmx.l.google.com'], TXT: ['v=spf1 include:_spf.google.com ~all'] },
};
for (const partialChains of [false, true]) {
  const doh = await startDohServer(zone, { delayMs: DELAY, partialChains });
  const fresh = () => createResolver({ resolver: doh.url, fetch: fetch as unknown as FetchLike, timeoutMs: 4000 });
  const singles: number[] = [];
  for (let i = 0; i < 3; i++) {
    t = now();
    await fresh().query('shop.test', 'NS');
    singles.push(now() - t);
  }
  const one = singles.sort((a, b) => a - b)[1]!;
  t = now();
  const dns = await resolveHost(fresh(), 'www.shop.test');
  const parallel = now() - t;
  const sequential = fresh();
  t = now();
  const questions: [string, QueryType][] = [['www.shop.test', 'A'], ['www.shop.test', 'AAAA'], ['shop.test', 'NS'], ['shop.test', 'SOA'], ['shop.test', 'MX'], ['shop.test', 'TXT']];
  if (partialChains) questions.push(['d1.cloudfront.net', 'A']);
  for (const [name, type] of questions) await sequential.query(name, type);
  const serial = now() - t;
  await doh.close();
  const extraHops = partialChains ? dns.cname.length : 0;
  const budget = 1.5 * one + extraHops * one;
  rows.push([`DNS lookup, 6 questions, ${dns.cname.length}-hop CNAME chain ${partialChains ? 'left unfinished by the resolver' : 'answered whole'}, ${DELAY} ms per answer`, `${parallel.toFixed(0)} ms`, `${(parallel / one).toFixed(2)}× one query (${one.toFixed(0)} ms; budget ${budget.toFixed(0)} ms = 1.5× + ${extraHops} hop); asked one by one: ${serial.toFixed(0)} ms`]);
}

console.log(`\nwhoserves benchmark — node ${process.version}, ${N / 1e6} M random IPv4 addresses\n`);
console.log('| measure | result | against the baseline |');
console.log('|---|---|---|');
for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`);
