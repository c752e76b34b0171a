// `npm run bench:shards`: what the size of the extension's network shards
// costs. For shards of several sizes: how many files and how big, the package
// (raw and deflated, as in the store zip), what self-contained shards (each
// with its own copy of the organisation names it meets) would weigh instead,
// and the time to load one address's shards with an empty cache, in Node and
// inside headless Chromium's extension worker, against loading the whole
// tables there. Prints Markdown tables.
/// <reference types="chrome" />
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Worker } from 'playwright-core';
import { catalogueFile } from '../src/core/catalogue/compile-catalogue.js';
import { createEngine } from '../src/core/engine.js';
import { compileNetworks, type NetworkTables } from '../src/core/ip/compile-networks.js';
import { compileShards, shardSizesFor, SHARD_SIZES, type ShardSizes } from '../src/core/ip/compile-shards.js';
import { SHARD_DIR, SHARD_INDEX, ShardedIpData, decodeShardIndex } from '../src/core/ip/network-shards.js';
import { decodePublished } from '../src/core/ip/published-table.js';
import { formatIPv4, formatIPv6, v6Words } from '../src/core/ip/parse-ip.js';
import { readAsnRows } from '../src/node/read-ip-sources.js';
import { chromiumPath } from '../test/e2e/harness/browser-paths.js';
import { realAssets, realCatalogue } from '../test/unit/engine-fixture.js';
import type { MeasureApi } from './measure-shards-worker.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const KB = 1024;
/** Bytes per shard to try. */
const TARGETS = [16, 32, 64, 128, 256, 512].map((k) => k * KB);

const rows = readAsnRows();
const tables = compileNetworks(rows.v4, rows.v6);
const { published, main, v6 } = realAssets();
const catalogue = catalogueFile(realCatalogue());

// Addresses to look up: the first of random announced ranges, IPv4 and IPv6 alternately.
let seed = 0x9e3779b9;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const sample = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? formatIPv4(Number(rows.v4[Math.floor(random() * rows.v4.length)]!.first)) : formatIPv6(v6Words(rows.v6[Math.floor(random() * rows.v6.length)]!.first))));
const pair: [string, string] = ['104.16.1.1', '2a00:1450:4001::1'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const kb = (n: number) => `${(n / KB).toFixed(0)} KB`;
const mb = (n: number) => `${(n / KB / KB).toFixed(2)} MB`;
const deflated = (files: Iterable<Uint8Array>) => [...files].reduce((n, f) => n + deflateRawSync(f, { level: 9 }).length, 0);

/** What the address shards would weigh if each carried the ASNs and names of the networks it meets. */
function selfContainedBytes(t: NetworkTables, sizes: ShardSizes): number {
  const encoder = new TextEncoder();
  const nameBytes = t.networks.map((n) => encoder.encode(n.org).length);
  let total = 0;
  for (const [values, per, entry] of [[t.v4.values, sizes.v4Segments, 8], [t.v6.values, sizes.v6Segments, 20]] as const) {
    for (let i = 0; i < values.length; i += per) {
      const met = new Set(values.slice(i, i + per).filter((v) => v !== 0));
      total += Math.min(per, values.length - i) * entry + [...met].reduce((n, v) => n + 12 + nameBytes[v - 1]!, 0);
    }
  }
  return total;
}

const work = mkdtempSync(join(tmpdir(), 'whoserves-shards-'));
const variants = TARGETS.map((target) => {
  const sizes = shardSizesFor(target);
  const files = compileShards(tables, sizes);
  const dir = `t${target / KB}`;
  mkdirSync(join(work, 'ext', dir, SHARD_DIR), { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(work, 'ext', dir, SHARD_DIR, name), bytes);
  writeFileSync(join(work, 'ext', dir, 'published.bin'), published);
  writeFileSync(join(work, 'ext', dir, 'catalogue.json'), JSON.stringify(catalogue));
  return { target, sizes, files, dir };
});
// The whole tables as the worker used to load them: with the CIDRs inlined in the catalogue as text.
writeFileSync(join(work, 'ext', 'catalogue-with-cidrs.json'), JSON.stringify(realCatalogue()));
for (const [name, bytes] of [['published.bin', published], ['ipdata.bin', main], ['ipdata6.bin', v6]] as const) writeFileSync(join(work, 'ext', name), bytes);

// Node: one address's shards read from disk and checked, with an empty cache.
async function nodePrepareMs(dir: string): Promise<number> {
  const index = decodeShardIndex(await readFile(join(work, 'ext', dir, SHARD_DIR, SHARD_INDEX)));
  const table = decodePublished(published);
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const ip of sample) {
      const engine = createEngine(catalogue, new ShardedIpData(index, table, (name) => readFile(join(work, 'ext', dir, SHARD_DIR, name))));
      const t = performance.now();
      await engine.prepare([ip]);
      times.push(performance.now() - t);
    }
  }
  return median(times);
}

// Chromium: the same, in an extension's service worker, with fetch() of packaged files.
await build({ entryPoints: [join(root, 'scripts', 'measure-shards-worker.ts')], outfile: join(work, 'ext', 'worker.js'), bundle: true, format: 'iife', target: 'chrome120', logLevel: 'warning' });
writeFileSync(join(work, 'ext', 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'whoserves shard measure', version: '1', background: { service_worker: 'worker.js' } }));
async function launch(): Promise<{ call: <K extends keyof MeasureApi>(name: K, ...args: Parameters<MeasureApi[K]>) => ReturnType<MeasureApi[K]>; close: () => Promise<void> }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(work, 'profile-')), {
    executablePath: chromiumPath(),
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${join(work, 'ext')}`, `--load-extension=${join(work, 'ext')}`, '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const worker: Worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    call: (name, ...args) => worker.evaluate(([n, a]) => (globalThis as unknown as { measure: Record<string, (...x: unknown[]) => unknown> }).measure[n]!(...a), [name, args] as const) as never,
    close: () => context.close(),
  };
}

/** The first call in a fresh worker, as after the browser stopped an idle one: median over fresh browsers. */
async function cold<K extends keyof MeasureApi>(name: K, ...args: Parameters<MeasureApi[K]>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const b = await launch();
    times.push((await b.call(name, ...args)) as number);
    await b.close();
  }
  return median(times);
}

/** Leading-bit buckets instead: segments per bucket, for IPv4 by its first 8 bits and IPv6 by its first 16. */
function fixedBuckets(starts: number[], stride: number, bits: number): number[] {
  const counts = new Map<number, number>();
  for (let i = 0; i < starts.length; i += stride) counts.set(starts[i]! >>> (32 - bits), (counts.get(starts[i]! >>> (32 - bits)) ?? 0) + 1);
  return [...counts.values()];
}

const browser = await launch();
try {
  await browser.call('lookups', variants[0]!.dir, sample, pair); // warms the worker's code up, so the first row is not the slowest for it
  console.log(`\nwhoserves shards — node ${process.version}; ${tables.v4.values.length} IPv4 and ${tables.v6.values.length} IPv6 segments, ${tables.networks.length} networks\n`);
  console.log('| shard target | files v4 / v6 / names | sizes min / median / max | package raw (deflated) | self-contained shards instead | Node: prepare one address | Chromium: prepare one address (one fetch) | Chromium: data resident after one IPv4 + one IPv6 |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const v of variants) {
    const shards = [...v.files].filter(([name]) => name !== SHARD_INDEX).map(([, b]) => b.length);
    const count = (kind: string) => [...v.files.keys()].filter((n) => n.startsWith(kind)).length;
    const raw = [...v.files.values()].reduce((n, f) => n + f.length, 0);
    const r = await browser.call('lookups', v.dir, sample, pair);
    console.log(`| ${kb(v.target)}${v.sizes.v4Segments === SHARD_SIZES.v4Segments ? ' (chosen)' : ''} | ${count('v4-')} / ${count('v6-')} / ${count('names-')} | ${kb(Math.min(...shards))} / ${kb(median(shards))} / ${kb(Math.max(...shards))} | ${mb(raw)} (${mb(deflated(v.files.values()))}) | ${mb(selfContainedBytes(tables, v.sizes))} | ${(await nodePrepareMs(v.dir)).toFixed(2)} ms | ${r.prepareMs.toFixed(1)} ms (${r.fetchMs.toFixed(1)} ms) | ${kb(r.residentAfterPair)} + catalogue.json ${kb(JSON.stringify(catalogue).length)} |`);
  }
  for (const [family, starts, stride, bits, entry] of [['IPv4 by /8', tables.v4.starts, 1, 8, 8], ['IPv6 by /16', tables.v6.starts, 4, 16, 20]] as const) {
    const counts = fixedBuckets(starts, stride, bits);
    console.log(`\nFixed buckets, ${family}: ${counts.length} files, segments min / median / max ${Math.min(...counts)} / ${median(counts)} / ${Math.max(...counts)} (largest ${kb(Math.max(...counts) * entry)}).`);
  }
  const chosen = variants.find((v) => v.sizes.v4Segments === SHARD_SIZES.v4Segments) ?? variants[0]!;
  const wakeBytes = JSON.stringify(catalogue).length + published.length + chosen.files.get(SHARD_INDEX)!.length;
  console.log('\n| Chromium worker, loading what a wake needs | fresh worker (median of 5) | warm worker (median of 15) | data read |');
  console.log('|---|---|---|---|');
  console.log(`| catalogue.json + published.bin + shard index (now) | ${(await cold('wake', chosen.dir, 1)).toFixed(1)} ms | ${(await browser.call('wake', chosen.dir, 15)).toFixed(1)} ms | ${kb(wakeBytes)} |`);
  console.log(`| whole tables, CIDRs in catalogue.json (before) | ${(await cold('whole', '.', 'catalogue-with-cidrs.json', 1)).toFixed(1)} ms | ${(await browser.call('whole', '.', 'catalogue-with-cidrs.json', 15)).toFixed(1)} ms | ${mb(JSON.stringify(realCatalogue()).length + main.length + v6.length)} |`);
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
