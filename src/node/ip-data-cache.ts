import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { CompiledCatalogue } from '../core/catalogue/types.js';
import { compileIpData } from '../core/ip/compile-ip-data.js';
import { compileNetworks } from '../core/ip/compile-networks.js';
import { compilePublished } from '../core/ip/compile-published.js';
import { compileShards } from '../core/ip/compile-shards.js';
import { SHARD_DIR } from '../core/ip/network-shards.js';
import { asnPackage, readAsnRows } from './read-ip-sources.js';

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/whoserves/', import.meta.url));
const compilerDir = fileURLToPath(new URL('../core/ip/', import.meta.url));

export interface IpAssets {
  /** The CLI's whole network tables. */
  main: Uint8Array;
  v6: Uint8Array;
  /** The providers' published ranges, for both. */
  published: Uint8Array;
  /** The extension's network shards and their index, by file name (in SHARD_DIR). */
  shards: Map<string, Uint8Array>;
  asnVersion: string;
}

const FILES = { main: 'ipdata.bin', v6: 'ipdata6.bin', published: 'published.bin' } as const;

/** The compiler's own source, so that changing how the files are made cannot leave stale ones in the cache. */
function compilerSource(): string[] {
  return readdirSync(compilerDir).sort().map((name) => readFileSync(join(compilerDir, name), 'utf8'));
}

function compile(catalogue: CompiledCatalogue): Omit<IpAssets, 'asnVersion'> {
  const rows = readAsnRows();
  const networks = compileNetworks(rows.v4, rows.v6);
  const published = compilePublished(catalogue.ranges);
  return { ...compileIpData(networks, published), published: published.file, shards: compileShards(networks) };
}

/**
 * Writes into a private directory, then renames it into place: a reader sees
 * all the files or none. Older entries go: each is ~22 MB, and every change
 * to the compiler makes a new one.
 */
function writeCached(dir: string, assets: Omit<IpAssets, 'asnVersion'>): void {
  const tmp = `${dir}.${process.pid}.tmp`;
  mkdirSync(join(tmp, SHARD_DIR), { recursive: true });
  for (const [key, name] of Object.entries(FILES)) writeFileSync(join(tmp, name), assets[key as keyof typeof FILES]);
  for (const [name, bytes] of assets.shards) writeFileSync(join(tmp, SHARD_DIR, name), bytes);
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process got there first
  }
  for (const name of readdirSync(cacheDir)) {
    if (/^ip-[0-9a-f]{16}$|^ipdata6?-[0-9a-f]{16}\.bin$/.test(name) && join(cacheDir, name) !== dir) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

/**
 * The compiled IP files for this catalogue, from @ip-location-db/asn (~3 s)
 * or from the cache when neither the ASN package, the published ranges nor
 * the code that compiles them changed. The build and the tests share the cache.
 */
export function ipAssetsFor(catalogue: CompiledCatalogue): IpAssets {
  const { version } = asnPackage();
  const key = createHash('sha256').update(JSON.stringify([version, catalogue.ranges, compilerSource()])).digest('hex').slice(0, 16);
  const dir = join(cacheDir, `ip-${key}`);
  try {
    const shards = new Map(readdirSync(join(dir, SHARD_DIR)).map((name) => [name, readFileSync(join(dir, SHARD_DIR, name))] as const));
    return { main: readFileSync(join(dir, FILES.main)), v6: readFileSync(join(dir, FILES.v6)), published: readFileSync(join(dir, FILES.published)), shards, asnVersion: version };
  } catch {
    const assets = compile(catalogue);
    writeCached(dir, assets);
    return { ...assets, asnVersion: version };
  }
}
